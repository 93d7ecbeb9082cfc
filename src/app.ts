import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createBot } from './bot/create-bot.js';
import { createI18n, translatorFrom } from './bot/i18n.js';
import { createLocaleStore } from './bot/locale-store.js';
import { startPolling, type Polling } from './bot/polling.js';
import type { Config } from './config.js';
import { createRedis, waitForRedis } from './redis.js';
import { createStatusReporter } from './status/snapshot.js';
import { readVersion } from './version.js';

export type Role = 'all' | 'bot' | 'worker';

export interface App {
  redis: Redis;
  polling?: Polling;
  stop(graceMs?: number): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  role: Role;
  redisTimeoutMs?: number;
}

/** Wires the parts for one process: the bot, the worker, or both (the default on one machine). */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger, role } = options;
  const startedAt = Date.now();
  const redis = createRedis(config.redis.url, logger, `chatops-${role}`);
  try {
    await waitForRedis(redis, options.redisTimeoutMs ?? 10_000);
  } catch (error) {
    redis.disconnect();
    throw error;
  }

  let polling: Polling | undefined;
  if (role === 'all' || role === 'bot') {
    if (config.access.allowedUserIds.length === 0) {
      logger.warn(
        'ALLOWED_USER_IDS is empty, so the bot serves nobody. Send /start to the bot: its refusal shows your numeric user id; put it in ALLOWED_USER_IDS and restart.',
      );
    }
    const localeStore = createLocaleStore(redis, config.redis.keyPrefix);
    const i18n = createI18n(localeStore);
    const status = createStatusReporter({ redis, version: readVersion(), startedAt, polling: () => polling?.state() ?? 'starting' });
    const bot = createBot({ config, logger, redis, status, i18n, localeStore });
    polling = await startPolling(bot, { logger, t: translatorFrom(i18n) });
  }

  return {
    redis,
    ...(polling ? { polling } : {}),
    async stop(graceMs = 10_000) {
      await polling?.stop(graceMs);
      await redis.quit().catch(() => redis.disconnect());
      logger.info('stopped');
    },
  };
}
