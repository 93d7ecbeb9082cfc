import type { Logger } from 'pino';
import { startApp, type App, type AppOptions, type Role } from '../../src/app.js';
import { loadConfig, secretValues, type Config } from '../../src/config.js';
import { startBotApiEmulator, type BotApiEmulator, type EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { captureLogger } from './log-capture.js';
import { deleteKeys, testRedis, TEST_REDIS_URL, uniquePrefix } from './redis.js';

export const TEST_BOT_TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
export const ALICE = 1001; // allowed, approver
export const BOB = 1002; // allowed, approver
export const CAROL = 1003; // allowed, not an approver
export const MALLORY = 6666; // unknown

export interface Harness {
  emulator: BotApiEmulator;
  config: Config;
  app: App;
  logger: Logger;
  logs: string[];
  /** Sends a user message and waits for the bot's next new message in that chat. */
  say(text: string, options?: { chatId?: number; userId?: number; languageCode?: string | null }): Promise<EmulatedMessage>;
  /** Stops the app and starts it again; `meanwhile` runs while no bot runs. */
  restart(role?: Role, meanwhile?: () => void): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  role?: Role;
  /** Reuse an emulator across restarts or between two harnesses (two bot processes). */
  emulator?: BotApiEmulator;
  keyPrefix?: string;
  app?: Partial<Omit<AppOptions, 'config' | 'logger' | 'role'>>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = options.emulator ?? (await startBotApiEmulator());
  const keyPrefix = options.keyPrefix ?? uniquePrefix('bot');
  const config = loadConfig(
    {
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      ALLOWED_USER_IDS: `${ALICE},${BOB},${CAROL}`,
      APPROVER_USER_IDS: `${ALICE},${BOB}`,
      CLUSTER_BACKEND: 'simulated',
      METRICS_PORT: '0',
      ...options.env,
    },
    { telegram: true },
  );
  const { logger, lines } = captureLogger(secretValues(config));
  const role = options.role ?? 'all';
  const start = (r: Role) =>
    startApp({ config, logger, role: r, worker: { lockDurationMs: 3000, stalledIntervalMs: 1000 }, ...options.app });
  let app = await start(role);

  const harness: Harness = {
    emulator,
    config,
    get app() {
      return app;
    },
    logger,
    logs: lines,
    async say(text, o = {}) {
      const chatId = o.chatId ?? ALICE;
      const known = new Set(emulator.messages(chatId).map((m) => m.messageId));
      const languageCode = o.languageCode === undefined ? 'en' : o.languageCode;
      emulator.sendUserMessage({ chatId, userId: o.userId ?? chatId, text, ...(languageCode === null ? {} : { languageCode }) });
      return emulator.waitForBotMessage(chatId, (m) => !known.has(m.messageId), 15_000);
    },
    async restart(r = role, meanwhile) {
      await app.stop(2000);
      meanwhile?.();
      app = await start(r);
    },
    async stop() {
      await app.stop(2000);
      if (!options.emulator) await emulator.close();
      const redis = testRedis();
      await deleteKeys(redis, keyPrefix);
      await redis.quit();
    },
  };
  return harness;
}
