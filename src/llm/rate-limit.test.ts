import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

// The behaviour against a real Redis is in test/llm/rate-limit.test.ts; this covers the script-cache fallback,
// which a shared Redis cannot be made to show without flushing every other user's scripts.
function redisWithoutScript(): { redis: Redis; state: { evalCalls: number } } {
  const state = { evalCalls: 0 };
  const stub = {
    evalsha: () => Promise.reject(new Error('NOSCRIPT No matching script. Please use EVAL.')),
    eval: () => {
      state.evalCalls += 1;
      return Promise.resolve([1, 4, 0]);
    },
  };
  // Cast: a stub with only the two methods the limiter calls.
  return { redis: stub as unknown as Redis, state };
}

describe('createRateLimiter', () => {
  it('sends the script body when Redis does not have it cached', async () => {
    const fake = redisWithoutScript();
    const decision = await createRateLimiter({ redis: fake.redis, keyPrefix: 'p:' }).tryAcquire('nvidia', 5, 0);
    expect(decision).toEqual({ admitted: true, remaining: 4, retryInMs: 0 });
    expect(fake.state.evalCalls).toBe(1);
  });

  it('passes other Redis errors on', async () => {
    const stub = { evalsha: () => Promise.reject(new Error('READONLY replica')) };
    // Cast: a stub with only the method the limiter calls.
    const limiter = createRateLimiter({ redis: stub as unknown as Redis, keyPrefix: 'p:' });
    await expect(limiter.tryAcquire('nvidia', 5, 0)).rejects.toThrow('READONLY');
  });
});
