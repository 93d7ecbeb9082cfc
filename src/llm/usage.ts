import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ProviderName } from './provider-names.js';

/** Keys outlive the day by a week so "yesterday" and last week's spend stay readable. */
export const USAGE_TTL_SECONDS = 8 * 24 * 60 * 60;

export interface UsageTotals {
  promptTokens: number;
  completionTokens: number;
  /** Answered requests (a failed attempt has no tokens and is not counted here). */
  requests: number;
  costMicroUsd: number;
}

export interface UsageCounter {
  record(provider: ProviderName, nowMs: number, delta: UsageTotals): Promise<void>;
  read(provider: ProviderName, nowMs: number): Promise<UsageTotals>;
}

const countField = z.coerce.number().int().nonnegative().catch(0);
const usageHashSchema = z.object({
  prompt_tokens: countField.default(0),
  completion_tokens: countField.default(0),
  requests: countField.default(0),
  cost_micro_usd: countField.default(0),
});

/** yyyy-mm-dd in UTC: one day's counters, whatever the server's time zone. */
export function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

export function usageKey(keyPrefix: string, day: string, provider: ProviderName): string {
  return `${keyPrefix}usage:${day}:${provider}`;
}

export function parseUsageHash(hash: unknown): UsageTotals {
  const fields = usageHashSchema.parse(hash ?? {});
  return {
    promptTokens: fields.prompt_tokens,
    completionTokens: fields.completion_tokens,
    requests: fields.requests,
    costMicroUsd: fields.cost_micro_usd,
  };
}

export function createUsageCounter(deps: { redis: Redis; keyPrefix: string }): UsageCounter {
  return {
    async record(provider, nowMs, delta) {
      const key = usageKey(deps.keyPrefix, utcDay(nowMs), provider);
      const results = await deps.redis
        .multi()
        .hincrby(key, 'prompt_tokens', delta.promptTokens)
        .hincrby(key, 'completion_tokens', delta.completionTokens)
        .hincrby(key, 'requests', delta.requests)
        .hincrby(key, 'cost_micro_usd', delta.costMicroUsd)
        .expire(key, USAGE_TTL_SECONDS)
        .exec();
      const failed = results?.find(([error]) => error !== null);
      if (failed?.[0]) throw failed[0];
    },
    async read(provider, nowMs) {
      return parseUsageHash(await deps.redis.hgetall(usageKey(deps.keyPrefix, utcDay(nowMs), provider)));
    },
  };
}
