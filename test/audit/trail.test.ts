import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { auditStreamKey, createAuditTrail, type AuditEntry, type AuditTrail, type AuditTrailDeps } from '../../src/audit/trail.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { captureLogger } from '../support/log-capture.js';
import { match } from '../support/matchers.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let prefix: string;
let trail: AuditTrail;
let clock: number;
let logs: ReturnType<typeof captureLogger>;
let registry: Registry;
let deps: Omit<AuditTrailDeps, 'redis' | 'keyPrefix'>;

beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(() => {
  prefix = uniquePrefix('audit');
  // Near real time: since() reads stream ids, which carry Redis's clock.
  clock = Date.now();
  logs = captureLogger();
  const metrics = createMetrics();
  registry = metrics.registry;
  deps = { now: () => clock, logger: logs.logger, metrics: metrics.metrics };
  trail = createAuditTrail({ redis, keyPrefix: prefix, ...deps });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

const HOUR = 3_600_000;

describe('the audit trail', () => {
  it('appends entries and shows the latest first, every field as it was written', async () => {
    const approval: Omit<AuditEntry, 'at'> = {
      kind: 'approval',
      chatId: -1_001_234_567_890,
      userId: 111,
      tool: 'delete_resource',
      argsHash: 'f'.repeat(64),
      approvalId: 'AAAAAAAAAAAAAAAAAAAAAA',
      approver: 222,
      decision: 'approved',
    };
    const first = await trail.append({ kind: 'request', chatId: 1, userId: 111, task: 'tool_calling', model: 'm', tokens: 90 });
    clock += 1000;
    const second = await trail.append(approval);
    expect(compareStreamIds(first ?? '', second ?? '')).toBe(-1);

    const latest = await trail.latest(10);
    expect(latest).toEqual([
      { id: second, at: clock, ...approval },
      { id: first, at: clock - 1000, kind: 'request', chatId: 1, userId: 111, task: 'tool_calling', model: 'm', tokens: 90 },
    ]);
    expect(await trail.latest(1)).toEqual([latest[0]]);
  });

  it('keeps an explicit time instead of now', async () => {
    await trail.append({ kind: 'execution', at: clock - 5000, outcome: 'failed', costUsd: 0.0021, durationMs: 31_000 });
    expect(await trail.latest(1)).toMatchObject([{ at: clock - 5000, outcome: 'failed', costUsd: 0.0021, durationMs: 31_000 }]);
  });

  it('returns nothing for latest(0) or a negative count', async () => {
    await trail.append({ kind: 'request' });
    expect(await trail.latest(0)).toEqual([]);
    expect(await trail.latest(-3)).toEqual([]);
  });

  it('refuses an entry the schema refuses and writes nothing, but says so in the log and in /metrics', async () => {
    expect(await trail.append({ kind: 'request', chatId: 5, tokens: Number.NaN })).toBeUndefined();
    // @ts-expect-error: a kind outside the four, as a careless caller might send
    expect(await trail.append({ kind: 'gossip' })).toBeUndefined();
    expect(await redis.exists(auditStreamKey(prefix))).toBe(0);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/chatops_audit_append_failures_total\{kind="request"\} 1/);
    expect(metrics).toMatch(/chatops_audit_append_failures_total\{kind="invalid"\} 1/);
    expect(failureLogs()).toEqual([
      match.objectContaining({ level: 50, audit_kind: 'request', chat_id: 5 }),
      match.objectContaining({ level: 50, audit_kind: 'gossip' }),
    ]);
  });

  it('never throws when Redis refuses the write: the failure is logged with the ids and counted', async () => {
    // A plain string where the stream should be: XADD fails with WRONGTYPE, as a real Redis refuses it.
    await redis.set(auditStreamKey(prefix), 'not a stream');
    const id = await trail.append({
      kind: 'approval',
      chatId: -100,
      userId: 7,
      approvalId: 'AAAAAAAAAAAAAAAAAAAAAA',
      jobRef: 'a123456789',
      tool: 'scale_deployment',
      decision: 'approved',
    });
    expect(id).toBeUndefined();
    expect(failureLogs()).toEqual([
      match.objectContaining({
        level: 50,
        audit_kind: 'approval',
        chat_id: -100,
        user_id: 7,
        approval_id: 'AAAAAAAAAAAAAAAAAAAAAA',
        job_id: 'a123456789',
        err: match.objectContaining({ message: match.stringContaining('WRONGTYPE') }),
      }),
    ]);
    expect(await registry.metrics()).toMatch(/chatops_audit_append_failures_total\{kind="approval"\} 1/);
  });

  it('never throws when the connection is gone', async () => {
    const closed = testRedis();
    await closed.quit();
    const detached = createAuditTrail({ redis: closed, keyPrefix: prefix, ...deps });
    expect(await detached.append({ kind: 'execution', approvalId: 'BBBBBBBBBBBBBBBBBBBBBB', outcome: 'succeeded' })).toBeUndefined();
    expect(failureLogs()).toEqual([match.objectContaining({ approval_id: 'BBBBBBBBBBBBBBBBBBBBBB' })]);
    expect(await registry.metrics()).toMatch(/chatops_audit_append_failures_total\{kind="execution"\} 1/);
  });

  it('counts nothing while writes succeed', async () => {
    await trail.append({ kind: 'request' });
    expect(failureLogs()).toEqual([]);
    expect(await registry.metrics()).not.toMatch(/chatops_audit_append_failures_total\{/);
  });

  it('lists the entries since a time, oldest first, by their own time', async () => {
    await trail.append({ kind: 'request', at: clock - 3 * HOUR, detail: 'too old' });
    await trail.append({ kind: 'request', at: clock - 2 * HOUR, detail: 'two hours ago' });
    await trail.append({ kind: 'execution', at: clock - 60_000, detail: 'a minute ago' });
    const since = await trail.since(clock - 150 * 60_000);
    expect(since.map((e) => e.detail)).toEqual(['two hours ago', 'a minute ago']);
    expect(await trail.since(clock + 1)).toEqual([]);
  });

  it('reads by stream id from the requested time (XRANGE), so it does not scan the whole stream', async () => {
    // An old entry as a restored backup would hold it: its stream id is from 1970.
    await redis.xadd(auditStreamKey(prefix), '1000-0', 'at', String(clock), 'kind', 'request', 'detail', 'old id');
    await trail.append({ kind: 'request', detail: 'new' });
    expect((await trail.since(clock - HOUR)).map((e) => e.detail)).toEqual(['new']);
  });

  it('reads a long range in pages and misses nothing', async () => {
    const total = 2500;
    for (let i = 0; i < total; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => trail.append({ kind: 'tool_call', tokens: i + j })));
    }
    const since = await trail.since(clock - HOUR);
    expect(since).toHaveLength(total);
    expect(new Set(since.map((e) => e.tokens)).size).toBe(total);
    const ids = since.map((e) => e.id);
    expect([...ids].sort(compareStreamIds)).toEqual(ids);
  });

  it('is capped by length: old entries go, approximately at MAXLEN', async () => {
    const capped = createAuditTrail({ redis, keyPrefix: prefix, maxLen: 200, ...deps });
    for (let i = 0; i < 1000; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => capped.append({ kind: 'request', tokens: i + j })));
    }
    const length = await redis.xlen(auditStreamKey(prefix));
    // MAXLEN ~ trims whole stream nodes (100 entries each by default), so it may keep up to one node more.
    expect(length).toBeGreaterThanOrEqual(200);
    expect(length).toBeLessThanOrEqual(300);
    expect((await capped.latest(3)).map((e) => e.tokens).sort()).toEqual([997, 998, 999]);
  });

  it('skips and counts stream entries that do not parse, and reads on', async () => {
    const key = auditStreamKey(prefix);
    await trail.append({ kind: 'request', detail: 'good 1' });
    await redis.xadd(key, '*', 'kind', 'request');
    await redis.xadd(key, '*', 'at', 'yesterday', 'kind', 'request');
    await redis.xadd(key, '*', 'at', String(clock), 'kind', 'gossip');
    await trail.append({ kind: 'request', detail: 'good 2' });

    expect((await trail.latest(10)).map((e) => e.detail)).toEqual(['good 2', 'good 1']);
    expect(trail.skippedCount()).toBe(3);
    expect((await trail.since(clock - HOUR)).map((e) => e.detail)).toEqual(['good 1', 'good 2']);
    expect(trail.skippedCount()).toBe(6);
  });

  it('reads an empty or missing stream as no entries', async () => {
    expect(await trail.latest(5)).toEqual([]);
    expect(await trail.since(0)).toEqual([]);
  });
});

function failureLogs() {
  return logs.records().filter((r) => r.msg === 'audit entry NOT written');
}

function compareStreamIds(a: string, b: string): number {
  const [ams, aseq] = a.split('-').map(BigInt);
  const [bms, bseq] = b.split('-').map(BigInt);
  if (ams !== bms) return ams < bms ? -1 : 1;
  return aseq < bseq ? -1 : aseq === bseq ? 0 : 1;
}
