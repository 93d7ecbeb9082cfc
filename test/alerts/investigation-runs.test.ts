import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { createAlertGroupStore, type AlertGroupStore } from '../../src/alerts/group-store.js';
import { createAlertIntake } from '../../src/alerts/intake.js';
import { alertInvestigationRef, createAlertInvestigations, type AlertInvestigations } from '../../src/alerts/investigation-runs.js';
import { createAuditTrail } from '../../src/audit/trail.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { NO_METRICS } from '../../src/metrics/registry.js';
import { notification } from '../support/alert-payloads.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

const PAYLOAD = notification({ alerts: [{ fingerprint: 'a', labels: { pod: 'api-1' } }] });
const GROUP = alertGroupId(PAYLOAD.groupKey);

let redis: Redis;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await redis.quit();
});
const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await deleteKeys(redis, prefix);
});

/** The investigations on the real Redis, with the agent queue played by a set of refs and their states. */
async function setup(
  now: () => number = Date.now,
): Promise<{ runs: AlertInvestigations; store: AlertGroupStore; jobs: Map<string, 'running' | 'done'> }> {
  const prefix = uniquePrefix('alert-inv');
  prefixes.push(prefix);
  const { logger } = captureLogger();
  const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
  const publisher = { publish: async () => undefined };
  await createAlertIntake({ store, publisher, routes: [], defaultChatId: -5, defaultLocale: 'en', logger }).receive(PAYLOAD);
  const jobs = new Map<string, 'running' | 'done'>();
  const runs = createAlertInvestigations({
    store,
    jobs: { isKnown: async (ref) => jobs.has(ref), isRunning: async (ref) => jobs.get(ref) === 'running' },
    audit: createAuditTrail({ redis, keyPrefix: prefix, logger, metrics: NO_METRICS }),
    t: createTranslator(),
    redis,
    keyPrefix: prefix,
    logger,
    now,
  });
  return { runs, store, jobs };
}

describe('one investigation per alert group', () => {
  it('gives the slot to the first tap, says the running one to the next, and frees it once that job has ended', async () => {
    const { runs, jobs } = await setup();
    const first = await runs.claim(GROUP, 'a000000001');
    expect(first.kind).toBe('claimed');
    if (first.kind === 'claimed') {
      expect(first.seed).toMatchObject({ task: 'incident_analysis', chatId: -5, groupId: GROUP });
      expect(first.seed.text).toContain('KubePodCrashLooping');
    }
    jobs.set('a000000001', 'running');
    expect(await runs.claim(GROUP, 'a000000002')).toEqual({ kind: 'running', ref: 'a000000001' });
    jobs.set('a000000001', 'done');
    expect((await runs.claim(GROUP, 'a000000002')).kind).toBe('claimed');
  });

  it('answers a tap delivered twice with its own job, and two taps at once get one slot', async () => {
    const { runs, jobs } = await setup();
    expect((await runs.claim(GROUP, 'a000000001')).kind).toBe('claimed');
    jobs.set('a000000001', 'running');
    expect(await runs.claim(GROUP, 'a000000001')).toEqual({ kind: 'repeated', ref: 'a000000001' });

    const other = await setup();
    const claims = await Promise.all(['b1', 'b2', 'b3', 'b4'].map((suffix) => other.runs.claim(GROUP, `a00000000${suffix}`)));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
  });

  it('keeps a slot whose job is still being queued, and frees it a minute later if that job never came', async () => {
    let clock = Date.parse('2025-06-02T10:00:00Z');
    const { runs } = await setup(() => clock);
    expect((await runs.claim(GROUP, 'a000000001')).kind).toBe('claimed');
    clock += 30_000;
    expect(await runs.claim(GROUP, 'a000000002')).toEqual({ kind: 'running', ref: 'a000000001' });
    clock += 31_000;
    expect((await runs.claim(GROUP, 'a000000002')).kind).toBe('claimed');
  });

  it('gives the slot back when the job could not be queued, and refuses groups that resolved or are unknown', async () => {
    const { runs, store } = await setup();
    expect((await runs.claim(GROUP, 'a000000001')).kind).toBe('claimed');
    await runs.release(GROUP, 'a000000001');
    expect((await runs.claim(GROUP, 'a000000002')).kind).toBe('claimed');
    expect(await runs.claim('ZZZZZZZZZZZZZZZZ', 'a000000003')).toEqual({ kind: 'unknown' });
    await store.update(GROUP, (g) => (g ? { ...g, status: 'resolved', revision: g.revision + 1 } : undefined));
    expect(await runs.claim(GROUP, 'a000000004')).toEqual({ kind: 'resolved' });
  });

  it('makes the same job ref of the same tap, and another of another tap', () => {
    expect(alertInvestigationRef('-5:42:1')).toBe(alertInvestigationRef('-5:42:1'));
    expect(alertInvestigationRef('-5:42:1')).not.toBe(alertInvestigationRef('-5:42:2'));
    expect(alertInvestigationRef('-5:42:1')).toMatch(/^a[0-9a-f]{9}$/);
  });
});
