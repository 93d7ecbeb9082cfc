import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAlertActions, silenceMatchers, type AlertActions } from '../../src/alerts/actions.js';
import { createAlertmanagerClient } from '../../src/alerts/alertmanager-client.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { createAlertGroupStore, type AlertGroupStore } from '../../src/alerts/group-store.js';
import { createAlertIntake } from '../../src/alerts/intake.js';
import { mayActOnAlert } from '../../src/alerts/policy.js';
import { createAuditTrail, type AuditTrail } from '../../src/audit/trail.js';
import { NO_METRICS } from '../../src/metrics/registry.js';
import { notification, postWebhook } from '../support/alert-payloads.js';
import { ALICE, BOB, CAROL, startHarness, type Harness } from '../support/bot-harness.js';
import { startFakeAlertmanager, type FakeAlertmanager } from '../support/fake-alertmanager.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

const HOUR = 3_600_000;
const PAYLOAD = notification({
  commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1', severity: 'critical' },
  alerts: [{ fingerprint: 'a' }],
});
const GROUP = alertGroupId(PAYLOAD.groupKey);

let redis: Redis;
let alertmanager: FakeAlertmanager;
beforeAll(async () => {
  redis = testRedis();
  alertmanager = await startFakeAlertmanager();
});
afterAll(async () => {
  await alertmanager.close();
  await redis.quit();
});

interface Setup {
  actions: AlertActions;
  store: AlertGroupStore;
  audit: AuditTrail;
  published: { groupId: string; revision: number }[];
  /** When the message was asked to be shown again (a silence's end). */
  refreshes: { groupId: string; at: number }[];
  /** Silences the fake Alertmanager holds that this setup made (the fake is shared by the tests of this file). */
  newSilences(): ReturnType<FakeAlertmanager['silences']>;
}

const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await deleteKeys(redis, prefix);
});

/** The domain functions on the real Redis (store, audit trail) with the fake Alertmanager; the queue is a recorder. */
async function setup(options: { alertmanager?: boolean; payload?: typeof PAYLOAD; now?: () => number } = {}): Promise<Setup> {
  const known = new Set(alertmanager.silences().map((silence) => silence.id));
  const prefix = uniquePrefix('alert-act');
  prefixes.push(prefix);
  const { logger } = captureLogger();
  const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
  const audit = createAuditTrail({ redis, keyPrefix: prefix, logger, metrics: NO_METRICS });
  const published: Setup['published'] = [];
  const refreshes: Setup['refreshes'] = [];
  const publisher = {
    publish: async (groupId: string, revision: number) => void published.push({ groupId, revision }),
    refreshAt: async (groupId: string, at: number) => void refreshes.push({ groupId, at }),
  };
  await createAlertIntake({ store, publisher, routes: [], defaultChatId: -100, defaultLocale: 'en', logger }).receive(
    options.payload ?? PAYLOAD,
  );
  const actions = createAlertActions({
    store,
    publisher,
    audit,
    ...(options.alertmanager === false ? {} : { alertmanager: createAlertmanagerClient({ baseUrl: alertmanager.url, timeoutMs: 2000 }) }),
    redis,
    keyPrefix: prefix,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    actions,
    store,
    audit,
    published,
    refreshes,
    newSilences: () => alertmanager.silences().filter((silence) => !known.has(silence.id)),
  };
}

describe('acknowledging an alert group', () => {
  it('records who took it, queues the message edit and writes the audit trail; a second tap changes nothing', async () => {
    const s = await setup();
    const result = await s.actions.acknowledge(GROUP, { userId: ALICE, name: 'Alice' });
    expect(result.kind).toBe('acknowledged');
    const group = await s.store.get(GROUP);
    expect(group?.acknowledgedBy).toMatchObject({ userId: ALICE, name: 'Alice' });
    expect(s.published.at(-1)).toEqual({ groupId: GROUP, revision: group?.revision });

    const again = await s.actions.acknowledge(GROUP, { userId: BOB, name: 'Bob' });
    expect(again).toMatchObject({ kind: 'already', by: { userId: ALICE, name: 'Alice' } });
    expect((await s.store.get(GROUP))?.revision).toBe(group?.revision);

    const entries = (await s.audit.latest(10)).filter((e) => e.kind === 'alert');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'alert', decision: 'acknowledge', userId: ALICE, chatId: -100, outcome: 'succeeded' });
    expect(entries[0]?.detail).toContain(GROUP);
  });

  it('answers unknown for a group that does not exist', async () => {
    const s = await setup();
    expect(await s.actions.acknowledge('AAAAAAAAAAAAAAAA', { userId: ALICE })).toEqual({ kind: 'unknown' });
  });
});

describe('silencing an alert group', () => {
  it('creates an Alertmanager silence on the group’s common labels, naming the Telegram user, for the asked time', async () => {
    const s = await setup();
    const before = Date.now();
    const result = await s.actions.silence(GROUP, { userId: ALICE, name: 'Alice' }, HOUR);
    expect(result.kind).toBe('silenced');
    if (result.kind !== 'silenced') return;

    const [made, ...others] = s.newSilences();
    expect(others).toEqual([]);
    expect(made?.id).toBe(result.silenceId);
    expect(made?.matchers).toEqual([
      { name: 'alertname', value: 'KubePodCrashLooping', isRegex: false, isEqual: true },
      { name: 'namespace', value: 'prod', isRegex: false, isEqual: true },
      { name: 'pod', value: 'api-1', isRegex: false, isEqual: true },
      { name: 'severity', value: 'critical', isRegex: false, isEqual: true },
    ]);
    expect(made?.createdBy).toBe(`Alice (Telegram user ${ALICE})`);
    expect(made?.comment).toContain('Alice');
    const length = Date.parse(made?.endsAt ?? '') - Date.parse(made?.startsAt ?? '');
    expect(length).toBe(HOUR);
    expect(Date.parse(made?.startsAt ?? '')).toBeGreaterThanOrEqual(before - 1000);

    // Alertmanager itself reports it as active, under the id we stored.
    const read = await createAlertmanagerClient({ baseUrl: alertmanager.url }).getSilence(result.silenceId);
    expect(read.status.state).toBe('active');
    const group = await s.store.get(GROUP);
    expect(group?.silence).toMatchObject({ id: result.silenceId, by: { userId: ALICE, name: 'Alice' }, until: result.until });
    expect(s.published.at(-1)?.revision).toBe(group?.revision);
    // At the silence's end the message is shown again (it says the silence ended and offers Silence again).
    expect(s.refreshes).toEqual([{ groupId: GROUP, at: result.until }]);

    const [entry] = (await s.audit.latest(10)).filter((e) => e.kind === 'alert');
    expect(entry).toMatchObject({ decision: 'silence', userId: ALICE, chatId: -100, outcome: 'succeeded', durationMs: HOUR });
    expect(entry?.detail).toContain(result.silenceId);
    expect(entry?.detail).toContain('namespace="prod"');
  });

  it('makes one silence for a double tap, and none while one from the chat is still running', async () => {
    const s = await setup();
    const results = await Promise.all([
      s.actions.silence(GROUP, { userId: ALICE }, HOUR),
      s.actions.silence(GROUP, { userId: BOB }, HOUR),
      s.actions.silence(GROUP, { userId: ALICE }, HOUR),
    ]);
    expect(results.filter((r) => r.kind === 'silenced')).toHaveLength(1);
    expect(results.filter((r) => r.kind !== 'silenced').every((r) => r.kind === 'in_progress' || r.kind === 'active')).toBe(true);
    expect(await s.actions.silence(GROUP, { userId: BOB }, HOUR)).toMatchObject({ kind: 'active' });
    expect(s.newSilences()).toHaveLength(1);
  });

  it('says why when Alertmanager fails, stores no silence, and audits the failure', async () => {
    const s = await setup();
    alertmanager.failNext(500);
    const result = await s.actions.silence(GROUP, { userId: ALICE }, HOUR);
    expect(result).toMatchObject({ kind: 'failed', error: expect.stringContaining('HTTP 500') as unknown });
    expect((await s.store.get(GROUP))?.silence).toBeUndefined();
    const [entry] = (await s.audit.latest(10)).filter((e) => e.kind === 'alert');
    expect(entry).toMatchObject({ decision: 'silence', outcome: 'failed', userId: ALICE });
    // The next tap tries again.
    expect((await s.actions.silence(GROUP, { userId: ALICE }, HOUR)).kind).toBe('silenced');
  });

  it('refuses without ALERTMANAGER_URL, and for a group without common labels', async () => {
    const off = await setup({ alertmanager: false });
    expect(await off.actions.silence(GROUP, { userId: ALICE }, HOUR)).toEqual({ kind: 'not_configured' });
    const mixed = notification({
      groupKey: '{}:{}',
      commonLabels: {},
      groupLabels: {},
      alerts: [{ fingerprint: 'x', labels: { alertname: 'A' } }],
    });
    const s = await setup({ payload: mixed });
    expect(await s.actions.silence(alertGroupId('{}:{}'), { userId: ALICE }, HOUR)).toEqual({ kind: 'no_matchers' });
    expect(silenceMatchers({ commonLabels: { a: '', b: 'x' } })).toEqual([{ name: 'b', value: 'x', isRegex: false, isEqual: true }]);
  });

  it('lets only approvers silence; anyone the bot serves may acknowledge or investigate', () => {
    const settings = { approverIds: [ALICE, BOB] };
    expect(mayActOnAlert('silence', ALICE, settings)).toBe(true);
    expect(mayActOnAlert('silence', CAROL, settings)).toBe(false);
    expect(mayActOnAlert('acknowledge', CAROL, settings)).toBe(true);
    expect(mayActOnAlert('investigate', CAROL, settings)).toBe(true);
  });
});

describe('acknowledge and silence through the running bot', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('edits the alert message to show who acknowledged and who silenced it until when', async () => {
    const h = await startHarness({
      env: {
        ALERT_WEBHOOK_TOKEN: 'actions-through-bot-token-0123456789',
        ALERT_WEBHOOK_PORT: '0',
        ALERT_DEFAULT_CHAT_ID: '-100777',
        ALERTMANAGER_URL: alertmanager.url,
        TIME_ZONE: 'UTC',
      },
    });
    harness = h;
    const reply = await postWebhook(`http://127.0.0.1:${h.app.alerts?.receiverPort}/alerts`, PAYLOAD, {
      token: 'actions-through-bot-token-0123456789',
    });
    expect(reply.status).toBe(200);
    const card = await h.emulator.waitFor(() => h.emulator.messages(-100777)[0], 15_000);
    const actions = h.app.alerts?.actions;
    expect((await actions?.acknowledge(GROUP, { userId: ALICE, name: 'Alice' }))?.kind).toBe('acknowledged');
    await h.emulator.waitFor(() => h.emulator.messages(-100777).find((m) => m.plainText.includes('Acknowledged by Alice')), 15_000);
    const silenced = await actions?.silence(GROUP, { userId: BOB, name: 'Bob' }, HOUR);
    expect(silenced?.kind).toBe('silenced');
    const edited = await h.emulator.waitFor(
      () => h.emulator.messages(-100777).find((m) => m.plainText.includes('Silenced by Bob until')),
      15_000,
    );
    expect(edited.messageId).toBe(card.messageId);
    expect(edited.plainText).toContain('Acknowledged by Alice');
    expect(h.emulator.messages(-100777)).toHaveLength(1);
    const audit = (await h.app.approvals.audit.latest(20)).filter((e) => e.kind === 'alert').map((e) => [e.decision, e.userId]);
    expect(audit).toEqual([
      ['silence', BOB],
      ['acknowledge', ALICE],
    ]);
  });
});
