import { afterEach, describe, expect, it } from 'vitest';
import { createLocaleStore } from '../../src/bot/locale-store.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { alertPostingLockKey } from '../../src/alerts/posting.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { notification, postWebhook } from '../support/alert-payloads.js';
import { ALICE, startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';
import { callBotApi } from '../demo/bot-api-call.js';
import { testRedis } from '../support/redis.js';

const TOKEN = 'through-bot-alert-token-0123456789';
const OPS = -100123; // a group chat for prod alerts

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(options: { env?: Record<string, string>; role?: 'all' | 'bot' } = {}): Promise<Harness> {
  harness = await startHarness({
    ...(options.role ? { role: options.role } : {}),
    env: {
      ALERT_WEBHOOK_TOKEN: TOKEN,
      ALERT_WEBHOOK_PORT: '0',
      ALERT_ROUTES: `namespace=prod→${OPS}`,
      ALERT_DEFAULT_CHAT_ID: String(ALICE),
      TIME_ZONE: 'Asia/Taipei',
      ...options.env,
    },
  });
  return harness;
}

function receiverUrl(h: Harness): string {
  const port = h.app.alerts?.receiverPort;
  if (port === undefined) throw new Error('the alert receiver is not running');
  return `http://127.0.0.1:${port}/alerts`;
}

async function send(h: Harness, body: unknown): Promise<void> {
  const reply = await postWebhook(receiverUrl(h), body, { token: TOKEN });
  expect(reply.status, reply.body).toBe(200);
}

/** Waits until the chat shows a message matching the pattern, then a little longer to catch any duplicate. */
async function shown(h: Harness, chatId: number, pattern: RegExp): Promise<EmulatedMessage> {
  const message = await h.emulator.waitFor(() => h.emulator.messages(chatId).find((m) => pattern.test(m.plainText)), 15_000);
  return message;
}

/**
 * Lets the queue settle: no alert job waiting or running. (Delayed jobs are left out: a group that was busy leaves
 * a delayed check for the case its holder died, which runs long after and finds nothing to do.)
 */
async function settled(h: Harness): Promise<void> {
  const redis = h.app.redis;
  const prefix = `${h.config.redis.keyPrefix}bull:alert-post:`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [waiting, active] = await Promise.all([redis.llen(`${prefix}wait`), redis.llen(`${prefix}active`)]);
    if (waiting + active === 0) return;
    if (Date.now() > deadline) throw new Error(`alert jobs still pending: ${waiting} waiting, ${active} active`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CRASHLOOP = (alerts: Parameters<typeof notification>[0]['alerts']) =>
  notification({
    commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical' },
    commonAnnotations: { summary: 'A pod of api keeps crashing.' },
    alerts,
  });

describe('alerts in the chat, through the worker and the Bot API emulator', () => {
  it('posts a firing group once, with severity, labels, summary and start time; repeats edit nothing; changes and the resolution edit that same message', async () => {
    const h = await start();
    await send(h, CRASHLOOP([{ fingerprint: 'a', labels: { pod: 'api-1' } }]));
    const card = await shown(h, OPS, /KubePodCrashLooping/);
    expect(card.plainText).toContain('🔥 FIRING');
    expect(card.plainText).toContain('severity critical');
    expect(card.plainText).toContain('A pod of api keeps crashing.');
    expect(card.plainText).toContain('namespace=prod');
    expect(card.plainText).toContain('Started: 2025-06-02 18:00 (Asia/Taipei)');
    expect(card.plainText).toContain('pod=api-1');

    // The same notification again (Alertmanager's repeat_interval, or a retry): nothing visible happens.
    await send(h, CRASHLOOP([{ fingerprint: 'a', labels: { pod: 'api-1' } }]));
    await settled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
    expect(h.emulator.messages(OPS)[0]?.edits).toBe(0);

    await send(
      h,
      CRASHLOOP([
        { fingerprint: 'a', labels: { pod: 'api-1' } },
        { fingerprint: 'b', labels: { pod: 'api-2' } },
      ]),
    );
    const two = await shown(h, OPS, /2 alerts, 2 firing/);
    expect(two.messageId).toBe(card.messageId);
    expect(two.plainText).toContain('pod=api-2');

    await send(
      h,
      CRASHLOOP([
        { fingerprint: 'a', status: 'resolved', labels: { pod: 'api-1' } },
        { fingerprint: 'b', status: 'resolved', labels: { pod: 'api-2' } },
      ]),
    );
    const resolved = await shown(h, OPS, /RESOLVED/);
    expect(resolved.messageId).toBe(card.messageId);
    expect(resolved.plainText).toContain('Resolved: 2025-06-02 18:30 (Asia/Taipei)');
    await settled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
    expect(h.emulator.messages(ALICE)).toHaveLength(0);
    await postWebhook(receiverUrl(h), CRASHLOOP([{ fingerprint: 'a' }]), { token: 'not-the-token-at-all' });
    const metrics = await (await fetch(`http://127.0.0.1:${h.app.metricsPort}/metrics`)).text();
    expect(metrics).toContain('chatops_alert_webhooks_total{outcome="accepted"} 4');
    expect(metrics).toContain('chatops_alert_webhooks_total{outcome="unauthorized"} 1');
  });

  it('sends a group no route matches to the default chat', async () => {
    const h = await start();
    await send(
      h,
      notification({
        commonLabels: { alertname: 'TargetDown', namespace: 'staging', severity: 'warning' },
        alerts: [{ fingerprint: 's' }],
      }),
    );
    const message = await shown(h, ALICE, /TargetDown/);
    expect(message.plainText).toContain('severity warning');
    expect(h.emulator.messages(OPS)).toHaveLength(0);
  });

  it('writes in Traditional Chinese for ALERT_LOCALE=zh-TW, and in a private chat in its user’s /lang choice', async () => {
    const h = await start({ env: { ALERT_LOCALE: 'zh-TW' } });
    await send(h, CRASHLOOP([{ fingerprint: 'a' }]));
    const zh = await shown(h, OPS, /KubePodCrashLooping/);
    expect(zh.plainText).toContain('🔥 告警中');
    expect(zh.plainText).toContain('開始時間：');

    // ALICE's private chat: her /lang choice (English) wins over ALERT_LOCALE.
    const redis = testRedis();
    await createLocaleStore(redis, h.config.redis.keyPrefix).set(ALICE, 'en');
    await redis.quit();
    await send(h, notification({ commonLabels: { alertname: 'TargetDown', namespace: 'staging' }, alerts: [{ fingerprint: 't' }] }));
    const en = await shown(h, ALICE, /TargetDown/);
    expect(en.plainText).toContain('🔥 FIRING');
  });

  it('posts exactly one message for a group notified many times at once', async () => {
    const h = await start();
    // A slow Telegram keeps the first send in flight while the other notifications' jobs start.
    h.emulator.setDelay('sendMessage', 400);
    const bodies = Array.from({ length: 12 }, (_, i) =>
      CRASHLOOP(Array.from({ length: i + 1 }, (_, j) => ({ fingerprint: `p${j}`, labels: { pod: `api-${j}` } }))),
    );
    const replies = await Promise.all(bodies.map((body) => postWebhook(receiverUrl(h), body, { token: TOKEN })));
    expect(replies.map((r) => r.status)).toEqual(bodies.map(() => 200));
    await shown(h, OPS, /12 alerts, 12 firing/);
    await settled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
    expect(h.emulator.calls().filter((c) => c.method === 'sendMessage' && c.params.chat_id === OPS)).toHaveLength(1);
  });

  it('keeps its state in Redis: a notification taken while no worker runs is posted after a restart, and the resolution edits that message', async () => {
    const h = await start({ role: 'bot' });
    await send(h, CRASHLOOP([{ fingerprint: 'a' }]));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.emulator.messages(OPS)).toHaveLength(0);

    await h.restart('all');
    const card = await shown(h, OPS, /FIRING/);
    await h.restart('all');
    await send(h, CRASHLOOP([{ fingerprint: 'a', status: 'resolved' }]));
    const resolved = await shown(h, OPS, /RESOLVED/);
    expect(resolved.messageId).toBe(card.messageId);
    await settled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
    const group = await h.app.alerts?.store.get(alertGroupId(CRASHLOOP([{ fingerprint: 'a' }]).groupKey));
    expect(group).toMatchObject({ status: 'resolved', messageId: card.messageId });
    expect(group?.postedRevision).toBe(group?.revision);
  });

  it('posts a group whose lock a dead worker left behind, once the lock expires', async () => {
    const h = await start();
    const payload = CRASHLOOP([{ fingerprint: 'a' }]);
    // As if a worker had died while posting this group: its lock stays until it expires.
    await h.app.redis.set(alertPostingLockKey(h.config.redis.keyPrefix, alertGroupId(payload.groupKey)), 'dead-worker', 'PX', 1500);
    const sent = Date.now();
    await send(h, payload);
    await shown(h, OPS, /FIRING/);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1400);
    await settled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
  });

  it('posts the group again when its message was deleted from the chat', async () => {
    const h = await start();
    await send(h, CRASHLOOP([{ fingerprint: 'a' }]));
    const first = await shown(h, OPS, /1 alert, 1 firing/);
    const deleted = await callBotApi(
      h.emulator.apiRoot,
      'deleteMessage',
      { chat_id: OPS, message_id: first.messageId },
      { token: TEST_BOT_TOKEN },
    );
    expect(deleted.body.ok).toBe(true);
    await send(h, CRASHLOOP([{ fingerprint: 'a' }, { fingerprint: 'b' }]));
    const again = await shown(h, OPS, /2 alerts, 2 firing/);
    expect(again.messageId).not.toBe(first.messageId);
    await settled(h);
    const group = await h.app.alerts?.store.get(alertGroupId(CRASHLOOP([]).groupKey));
    expect(group?.messageId).toBe(again.messageId);
    expect(h.logs.some((l) => l.includes('alert message is gone; posting it again'))).toBe(true);
  });

  it('does not start the receiver without ALERT_WEBHOOK_TOKEN, and says so', async () => {
    const h = await start({ env: { ALERT_WEBHOOK_TOKEN: '' } });
    expect(h.app.alerts).toBeUndefined();
    expect(h.logs.some((l) => l.includes('Alertmanager webhook receiver off: ALERT_WEBHOOK_TOKEN is not set'))).toBe(true);
  });
});
