import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { doctorExitCode, formatCheckLine, runDoctor } from '../../src/doctor/doctor.js';
import { startFakeAlertmanager } from '../support/fake-alertmanager.js';
import { openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { TEST_BOT_TOKEN } from '../support/bot-harness.js';
import { TEST_REDIS_URL } from '../support/redis.js';

let emulator: BotApiEmulator | undefined;
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  await emulator?.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('cli doctor', () => {
  it('reaches Telegram, Redis, each configured provider and the cluster, one line each', async () => {
    emulator = await startBotApiEmulator({ botUsername: 'ops_bot' });
    const gemini = await startFakeOpenAiServer();
    servers.push(gemini);
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      REDIS_URL: TEST_REDIS_URL,
      GEMINI_BASE_URL: gemini.baseUrl,
      GEMINI_API_KEY: 'k',
    });
    const lines = await runDoctor(config, { cluster: { executor: createSimulatedCluster() } });
    expect(lines.map((l) => `${l.status} ${l.part}`)).toEqual([
      'ok config',
      'ok telegram',
      'ok redis',
      'skip ollama',
      'skip nvidia',
      'ok gemini',
      'skip anthropic',
      'ok cluster',
    ]);
    expect(formatCheckLine(lines[1])).toContain('@ops_bot');
    expect(gemini.requests.some((r) => r.path.endsWith('/models') && r.headers.authorization === 'Bearer k')).toBe(true);
    expect(doctorExitCode(lines)).toBe(0);
  });

  it('reports the alert receiver and reaches Alertmanager when they are set up, and only warns when it cannot', async () => {
    emulator = await startBotApiEmulator();
    const alertmanager = await startFakeAlertmanager();
    try {
      const base = {
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        REDIS_URL: TEST_REDIS_URL,
        ALERT_WEBHOOK_TOKEN: 'doctor-test-token-0123456789',
        ALERT_ROUTES: 'namespace=prod->-100',
        ALERT_DEFAULT_CHAT_ID: '-200',
      };
      const up = await runDoctor(loadConfig({ ...base, ALERTMANAGER_URL: alertmanager.url }), {
        cluster: { executor: createSimulatedCluster() },
      });
      expect(up.filter((l) => l.part.startsWith('alert')).map(formatCheckLine)).toEqual([
        'OK    alerts     webhook receiver on port 9095, 1 route, default chat -200',
        `OK    alertmanager  ${alertmanager.url} (version 0.27.0-fake)`,
      ]);
      const down = await runDoctor(loadConfig({ ...base, ALERTMANAGER_URL: 'http://u:pw-secret@127.0.0.1:9' }), {
        cluster: { executor: createSimulatedCluster() },
        timeoutMs: 1500,
      });
      const line = down.find((l) => l.part === 'alertmanager');
      expect(line).toMatchObject({ status: 'warn', required: false });
      expect(line?.detail).not.toContain('pw-secret');
      expect(doctorExitCode(down)).toBe(0);
    } finally {
      await alertmanager.close();
    }
  });

  it('fails with exit status 1 when something required is unreachable, and only warns for a provider', async () => {
    const gemini = await startFakeOpenAiServer({ models: [] });
    servers.push(gemini);
    gemini.respondToModelsWith(openAiError(401, 'bad key'));
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      REDIS_URL: 'redis://127.0.0.1:9',
      GEMINI_BASE_URL: gemini.baseUrl,
      GEMINI_API_KEY: 'k',
    });
    const lines = await runDoctor(config, { cluster: { error: 'no kubeconfig found' }, timeoutMs: 1500 });
    const byPart = Object.fromEntries(lines.map((l) => [l.part, l.status]));
    expect(byPart).toMatchObject({ telegram: 'fail', redis: 'fail', gemini: 'warn', cluster: 'fail' });
    expect(doctorExitCode(lines)).toBe(1);
    expect(lines.map(formatCheckLine).join('\n')).not.toContain(TEST_BOT_TOKEN);
  });
});
