import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createPromptLinks, promptLinkKey, type PromptLinks } from '../../src/bot/features/approval-prompts.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let keyPrefix: string;
let links: PromptLinks;
beforeEach(() => {
  redis = testRedis();
  keyPrefix = uniquePrefix('prompts');
  links = createPromptLinks(redis, keyPrefix);
});
afterEach(async () => {
  await deleteKeys(redis, keyPrefix);
  await redis.quit();
});

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('links from an approval prompt to its approval', () => {
  it('answer only the person the prompt was for, once, and lapse with their TTL', async () => {
    await links.save(-100, 42, { kind: 'confirm', approvalId: ID, userId: 7 }, 90.2);
    // Whole seconds, rounded up (Redis may already count one down on a loaded machine).
    const ttl = await redis.ttl(promptLinkKey(keyPrefix, -100, 42));
    expect(ttl).toBeGreaterThanOrEqual(89);
    expect(ttl).toBeLessThanOrEqual(91);
    expect(await links.take(-100, 42, 8)).toBeUndefined();
    expect(await links.take(-100, 41, 7)).toBeUndefined();
    expect(await links.take(-100, 42, 7)).toEqual({ kind: 'confirm', approvalId: ID, userId: 7 });
    expect(await links.take(-100, 42, 7)).toBeUndefined();
  });

  it('read back a malformed link as none, and drop it', async () => {
    const key = promptLinkKey(keyPrefix, 5, 6);
    for (const bad of ['not json', JSON.stringify({ kind: 'confirm', approvalId: '../x', userId: 7 }), `${ID}:7`]) {
      await redis.set(key, bad);
      expect(await links.take(5, 6, 7)).toBeUndefined();
      expect(await redis.exists(key)).toBe(0);
    }
  });
});
