import type { ProviderName } from './provider-names.js';

/** USD per 1M tokens, list prices for prompts up to 200k tokens (checked 2025; update with the vendors' pages). */
export interface ModelPrice {
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
}

const FREE: ModelPrice = { inputPerMillionUsd: 0, outputPerMillionUsd: 0 };

/**
 * Providers that bill no tokens: Ollama runs locally; NVIDIA's API catalog (integrate.api.nvidia.com) is the
 * rate-limited developer tier, and a self-hosted NIM costs machines, not tokens.
 */
const FREE_PROVIDERS: ReadonlySet<ProviderName> = new Set<ProviderName>(['ollama', 'nvidia']);

/** Matched by the longest prefix, so dated names (claude-sonnet-4-5-20250929) find their family. */
const PRICES_BY_MODEL_PREFIX: Record<'gemini' | 'anthropic', Record<string, ModelPrice>> = {
  gemini: {
    'gemini-3-pro': { inputPerMillionUsd: 2, outputPerMillionUsd: 12 },
    'gemini-3-flash': { inputPerMillionUsd: 0.5, outputPerMillionUsd: 3 },
    'gemini-2.5-pro': { inputPerMillionUsd: 1.25, outputPerMillionUsd: 10 },
    'gemini-2.5-flash': { inputPerMillionUsd: 0.3, outputPerMillionUsd: 2.5 },
    'gemini-2.5-flash-lite': { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.4 },
    'gemini-2.0-flash': { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.4 },
    'gemini-2.0-flash-lite': { inputPerMillionUsd: 0.075, outputPerMillionUsd: 0.3 },
  },
  anthropic: {
    'claude-opus-4-5': { inputPerMillionUsd: 5, outputPerMillionUsd: 25 },
    // Opus 4 and 4.1 (claude-opus-4-0, claude-opus-4-1, claude-opus-4-20250514).
    'claude-opus-4': { inputPerMillionUsd: 15, outputPerMillionUsd: 75 },
    'claude-sonnet-4-5': { inputPerMillionUsd: 3, outputPerMillionUsd: 15 },
    'claude-sonnet-4': { inputPerMillionUsd: 3, outputPerMillionUsd: 15 },
    'claude-3-7-sonnet': { inputPerMillionUsd: 3, outputPerMillionUsd: 15 },
    'claude-haiku-4-5': { inputPerMillionUsd: 1, outputPerMillionUsd: 5 },
    'claude-3-5-haiku': { inputPerMillionUsd: 0.8, outputPerMillionUsd: 4 },
  },
};

/** The price of a model, or null when unknown (its cost then counts as 0 and /status says unpriced). */
export function findModelPrice(provider: ProviderName, model: string): ModelPrice | null {
  if (FREE_PROVIDERS.has(provider)) return FREE;
  if (provider !== 'gemini' && provider !== 'anthropic') return null;
  const name = model
    .trim()
    .toLowerCase()
    .replace(/^models\//, '');
  let best: { prefix: string; price: ModelPrice } | null = null;
  for (const [prefix, price] of Object.entries(PRICES_BY_MODEL_PREFIX[provider])) {
    if (name.startsWith(prefix) && (best === null || prefix.length > best.prefix.length)) best = { prefix, price };
  }
  return best?.price ?? null;
}

/** Cost in micro-USD (integer, for HINCRBY): $X per 1M tokens is X micro-USD per token. */
export function costMicroUsd(price: ModelPrice | null, promptTokens: number, completionTokens: number): number {
  if (price === null) return 0;
  return Math.round(promptTokens * price.inputPerMillionUsd + completionTokens * price.outputPerMillionUsd);
}
