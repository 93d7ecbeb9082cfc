import { describe, expect, it } from 'vitest';
import { createRateLimiter, type RateLimitRedis } from './rate-limit.js';

// The behaviour against a real Redis is in test/llm/rate-limit.test.ts; this covers the script-cache fallback,
// which a shared Redis cannot be made to show without flushing every other user's scripts.
function redisWithoutScript(): { redis: RateLimitRedis; state: { evalCalls: number } } {
  const state = { evalCalls: 0 };
  const stub: RateLimitRedis = {
    evalsha: () => Promise.reject(new Error('NOSCRIPT No matching script. Please use EVAL.')),
    eval: () => {
      state.evalCalls += 1;
      return Promise.resolve([1, 4, 0]);
    },
    zcount: () => Promise.resolve(0),
  };
  return { redis: stub, state };
}

describe('createRateLimiter', () => {
  it('sends the script body when Redis does not have it cached', async () => {
    const fake = redisWithoutScript();
    const decision = await createRateLimiter({ redis: fake.redis, keyPrefix: 'p:' }).tryAcquire('nvidia', 5, 0);
    expect(decision).toEqual({ admitted: true, remaining: 4, retryInMs: 0 });
    expect(fake.state.evalCalls).toBe(1);
  });

  it('passes other Redis errors on', async () => {
    const refuse = () => Promise.reject(new Error('READONLY replica'));
    const limiter = createRateLimiter({ redis: { evalsha: refuse, eval: refuse, zcount: refuse }, keyPrefix: 'p:' });
    await expect(limiter.tryAcquire('nvidia', 5, 0)).rejects.toThrow('READONLY');
  });
});
