import { z } from 'zod';

/** Real model providers, in the order the README's provider settings name them. */
export const PROVIDER_NAMES = ['ollama', 'nvidia', 'gemini', 'anthropic'] as const;
export const providerNameSchema = z.enum(PROVIDER_NAMES);
export type ProviderName = z.infer<typeof providerNameSchema>;

/** The offline provider: rule-based, no model, always available, named as such everywhere. */
export const OFFLINE_PROVIDER = 'offline' as const;
export type ChainLinkName = ProviderName | typeof OFFLINE_PROVIDER;
