import type { ProviderName } from './provider-names.js';
import type { ProviderSettings } from './types.js';

/** Whole time per provider per call, retries included. */
export const DEFAULT_BUDGET_MS: Record<ProviderName, number> = {
  ollama: 60_000,
  nvidia: 60_000,
  gemini: 30_000,
  anthropic: 30_000,
};

/**
 * Requests per minute across all processes. NIM's free tier allows about 40/min, so 35 leaves headroom;
 * a local Ollama has no quota.
 */
export const DEFAULT_LIMIT_PER_MINUTE: Record<ProviderName, number | null> = {
  ollama: null,
  nvidia: 35,
  gemini: 60,
  anthropic: 60,
};

export interface ProviderSettingsInput {
  name: ProviderName;
  baseUrl: string;
  apiKey?: string;
  model: string;
  budgetMs?: number;
  /** undefined = the default for this provider; null = unlimited. */
  limitPerMinute?: number | null;
}

/** Fills in the budget and rate limit a provider gets when the configuration does not say. */
export function withProviderDefaults(input: ProviderSettingsInput): ProviderSettings {
  const settings: ProviderSettings = {
    name: input.name,
    baseUrl: input.baseUrl,
    model: input.model,
    budgetMs: input.budgetMs ?? DEFAULT_BUDGET_MS[input.name],
    limitPerMinute: input.limitPerMinute === undefined ? DEFAULT_LIMIT_PER_MINUTE[input.name] : input.limitPerMinute,
  };
  if (input.apiKey !== undefined) settings.apiKey = input.apiKey;
  return settings;
}
