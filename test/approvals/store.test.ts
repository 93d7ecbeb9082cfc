import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { approvalHash } from '../../src/approvals/hash.js';
import { approvalKey, executingIndexKey, pendingIndexKey } from '../../src/approvals/keys.js';
import { createApprovalStore, type ApprovalStore } from '../../src/approvals/store.js';
import { ALLOWED_TRANSITIONS } from '../../src/approvals/transitions.js';
import { APPROVAL_STATES, type ApprovalRecord, type ApprovalState } from '../../src/approvals/types.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';
import { APPROVER, CHAT, DEADLINE, REQUESTER, scaleInput, T0, TIMEOUT_SECONDS } from './fixtures.js';

const AUDIT_TTL_SECONDS = 3600;

let redis: Redis;
let prefix: string;
let clock: number;
let store: ApprovalStore;

beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = uniquePrefix('approvals');
  clock = T0;
  store = createApprovalStore({ redis, keyPrefix: prefix, auditTtlSeconds: AUDIT_TTL_SECONDS, now: () => clock });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

/** The shortest way from pending to each state, as the bot and the worker would take it. */
const PATH_TO: { [S in ApprovalState]: ApprovalState[] } = {
  pending: [],
  approved: ['approved'],
  executing: ['approved', 'executing'],
  succeeded: ['approved', 'executing', 'succeeded'],
  failed: ['approved', 'executing', 'failed'],
  rejected: ['rejected'],
  expired: ['expired'],
  cancelled: ['cancelled'],
};

async function recordIn(state: ApprovalState): Promise<ApprovalRecord> {
  let record = await store.create(scaleInput());
  for (const next of PATH_TO[state]) {
    const result = await store.transition(record.id, [record.state], next);
    if (!result.ok) throw new Error(`could not reach ${state}: ${result.reason}`);
    record = result.record;
  }
  return record;
}

const EDGES = APPROVAL_STATES.flatMap((from) => ALLOWED_TRANSITIONS[from].map((to) => [from, to] as const));

describe('creating an approval', () => {
  it('stores a pending record with the call, its hash, the people, the times and a first history entry', async () => {
    const record = await store.create(scaleInput());
    expect(record).toMatchObject({
      tool: 'scale_deployment',
      arguments: { name: 'web', replicas: 5, namespace: 'prod' },
      argsHash: approvalHash('scale_deployment', { name: 'web', replicas: 5, namespace: 'prod' }),
      risk: 'write',
      requesterId: REQUESTER,
      requesterName: 'Ana',
      chatId: CHAT,
      jobRef: 'job-42',
      locale: 'zh-TW',
      createdAt: T0,
      expiresAt: DEADLINE,
      state: 'pending',
      preview: { replicas: { from: 3, to: 5 } },
      history: [{ state: 'pending', at: T0, by: REQUESTER }],
    });
    expect(await store.get(record.id)).toEqual(record);
  });

  it('gives each approval its own unguessable id', async () => {
    const records = await Promise.all(Array.from({ length: 50 }, () => store.create(scaleInput())));
    expect(new Set(records.map((r) => r.id)).size).toBe(50);
    for (const r of records) expect(r.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('keeps a pending record for its timeout plus the audit TTL', async () => {
    const record = await store.create(scaleInput());
    const ttl = await redis.pttl(approvalKey(prefix, record.id));
    expect(ttl).toBeGreaterThan((TIMEOUT_SECONDS + AUDIT_TTL_SECONDS) * 1000 - 5000);
    expect(ttl).toBeLessThanOrEqual((TIMEOUT_SECONDS + AUDIT_TTL_SECONDS) * 1000);
  });

  it('refuses a timeout that is not a positive number of seconds', async () => {
    await expect(store.create(scaleInput({ timeoutSeconds: 0 }))).rejects.toThrow(/positive/);
    await expect(store.create(scaleInput({ timeoutSeconds: Number.NaN }))).rejects.toThrow(/positive/);
  });

  it('answers undefined for an id it does not hold, or text that cannot be an id', async () => {
    expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(await store.get('../../etc')).toBeUndefined();
  });

  it('remembers the card message id, and creates nothing for a record that is gone', async () => {
    const record = await store.create(scaleInput());
    await store.setCardMessage(record.id, 777);
    expect((await store.get(record.id))?.cardMessageId).toBe(777);
    await store.setCardMessage('BBBBBBBBBBBBBBBBBBBBBB', 778);
    expect(await redis.exists(approvalKey(prefix, 'BBBBBBBBBBBBBBBBBBBBBB'))).toBe(0);
  });
});

describe('allowed transitions', () => {
  it.each(EDGES)('moves %s → %s, merges the patch and appends to the history', async (from, to) => {
    const before = await recordIn(from);
    clock = T0 + 1000;
    const result = await store.transition(before.id, [from], to, { decidedBy: APPROVER, reason: 'looks right' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.state).toBe(to);
    expect(result.record.reason).toBe('looks right');
    expect(result.record.history).toEqual([...before.history, { state: to, at: T0 + 1000, by: APPROVER }]);
    expect(await store.get(before.id)).toEqual(result.record);
  });

  it('sets decidedAt on a decision unless the patch gives one, and leaves it alone afterwards', async () => {
    const record = await store.create(scaleInput());
    clock = T0 + 5000;
    const approved = await store.transition(record.id, ['pending'], 'approved', { decidedBy: APPROVER, decidedByName: 'Bo' });
    expect(approved.ok && approved.record).toMatchObject({ decidedAt: T0 + 5000, decidedBy: APPROVER, decidedByName: 'Bo' });
    clock = T0 + 9000;
    await store.transition(record.id, ['approved'], 'executing');
    const done = await store.transition(record.id, ['executing'], 'succeeded', { result: { replicas: 5, lines: [] } });
    expect(done.ok && done.record).toMatchObject({ decidedAt: T0 + 5000, state: 'succeeded', result: { replicas: 5, lines: [] } });
  });

  it('lets the recovery mark a record left executing as failed, with the reason', async () => {
    const record = await recordIn('executing');
    const result = await store.transition(record.id, ['executing'], 'failed', {
      error: 'outcome unknown, check the cluster',
    });
    expect(result.ok && result.record).toMatchObject({ state: 'failed', error: 'outcome unknown, check the cluster' });
  });
});

describe('forbidden transitions', () => {
  it.each(APPROVAL_STATES)('refuses every edge that does not start at the current state (%s)', async (state) => {
    const record = await recordIn(state);
    for (const [from, to] of EDGES.filter(([from]) => from !== state)) {
      const result = await store.transition(record.id, [from], to, { reason: 'should not stick' });
      expect(result).toEqual({ ok: false, reason: 'wrong_state', record });
    }
    expect(await store.get(record.id)).toEqual(record);
  });

  const missingEdges = APPROVAL_STATES.flatMap((from) =>
    APPROVAL_STATES.filter((to) => !ALLOWED_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const),
  );
  it.each(missingEdges)('throws on %s → %s, an edge the machine does not have, and changes nothing', async (from, to) => {
    const record = await recordIn(from);
    await expect(store.transition(record.id, [from], to)).rejects.toThrow(/not allowed/);
    expect(await store.get(record.id)).toEqual(record);
  });

  it('refuses a malformed patch before anything is written', async () => {
    const record = await store.create(scaleInput());
    await expect(store.transition(record.id, ['pending'], 'approved', { decidedBy: 1.5 })).rejects.toThrow();
    await expect(store.setCardMessage(record.id, -1)).rejects.toThrow();
    expect(await store.get(record.id)).toEqual(record);
  });

  it('answers not_found for a record it does not hold', async () => {
    expect(await store.transition('CCCCCCCCCCCCCCCCCCCCCC', ['pending'], 'approved')).toEqual({ ok: false, reason: 'not_found' });
    expect(await store.transition('no such id', ['pending'], 'approved')).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('the deadline and the card hash', () => {
  it('approves until just before expiresAt', async () => {
    const record = await store.create(scaleInput());
    const result = await store.transition(record.id, ['pending'], 'approved', {}, { now: DEADLINE - 1 });
    expect(result.ok).toBe(true);
  });

  it('refuses to approve at or after expiresAt with "expired", even though the expiry job has not run', async () => {
    const record = await store.create(scaleInput());
    for (const now of [DEADLINE, DEADLINE + 60_000]) {
      const result = await store.transition(record.id, ['pending'], 'approved', { decidedBy: APPROVER }, { now });
      expect(result).toEqual({ ok: false, reason: 'expired', record });
    }
    const expired = await store.transition(record.id, ['pending'], 'expired', {}, { now: DEADLINE + 61_000 });
    expect(expired.ok && expired.record.state).toBe('expired');
  });

  it('still lets a late reject or cancel through: only approving is bound by the deadline', async () => {
    const record = await store.create(scaleInput());
    const result = await store.transition(record.id, ['pending'], 'cancelled', {}, { now: DEADLINE + 1 });
    expect(result.ok).toBe(true);
  });

  it('refuses a decision made on a card whose hash no longer matches the record', async () => {
    const record = await store.create(scaleInput());
    const stale = approvalHash('scale_deployment', { name: 'web', replicas: 50, namespace: 'prod' });
    expect(await store.transition(record.id, ['pending'], 'approved', {}, { expectHash: stale })).toEqual({
      ok: false,
      reason: 'hash_mismatch',
      record,
    });
    const ok = await store.transition(record.id, ['pending'], 'approved', {}, { expectHash: record.argsHash });
    expect(ok.ok).toBe(true);
  });
});

describe('durability and retention', () => {
  it('keeps records across a restart: a new connection and a new store read and move them on', async () => {
    const record = await store.create(scaleInput());
    await store.transition(record.id, ['pending'], 'approved', { decidedBy: APPROVER });
    const otherRedis = testRedis();
    try {
      const restarted = createApprovalStore({ redis: otherRedis, keyPrefix: prefix, auditTtlSeconds: AUDIT_TTL_SECONDS });
      expect((await restarted.get(record.id))?.state).toBe('approved');
      const executing = await restarted.transition(record.id, ['approved'], 'executing');
      expect(executing.ok).toBe(true);
      expect((await restarted.listExecuting()).map((r) => r.id)).toEqual([record.id]);
    } finally {
      await otherRedis.quit();
    }
  });

  it.each(['succeeded', 'failed', 'rejected', 'expired', 'cancelled'] as const)(
    'gives a record entering %s the audit TTL',
    async (state) => {
      const record = await recordIn(state);
      const ttl = await redis.ttl(approvalKey(prefix, record.id));
      expect(ttl).toBeGreaterThan(AUDIT_TTL_SECONDS - 5);
      expect(ttl).toBeLessThanOrEqual(AUDIT_TTL_SECONDS);
    },
  );

  it('lets approved and executing records keep their longer TTL', async () => {
    const record = await recordIn('executing');
    expect(await redis.ttl(approvalKey(prefix, record.id))).toBeGreaterThan(AUDIT_TTL_SECONDS);
  });
});

describe('listing', () => {
  it('lists pending records soonest expiry first, optionally for one chat, and none that were decided', async () => {
    const late = await store.create(scaleInput({ timeoutSeconds: 900 }));
    const soon = await store.create(scaleInput({ timeoutSeconds: 60 }));
    const otherChat = await store.create(scaleInput({ chatId: 42, timeoutSeconds: 120 }));
    const decided = await store.create(scaleInput({ timeoutSeconds: 30 }));
    await store.transition(decided.id, ['pending'], 'rejected');

    expect((await store.listPending()).map((r) => r.id)).toEqual([soon.id, otherChat.id, late.id]);
    expect((await store.listPending({ chatId: CHAT })).map((r) => r.id)).toEqual([soon.id, late.id]);
    expect(await store.listPending({ chatId: 7 })).toEqual([]);
  });

  it('drops an id from the index when its record is gone', async () => {
    const kept = await store.create(scaleInput());
    const gone = await store.create(scaleInput());
    await redis.del(approvalKey(prefix, gone.id));
    expect((await store.listPending()).map((r) => r.id)).toEqual([kept.id]);
    expect(await redis.zrange(pendingIndexKey(prefix), 0, -1)).toEqual([kept.id]);
  });

  it('skips a malformed record in a list, and get says so loudly', async () => {
    const good = await store.create(scaleInput());
    const bad = await store.create(scaleInput());
    await redis.hset(approvalKey(prefix, bad.id), 'requesterId', '"not a number"');
    expect((await store.listPending()).map((r) => r.id)).toEqual([good.id]);
    await expect(store.get(bad.id)).rejects.toThrow(/malformed/);
  });

  it('lists executing records, oldest first, for the recovery after a crash', async () => {
    const first = await recordIn('executing');
    clock = T0 + 10_000;
    const second = await recordIn('executing');
    await recordIn('approved');
    await recordIn('succeeded');
    expect((await store.listExecuting()).map((r) => r.id)).toEqual([first.id, second.id]);
    expect(await redis.zcard(executingIndexKey(prefix))).toBe(2);
    await store.transition(first.id, ['executing'], 'failed', { error: 'outcome unknown, check the cluster' });
    expect((await store.listExecuting()).map((r) => r.id)).toEqual([second.id]);
  });

  it('names the pending records whose deadline has passed', async () => {
    const short = await store.create(scaleInput({ timeoutSeconds: 60 }));
    const long = await store.create(scaleInput({ timeoutSeconds: 600 }));
    const decided = await store.create(scaleInput({ timeoutSeconds: 30 }));
    await store.transition(decided.id, ['pending'], 'cancelled');

    expect(await store.dueForExpiry(T0 + 59_999)).toEqual([]);
    expect(await store.dueForExpiry(T0 + 60_000)).toEqual([short.id]);
    expect((await store.dueForExpiry(T0 + 600_000)).sort()).toEqual([short.id, long.id].sort());
  });
});

describe('counts for today', () => {
  it('counts pending now and the transitions into each state during the current UTC day', async () => {
    await recordIn('pending');
    await recordIn('pending');
    await recordIn('succeeded'); // also an approval today
    await recordIn('failed');
    await recordIn('rejected');
    await recordIn('expired');
    await recordIn('expired');
    await recordIn('cancelled');
    expect(await store.countsToday()).toEqual({ pending: 2, approved: 2, expired: 2, rejected: 1, succeeded: 1, failed: 1 });
  });

  it('starts the decided counts afresh on the next UTC day, while pending stays what it is', async () => {
    await recordIn('pending');
    await recordIn('approved');
    const tomorrow = Date.parse('2025-06-02T00:00:00Z');
    expect(await store.countsToday(tomorrow)).toEqual({ pending: 1, approved: 0, expired: 0, rejected: 0, succeeded: 0, failed: 0 });
    expect((await store.countsToday(tomorrow - 1)).approved).toBe(1);
  });
});

describe('a reason given after the reject', () => {
  it('is attached to a rejected record and refused for any other state', async () => {
    const redis = testRedis();
    const keyPrefix = uniquePrefix('reason');
    try {
      const store = createApprovalStore({ redis, keyPrefix });
      const base = {
        tool: 'restart_deployment' as const,
        arguments: { name: 'api', namespace: 'prod' },
        risk: 'write' as const,
        requesterId: 1,
        chatId: 1,
        locale: 'en' as const,
        timeoutSeconds: 60,
      };
      const pending = await store.create(base);
      expect(await store.setReason(pending.id, 'too early')).toBe(false);
      await store.transition(pending.id, ['pending'], 'rejected', { decidedBy: 2 });
      expect(await store.setReason(pending.id, 'wait for the release window')).toBe(true);
      expect((await store.get(pending.id))?.reason).toBe('wait for the release window');
      expect(await store.setReason('AAAAAAAAAAAAAAAAAAAAAA', 'x')).toBe(false);
    } finally {
      await deleteKeys(redis, keyPrefix);
      await redis.quit();
    }
  });
});
