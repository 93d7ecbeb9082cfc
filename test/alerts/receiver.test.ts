import { connect } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAlertGroupStore, type AlertGroupStore } from '../../src/alerts/group-store.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { createAlertIntake, type AlertIntake } from '../../src/alerts/intake.js';
import { startAlertReceiver, type AlertReceiver, type ReceiverOutcome } from '../../src/alerts/receiver.js';
import { startFakeAlertmanager, type FakeAlertmanager } from '../support/fake-alertmanager.js';
import { notification, postWebhook } from '../support/alert-payloads.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

const TOKEN = 'receiver-test-token-0123456789abcdef';
const MAX_BYTES = 16 * 1024;

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
  url: string;
  prefix: string;
  store: AlertGroupStore;
  published: { groupId: string; revision: number }[];
  outcomes: ReceiverOutcome[];
  lines: string[];
  keys(): Promise<string[]>;
}

let receiver: AlertReceiver | undefined;
let prefix: string | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  if (prefix) await deleteKeys(redis, prefix);
});

/** The receiver on 127.0.0.1 with the real intake and store on Redis; the queue is a recording stand-in. */
async function start(options: { wrap?: (intake: AlertIntake) => AlertIntake } = {}): Promise<Setup> {
  prefix = uniquePrefix('alert-rx');
  const { logger, lines } = captureLogger([TOKEN]);
  const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
  const published: Setup['published'] = [];
  const intake = createAlertIntake({
    store,
    publisher: { publish: async (groupId, revision) => void published.push({ groupId, revision }) },
    routes: [{ matchers: [{ label: 'namespace', value: 'prod', negate: false }], chatId: -100 }],
    defaultChatId: -200,
    defaultLocale: 'en',
    logger,
  });
  const outcomes: ReceiverOutcome[] = [];
  receiver = await startAlertReceiver({
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    maxBytes: MAX_BYTES,
    intake: options.wrap ? options.wrap(intake) : intake,
    logger,
    onOutcome: (o) => outcomes.push(o),
  });
  const p = prefix;
  return {
    url: `http://127.0.0.1:${receiver.port}/alerts`,
    prefix: p,
    store,
    published,
    outcomes,
    lines,
    keys: async () => (await redis.keys(`${p}*`)).sort(),
  };
}

const FIRING = notification({ alerts: [{ fingerprint: 'f1', labels: { pod: 'api-1' } }] });

describe('the Alertmanager webhook receiver', () => {
  it('stores and queues a valid notification, then answers 200', async () => {
    const s = await start();
    const reply = await postWebhook(s.url, FIRING, { token: TOKEN });
    expect(reply.status).toBe(200);
    const id = alertGroupId(FIRING.groupKey);
    expect(JSON.parse(reply.body)).toEqual({ status: 'ok', group: id });
    expect(s.published).toEqual([{ groupId: id, revision: 1 }]);
    expect(await s.store.get(id)).toMatchObject({ chatId: -100, status: 'firing', revision: 1 });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'receiver-test-token-0123456789abcdeX'],
    ['a prefix of the token', TOKEN.slice(0, 10)],
  ])('answers 401 to %s and stores and queues nothing', async (_what, token) => {
    const s = await start();
    const reply = await postWebhook(s.url, FIRING, token ? { token } : {});
    expect(reply.status).toBe(401);
    expect(s.published).toEqual([]);
    expect(await s.keys()).toEqual([]);
    expect(s.outcomes).toEqual(['unauthorized']);
    expect(s.lines.some((l) => l.includes('missing or wrong bearer token'))).toBe(true);
  });

  it('answers 401, not 413, to an oversized body without the token', async () => {
    const s = await start();
    const reply = await postWebhook(s.url, null, { raw: 'x'.repeat(MAX_BYTES + 1) });
    expect(reply.status).toBe(401);
  });

  it('answers 413 to a body over the cap and stores nothing', async () => {
    const s = await start();
    const big = notification({ alerts: [{ fingerprint: 'f1', annotations: { description: 'y'.repeat(MAX_BYTES) } }] });
    const reply = await postWebhook(s.url, big, { token: TOKEN });
    expect(reply.status).toBe(413);
    expect(await s.keys()).toEqual([]);
    expect(s.outcomes).toEqual(['too_large']);
  });

  it('answers 413 to a chunked body that grows past the cap while it is read', async () => {
    const s = await start();
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(s.url).port), '127.0.0.1', () => {
        socket.write(`POST /alerts HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\ntransfer-encoding: chunked\r\n\r\n`);
        const chunk = 'z'.repeat(4096);
        for (let i = 0; i < 8; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
      socket.on('error', (error) => (text ? resolve(text.split('\r\n')[0] ?? '') : reject(error)));
    });
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await s.keys()).toEqual([]);
  });

  it.each([
    ['text that is not JSON', '{"version": "4",', 'body is not JSON'],
    ['JSON that is not an Alertmanager payload', JSON.stringify({ hello: 'world' }), 'version'],
    ['a version 3 payload', JSON.stringify({ ...FIRING, version: '3' }), 'version'],
    [
      'an alert with a number as a label',
      JSON.stringify({ ...FIRING, alerts: [{ ...FIRING.alerts[0], labels: { pod: 1 } }] }),
      'alerts.0.labels.pod',
    ],
  ])('answers 400 to %s with a log line, and stores nothing', async (_what, raw, reason) => {
    const s = await start();
    const reply = await postWebhook(s.url, null, { token: TOKEN, raw });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain(reason);
    expect(await s.keys()).toEqual([]);
    expect(s.lines.filter((l) => l.includes('alert webhook refused'))).toHaveLength(1);
  });

  it('takes POST on / too, refuses other methods and paths, and keeps serving after a malformed request', async () => {
    const s = await start();
    const root = s.url.replace(/\/alerts$/, '/');
    expect((await postWebhook(root, FIRING, { token: TOKEN })).status).toBe(200);
    expect((await postWebhook(s.url, null, { token: TOKEN, method: 'GET' })).status).toBe(405);
    expect((await postWebhook(`${root}metrics`, FIRING, { token: TOKEN })).status).toBe(404);
    const garbage = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(s.url).port), '127.0.0.1', () => socket.write('\u0000\u0001 not http at all\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(garbage).toContain('400');
    expect((await postWebhook(s.url, FIRING, { token: TOKEN })).status).toBe(200);
  });

  it('never logs the token', async () => {
    const s = await start();
    await postWebhook(s.url, FIRING, { token: TOKEN });
    await postWebhook(s.url, FIRING, { token: `${TOKEN}x` });
    expect(s.lines.join('\n')).not.toContain(TOKEN);
  });

  it('answers 503 when the notification cannot be stored, and Alertmanager’s retry then lands it once', async () => {
    let failures = 1;
    const s = await start({
      wrap: (intake) => ({
        receive: (payload) => (failures-- > 0 ? Promise.reject(new Error('Redis is down')) : intake.receive(payload)),
      }),
    });
    const result = await alertmanager.notify({ url: s.url, token: TOKEN }, FIRING, { backoffMs: 20 });
    expect(result.attempts).toEqual([503, 200]);
    // Alertmanager sends the same notification again on its repeat interval: still one revision, one queue entry.
    expect((await alertmanager.notify({ url: s.url, token: TOKEN }, FIRING)).attempts).toEqual([200]);
    const id = alertGroupId(FIRING.groupKey);
    expect((await s.store.get(id))?.revision).toBe(1);
    expect(s.published.filter((p) => p.revision === 1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(s.published.map((p) => `${p.groupId}-${p.revision}`))).toEqual(new Set([`${id}-1`]));
    expect(s.lines.some((l) => l.includes('Alertmanager will retry'))).toBe(true);
  });

  it('does not retry a refused notification, as Alertmanager does not after a 4xx', async () => {
    const s = await start();
    const result = await alertmanager.notify({ url: s.url, token: 'wrong-token-wrong-token' }, FIRING, { backoffMs: 10 });
    expect(result.attempts).toEqual([401]);
    expect(await s.keys()).toEqual([]);
  });

  it('routes by label: the first matching route, else the default chat', async () => {
    const s = await start();
    const staging = notification({
      commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'staging', severity: 'warning' },
      alerts: [{ fingerprint: 's1' }],
    });
    await postWebhook(s.url, FIRING, { token: TOKEN });
    await postWebhook(s.url, staging, { token: TOKEN });
    expect((await s.store.get(alertGroupId(FIRING.groupKey)))?.chatId).toBe(-100);
    expect((await s.store.get(alertGroupId(staging.groupKey)))?.chatId).toBe(-200);
  });
});
