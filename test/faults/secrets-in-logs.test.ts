import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import { openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { TEST_REDIS_URL } from '../support/redis.js';
import { acksFor, finishedAck, sleep } from './answers.js';
import { reportFault } from './fault-report.js';
import { redisServerOnPath, startOwnRedis, type OwnRedis } from './own-redis.js';

/** Distinctive values no test or pattern would produce by chance; each must appear in no log line in any form. */
const SECRETS = {
  TELEGRAM_BOT_TOKEN: '5550001234:FaultMatrixTelegramTokenValue_x9Qv',
  NVIDIA_API_KEY: 'fault-matrix-nvidia-key-7Hk2',
  GEMINI_API_KEY: 'fault-matrix-gemini-key-3Lp8',
  ANTHROPIC_API_KEY: 'fault-matrix-anthropic-key-5Rz1',
};
/** Needs URL-encoding inside REDIS_URL, so the encoded form is a form to look for too. */
const REDIS_PASSWORD = 'fault+matrix=redis/pass';

function formsOf(secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
  // Short base64 tails can occur by chance; drop the padding so a prefix match still counts.
  return [...new Set(forms.map((f) => f.replace(/=+$/, '')))];
}

let harness: Harness | undefined;
let emulator: BotApiEmulator | undefined;
let redis: OwnRedis | undefined;
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.stop().catch(() => undefined);
  harness = undefined;
  await emulator?.close().catch(() => undefined);
  emulator = undefined;
  await redis?.close();
  redis = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A provider that refuses the key and echoes it back, as some proxies and gateways do. */
async function echoingProvider(key: string): Promise<FakeOpenAiServer> {
  const server = await startFakeOpenAiServer();
  server.respondWith(() =>
    openAiError(401, `Incorrect API key provided: ${key}. You sent "Authorization: Bearer ${key}".`, 'invalid_request_error'),
  );
  servers.push(server);
  return server;
}

describe('fault matrix: secrets in log lines', () => {
  it('prints no configured secret, nor its base64 or URL-encoded form, while errors carrying them are logged', async () => {
    const console_: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void console_.push(format(...args)));
    }
    const withPassword = redisServerOnPath();
    if (withPassword) redis = await startOwnRedis({ password: REDIS_PASSWORD });
    const nvidia = await echoingProvider(SECRETS.NVIDIA_API_KEY);
    const gemini = await echoingProvider(SECRETS.GEMINI_API_KEY);
    const anthropic = await echoingProvider(SECRETS.ANTHROPIC_API_KEY);
    emulator = await startBotApiEmulator();
    const h = (harness = await startHarness({
      emulator,
      env: {
        ...SECRETS,
        REDIS_URL: redis?.url ?? TEST_REDIS_URL,
        NVIDIA_BASE_URL: nvidia.baseUrl,
        GEMINI_BASE_URL: gemini.baseUrl,
        ANTHROPIC_BASE_URL: anthropic.baseUrl,
      },
    }));

    // Providers refuse the key and echo it (sync and background paths).
    const sync = await h.say('what is a kubernetes operator?');
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list pods in prod', languageCode: 'en' });
    await h.emulator.waitFor(() => finishedAck(h, ALICE, messageId), 15_000).catch(() => undefined);
    // Telegram errors: one whose description echoes the token, then Telegram gone entirely (network errors carry URLs,
    // and the Bot API URL holds the token).
    h.emulator.failNext('sendMessage', {
      error_code: 400,
      description: `Bad Request: chat not found for bot${SECRETS.TELEGRAM_BOT_TOKEN}`,
    });
    await h.say('/help').catch(() => undefined);
    const late = h.emulator.sendUserMessage({
      chatId: ALICE,
      userId: ALICE,
      text: 'list deployments in prod',
      languageCode: 'en',
    }).messageId;
    await h.emulator.waitFor(() => acksFor(h, ALICE, late).length > 0, 10_000).catch(() => undefined);
    await emulator.close();
    emulator = undefined;
    await sleep(1500);
    await h.stop().catch(() => undefined);
    harness = undefined;
    vi.restoreAllMocks();

    const secrets = [...Object.values(SECRETS), ...(withPassword ? [REDIS_PASSWORD] : [])];
    const lines = [...h.logs, ...console_];
    const leaks = secrets.flatMap((secret) =>
      formsOf(secret).flatMap((form) => lines.filter((l) => l.includes(form)).map((l) => `${form} in: ${l.slice(0, 300)}`)),
    );
    const tally = reportFault('secrets in log lines', { lost: leaks.length, duplicated: 0 });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(leaks).toEqual([]);
    // The scenario did produce the errors that carry the secrets (so the scan is not vacuous).
    expect(sync.plainText).toContain('no model could answer');
    expect(gemini.chatRequests()[0]?.headers.authorization).toBe(`Bearer ${SECRETS.GEMINI_API_KEY}`);
    expect(nvidia.chatRequests().length).toBeGreaterThan(0);
    expect(anthropic.chatRequests().length).toBeGreaterThan(0);
    expect(h.logs.filter((l) => l.includes('Incorrect API key provided')).length).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.includes('chat not found'))).toBe(true);
    expect(h.logs.some((l) => l.includes('ECONNREFUSED') && l.includes('/bot'))).toBe(true);
  });
});
