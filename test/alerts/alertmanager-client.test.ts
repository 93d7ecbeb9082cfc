import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertmanagerError, createAlertmanagerClient } from '../../src/alerts/alertmanager-client.js';
import { startFakeAlertmanager, type FakeAlertmanager } from '../support/fake-alertmanager.js';

let alertmanager: FakeAlertmanager;
beforeAll(async () => {
  alertmanager = await startFakeAlertmanager();
});
afterAll(async () => {
  await alertmanager.close();
});

const SILENCE = {
  matchers: [{ name: 'alertname', value: 'KubePodCrashLooping', isRegex: false, isEqual: true }],
  startsAt: new Date('2030-01-01T00:00:00Z'),
  endsAt: new Date('2030-01-01T01:00:00Z'),
  createdBy: 'Alice (Telegram user 1001)',
  comment: 'client test',
};

describe('the Alertmanager API v2 silences client', () => {
  it('creates a silence, reads it back and expires it', async () => {
    const client = createAlertmanagerClient({ baseUrl: `${alertmanager.url}/` });
    const id = await client.createSilence(SILENCE);
    const read = await client.getSilence(id);
    expect(read).toMatchObject({
      id,
      createdBy: SILENCE.createdBy,
      comment: 'client test',
      matchers: SILENCE.matchers,
      status: { state: 'pending' },
    });
    await client.expireSilence(id);
    expect((await client.getSilence(id)).status.state).toBe('expired');
    const posted = alertmanager.requests().find((r) => r.method === 'POST' && r.path === '/api/v2/silences');
    expect(posted?.body).toMatchObject({ startsAt: '2030-01-01T00:00:00.000Z', endsAt: '2030-01-01T01:00:00.000Z' });
  });

  it('sends user:password from the URL as basic auth, and never puts it in an error', async () => {
    const url = alertmanager.url.replace('http://', 'http://ops:s3cret-pass@');
    const client = createAlertmanagerClient({ baseUrl: url });
    await client.createSilence(SILENCE);
    expect(alertmanager.requests().at(-1)?.authorization).toBe(`Basic ${Buffer.from('ops:s3cret-pass').toString('base64')}`);
    alertmanager.failNext(503);
    const error = await client.createSilence(SILENCE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerError);
    expect(String(error)).toContain('HTTP 503');
    expect(String(error)).not.toContain('s3cret-pass');
  });

  it('turns Alertmanager’s refusal into a clear error with its reason', async () => {
    const client = createAlertmanagerClient({ baseUrl: alertmanager.url });
    const error = await client.createSilence({ ...SILENCE, endsAt: SILENCE.startsAt, startsAt: SILENCE.endsAt }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerError);
    expect((error as AlertmanagerError).status).toBe(400);
    expect((error as Error).message).toMatch(/POST .*\/api\/v2\/silences: HTTP 400: invalid silence: end time/);
    await expect(client.createSilence({ ...SILENCE, matchers: [] })).rejects.toThrow(/at least one matcher/);
    await expect(client.getSilence('no-such-silence')).rejects.toThrow(/HTTP 404/);
    await expect(client.getSilence('../../api/v2/status')).rejects.toThrow(/not a silence id/);
  });

  it('gives up after its timeout, and when nothing listens, saying so', async () => {
    alertmanager.setDelay(500);
    try {
      const slow = createAlertmanagerClient({ baseUrl: alertmanager.url, timeoutMs: 100 });
      await expect(slow.createSilence(SILENCE)).rejects.toThrow(/no answer within 100 ms/);
    } finally {
      alertmanager.setDelay(0);
    }
    const nobody = createAlertmanagerClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(nobody.createSilence(SILENCE)).rejects.toThrow(/Alertmanager POST http:\/\/127\.0\.0\.1:9\/api\/v2\/silences: .+/);
  });

  it('refuses an answer that is not what API v2 promises', async () => {
    const client = createAlertmanagerClient({
      baseUrl: 'http://alertmanager.invalid',
      fetch: async () => new Response(JSON.stringify({ id: 'x' }), { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    await expect(client.createSilence(SILENCE)).rejects.toThrow(/unexpected answer \(silenceID/);
  });
});
