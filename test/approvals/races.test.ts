import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createApprovalStore, type ApprovalStore, type TransitionResult } from '../../src/approvals/store.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';
import { APPROVER, DEADLINE, scaleInput, T0 } from './fixtures.js';

/**
 * Races between two bot replicas (or a replica and the deadline job): two connections, two store instances,
 * both requests sent at once. Each race runs many times so that either side gets to arrive first.
 */
const ITERATIONS = 200;
const OTHER_APPROVER = APPROVER + 1;

let redisA: Redis;
let redisB: Redis;
let prefix: string;
let replicaA: ApprovalStore;
let replicaB: ApprovalStore;

beforeAll(() => {
  redisA = testRedis();
  redisB = testRedis();
});
afterAll(async () => {
  await Promise.all([redisA.quit(), redisB.quit()]);
});
beforeEach(() => {
  prefix = uniquePrefix('approval-races');
  replicaA = createApprovalStore({ redis: redisA, keyPrefix: prefix, now: () => T0 });
  replicaB = createApprovalStore({ redis: redisB, keyPrefix: prefix, now: () => T0 });
});
afterEach(async () => {
  await deleteKeys(redisA, prefix);
});

/** Sends both at once; which one leaves first alternates with the iteration, so each side gets to lead. */
async function atOnce<T>(i: number, a: () => Promise<T>, b: () => Promise<T>): Promise<[T, T]> {
  if (i % 2 === 0) return Promise.all([a(), b()]);
  const [rb, ra] = await Promise.all([b(), a()]);
  return [ra, rb];
}

function winners(results: TransitionResult[]): TransitionResult[] {
  return results.filter((r) => r.ok);
}

describe('racing transitions', () => {
  it('lets exactly one of two concurrent approve taps win; the other sees wrong_state', async () => {
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { id } = await replicaA.create(scaleInput());
      const results = await atOnce(
        i,
        () => replicaA.transition(id, ['pending'], 'approved', { decidedBy: APPROVER }),
        () => replicaB.transition(id, ['pending'], 'approved', { decidedBy: OTHER_APPROVER }),
      );
      expect(winners(results)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'wrong_state' });
      const stored = await replicaA.get(id);
      const winner = results[0]?.ok ? APPROVER : OTHER_APPROVER;
      expect(stored?.decidedBy).toBe(winner);
      expect(stored?.history.filter((h) => h.state === 'approved')).toHaveLength(1);
    }
    expect((await replicaA.countsToday()).approved).toBe(ITERATIONS);
  });

  it('lets exactly one of an approve tap and the expiry job win at the deadline', async () => {
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { id } = await replicaA.create(scaleInput());
      // Half the taps land a millisecond before the deadline, half exactly on it; each leads half the time.
      const tapAt = i % 4 < 2 ? DEADLINE - 1 : DEADLINE;
      const [approve, expire] = await atOnce(
        i,
        () => replicaA.transition(id, ['pending'], 'approved', { decidedBy: APPROVER }, { now: tapAt }),
        () => replicaB.transition(id, ['pending'], 'expired', {}, { now: DEADLINE }),
      );
      expect(winners([approve, expire])).toHaveLength(1);
      const stored = await replicaA.get(id);
      if (approve.ok) {
        expect(expire).toMatchObject({ ok: false, reason: 'wrong_state' });
        expect(stored?.state).toBe('approved');
      } else {
        expect(['wrong_state', 'expired']).toContain(approve.ok ? undefined : approve.reason);
        expect(stored?.state).toBe('expired');
      }
      if (tapAt === DEADLINE) expect(approve.ok).toBe(false);
    }
  });

  it('lets exactly one of two workers start executing an approved record', async () => {
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { id } = await replicaA.create(scaleInput());
      await replicaA.transition(id, ['pending'], 'approved', { decidedBy: APPROVER });
      const results = await atOnce(
        i,
        () => replicaA.transition(id, ['approved'], 'executing'),
        () => replicaB.transition(id, ['approved'], 'executing'),
      );
      expect(winners(results)).toHaveLength(1);
      expect((await replicaA.get(id))?.history.map((h) => h.state)).toEqual(['pending', 'approved', 'executing']);
    }
    expect(await replicaA.listExecuting()).toHaveLength(ITERATIONS);
  });

  it('lets exactly one of an approve and a reject win, and the record shows the winner', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { id } = await replicaA.create(scaleInput());
      const [approve, reject] = await atOnce(
        i,
        () => replicaA.transition(id, ['pending'], 'approved', { decidedBy: APPROVER }),
        () => replicaB.transition(id, ['pending'], 'rejected', { decidedBy: OTHER_APPROVER }),
      );
      expect(winners([approve, reject])).toHaveLength(1);
      expect((await replicaA.get(id))?.state).toBe(approve.ok ? 'approved' : 'rejected');
      outcomes.add(approve.ok ? 'approved' : 'rejected');
    }
    expect(await replicaA.listPending()).toEqual([]);
    // Each side led half the time, so each must have won at least once.
    expect([...outcomes].sort()).toEqual(['approved', 'rejected']);
  });
});
