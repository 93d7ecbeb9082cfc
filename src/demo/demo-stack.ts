import { randomBytes } from 'node:crypto';
import { freePort } from './free-port.js';
import type { Logger } from 'pino';
import { startApp, type App } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { startBotApiEmulator, type BotApiEmulator } from './bot-api-emulator.js';
import { createDemoAlertSender } from './demo-alert.js';
import { startSimulatedAlertmanager, type SimulatedAlertmanager } from './simulated-alertmanager.js';

export const DEMO_TOKEN = '4242424242:DEMO-emulator-token-not-a-real-bot';
export const DEMO_USERS = { alice: 1001, bob: 1002, carol: 1003 } as const;

export interface DemoStack {
  emulator: BotApiEmulator;
  /** The SIMULATED Alertmanager the bot's Silence button talks to (ALERTMANAGER_URL). */
  alertmanager: SimulatedAlertmanager;
  app: App;
  config: Config;
  /** The bot's Alertmanager webhook receiver and the token made for this run. */
  alertUrl: string;
  alertToken: string;
  alertPort: number;
  /** /demo-alert: fires or resolves the SAMPLE alert at the receiver. */
  demoAlert: (status: 'firing' | 'resolved') => Promise<string>;
  close(): Promise<void>;
}

export interface DemoStackOptions {
  /** The user's environment (model keys, REDIS_KEY_PREFIX…); the demo's own settings win over it. */
  env: NodeJS.ProcessEnv;
  redisUrl: string;
  /** The demo's logger, made once the configuration (and so the secrets to redact) is known. */
  logger: (config: Config) => Logger;
}

/**
 * Everything `npm run demo` runs besides the terminal chat: the Telegram Bot API emulator, the SIMULATED
 * Alertmanager, and the real bot and worker (simulated cluster) against them, with the alert receiver on and its
 * alerts routed to Alice's chat. Throws ConfigError for settings that cannot work.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const emulator = await startBotApiEmulator();
  const alertmanager = await startSimulatedAlertmanager();
  const alertToken = randomBytes(24).toString('hex');
  const alertPort = await freePort();
  const closeServers = async () => {
    await alertmanager.close();
    await emulator.close();
  };
  let config: Config;
  let app: App;
  try {
    const env = options.env;
    config = loadConfig(
      {
        ...env,
        TELEGRAM_BOT_TOKEN: DEMO_TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        REDIS_URL: options.redisUrl,
        REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX ?? 'chatops-demo:',
        ALLOWED_USER_IDS: Object.values(DEMO_USERS).join(','),
        APPROVER_USER_IDS: env.APPROVER_USER_IDS ?? `${DEMO_USERS.alice},${DEMO_USERS.bob}`,
        CLUSTER_BACKEND: 'simulated',
        // The simulated cluster's workloads live in prod; an empty `default` would make a poor first impression.
        DEFAULT_NAMESPACE: env.DEFAULT_NAMESPACE ?? 'prod',
        METRICS_PORT: env.METRICS_PORT ?? '0',
        ALERT_WEBHOOK_TOKEN: alertToken,
        ALERT_WEBHOOK_PORT: String(alertPort),
        ALERT_ROUTES: `namespace=prod→${DEMO_USERS.alice}`,
        ALERT_DEFAULT_CHAT_ID: String(DEMO_USERS.alice),
        ALERTMANAGER_URL: alertmanager.url,
      },
      { telegram: true },
    );
    app = await startApp({ config, logger: options.logger(config), role: 'all' });
  } catch (error) {
    await closeServers();
    throw error;
  }
  const alertUrl = `http://127.0.0.1:${app.alerts?.receiverPort ?? alertPort}/alerts`;
  return {
    emulator,
    alertmanager,
    app,
    config,
    alertUrl,
    alertToken,
    alertPort,
    demoAlert: createDemoAlertSender({
      url: alertUrl,
      token: alertToken,
      pods: () => app.executor.list_pods({ namespace: 'prod' }),
      isSilenced: (labels) => alertmanager.isSilenced(labels),
    }),
    async close() {
      await app.stop(3000).catch(() => undefined);
      await closeServers();
    },
  };
}
