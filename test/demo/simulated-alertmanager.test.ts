import { afterEach, describe, expect, it } from 'vitest';
import { AlertmanagerError, createAlertmanagerClient } from '../../src/alerts/alertmanager-client.js';
import { startSimulatedAlertmanager, type SimulatedAlertmanager } from '../../src/demo/simulated-alertmanager.js';

let am: SimulatedAlertmanager | undefined;
afterEach(async () => {
  await am?.close();
  am = undefined;
});

const HOUR = 3_600_000;
const LABELS = { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical' };
const matchers = Object.entries(LABELS).map(([name, value]) => ({ name, value, isRegex: false, isEqual: true }));

describe('the demo’s SIMULATED Alertmanager', () => {
  it('keeps silences made through the same API v2 client the bot uses: create, read, expire', async () => {
    am = await startSimulatedAlertmanager();
    const client = createAlertmanagerClient({ baseUrl: am.url });
    expect(await client.status()).toEqual({ version: 'simulated' });
    const startsAt = new Date();
    const id = await client.createSilence({
      matchers,
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      createdBy: 'Alice (Telegram user 1001)',
      comment: 'demo',
    });
    expect(await client.getSilence(id)).toMatchObject({
      id,
      status: { state: 'active' },
      matchers,
      createdBy: 'Alice (Telegram user 1001)',
    });
    expect(am.isSilenced({ ...LABELS, pod: 'api-1' })).toBe(true);
    expect(am.isSilenced({ ...LABELS, namespace: 'staging' })).toBe(false);

    await client.expireSilence(id);
    expect((await client.getSilence(id)).status.state).toBe('expired');
    expect(am.isSilenced({ ...LABELS, pod: 'api-1' })).toBe(false);
    expect(am.silences()).toEqual([expect.objectContaining({ id, state: 'expired' })]);
  });

  it('refuses what Alertmanager refuses: a silence matching everything, one that ends before it starts, an unknown id', async () => {
    am = await startSimulatedAlertmanager();
    const client = createAlertmanagerClient({ baseUrl: am.url });
    const now = new Date();
    const later = new Date(now.getTime() + HOUR);
    const base = { startsAt: now, endsAt: later, createdBy: 'x', comment: 'y' };
    await expect(
      client.createSilence({ ...base, matchers: [{ name: 'alertname', value: '', isRegex: false, isEqual: true }] }),
    ).rejects.toThrow(/HTTP 400.*empty string/);
    await expect(client.createSilence({ ...base, matchers, endsAt: now, startsAt: later })).rejects.toThrow(/HTTP 400/);
    await expect(client.getSilence('no-such-silence')).rejects.toBeInstanceOf(AlertmanagerError);
    const raw = await fetch(`${am.url}/api/v2/silences`, { method: 'POST', body: '{not json' });
    expect(raw.status).toBe(400);
    expect(am.silences()).toEqual([]);
  });

  it('matches regular expressions anchored, and negative matchers, as Alertmanager does', async () => {
    am = await startSimulatedAlertmanager();
    const client = createAlertmanagerClient({ baseUrl: am.url });
    const now = new Date();
    await client.createSilence({
      matchers: [
        { name: 'pod', value: 'api-.*', isRegex: true, isEqual: true },
        { name: 'namespace', value: 'staging', isRegex: false, isEqual: false },
      ],
      startsAt: now,
      endsAt: new Date(now.getTime() + HOUR),
      createdBy: 'x',
      comment: 'y',
    });
    expect(am.isSilenced({ pod: 'api-1', namespace: 'prod' })).toBe(true);
    expect(am.isSilenced({ pod: 'web-api-1', namespace: 'prod' })).toBe(false);
    expect(am.isSilenced({ pod: 'api-1', namespace: 'staging' })).toBe(false);
  });
});
