import { randomUUID } from 'node:crypto';
import { luaScript } from '../lua-script.js';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ProviderName } from './provider-names.js';

/**
 * A sliding-log limit (one sorted-set entry per admitted request, scored by time), checked and recorded in one
 * Lua script so that every process sharing the Redis sees the same count. A sliding log rather than a fixed
 * window: a fixed window would let 2× the limit through around a window boundary, which NIM's ~40/min would
 * refuse.
 */
const SLIDING_LOG_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local retry = 0
if oldest[2] then retry = tonumber(oldest[2]) + window - now end
return {0, 0, retry}
`;
const script = luaScript(SLIDING_LOG_SCRIPT);
const decisionSchema = z.tuple([z.number(), z.number(), z.number()]);

export const RATE_WINDOW_MS = 60_000;

export interface RateLimitDecision {
  admitted: boolean;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
  /** When refused: ms until the oldest request leaves the window. */
  retryInMs: number;
}

export interface RateLimiter {
  tryAcquire(provider: ProviderName, limitPerMinute: number, nowMs: number): Promise<RateLimitDecision>;
  remaining(provider: ProviderName, limitPerMinute: number, nowMs: number): Promise<number>;
}

export function rateLimitKey(keyPrefix: string, provider: ProviderName): string {
  return `${keyPrefix}ratelimit:${provider}`;
}

/** The Redis commands the limiter uses, so a test can hand in a stub of just these. */
export type RateLimitRedis = Pick<Redis, 'evalsha' | 'eval' | 'zcount'>;

export function createRateLimiter(deps: { redis: RateLimitRedis; keyPrefix: string; windowMs?: number }): RateLimiter {
  const windowMs = deps.windowMs ?? RATE_WINDOW_MS;

  const runScript = (key: string, args: (string | number)[]) => script.run(deps.redis, [key], args);

  return {
    async tryAcquire(provider, limitPerMinute, nowMs) {
      const member = `${nowMs}:${randomUUID()}`;
      const reply = await runScript(rateLimitKey(deps.keyPrefix, provider), [nowMs, windowMs, limitPerMinute, member]);
      const [admitted, remaining, retryInMs] = decisionSchema.parse(reply);
      return { admitted: admitted === 1, remaining, retryInMs };
    },
    async remaining(provider, limitPerMinute, nowMs) {
      const used = await deps.redis.zcount(rateLimitKey(deps.keyPrefix, provider), `(${nowMs - windowMs}`, '+inf');
      return Math.max(0, limitPerMinute - used);
    },
  };
}
