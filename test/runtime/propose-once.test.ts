import { afterAll, describe, expect, it } from 'vitest';
import type { ProposeResult } from '../../src/approvals/flow.js';
import { proposeOnce } from '../../src/runtime/propose-once.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

const redis = testRedis();
const prefix = uniquePrefix('propose-once');
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const blocked: ProposeResult = { kind: 'blocked', mode: 'read-only' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('proposing a job’s change once', () => {
  it('lets only one of two overlapping runs of the same job propose, though both started before either finished', async () => {
    let proposals = 0;
    const slowProposal = async () => {
      proposals++;
      await sleep(50);
      return blocked;
    };
    const key = `${prefix}overlap`;
    const [first, second] = await Promise.all([proposeOnce(redis, key, slowProposal), proposeOnce(redis, key, slowProposal)]);
    expect(proposals).toBe(1);
    expect([first, second].filter((r) => r !== undefined)).toEqual([blocked]);
    expect(await redis.get(key)).toBe('blocked');
  });

  it('gives the claim back when the proposal fails, so the job’s retry may propose', async () => {
    const key = `${prefix}fails`;
    await expect(proposeOnce(redis, key, () => Promise.reject(new Error('redis went away')))).rejects.toThrow('redis went away');
    expect(await redis.exists(key)).toBe(0);
    expect(await proposeOnce(redis, key, () => Promise.resolve(blocked))).toEqual(blocked);
    expect(await proposeOnce(redis, key, () => Promise.resolve(blocked))).toBeUndefined();
  });
});
