import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { StatusReporter } from '../status/snapshot.js';
import { telegramResilience } from './api-transformers.js';
import { createAuth } from './auth.js';
import { langCommand } from './commands/lang.js';
import { startCommand } from './commands/start.js';
import { statusCommand } from './commands/status.js';
import type { BotContext } from './context.js';
import { createErrorHandler } from './error-handler.js';
import { textFeature } from './features/text.js';
import { translatorFrom } from './i18n.js';
import type { I18n } from '@grammyjs/i18n';
import type { Locale } from './locale.js';
import type { LocaleStore } from './locale-store.js';

export interface BotDeps {
  config: Config;
  logger: Logger;
  redis: Redis;
  status: StatusReporter;
  i18n: I18n<BotContext>;
  localeStore: LocaleStore;
}

/** One chat's updates run in order; different chats run side by side. */
export function chatSequenceKey(ctx: BotContext): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

/** Telegram's Api with the transformers every sender needs: 429/5xx retry and the plain-text fallback. */
export function installApiTransformers(api: Bot['api'], logger: Logger): void {
  // No retry after network errors: a blind resend of sendMessage can post the message twice.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  api.config.use(telegramResilience(logger));
}

export function createBot(deps: BotDeps): Bot<BotContext> {
  const { config, logger, redis } = deps;
  if (!config.telegram.token) throw new Error('createBot needs TELEGRAM_BOT_TOKEN');
  const bot = new Bot<BotContext>(config.telegram.token, { client: { apiRoot: config.telegram.apiRoot } });
  installApiTransformers(bot.api, logger);

  const { i18n, localeStore } = deps;
  const t = translatorFrom(i18n);

  bot.use(sequentialize(chatSequenceKey));
  bot.use(async (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id });
    const started = performance.now();
    await next();
    ctx.logger.debug({ ms: Math.round(performance.now() - started) }, 'update handled');
  });
  bot.use(i18n);
  bot.use(async (ctx, next) => {
    ctx.locale = (await ctx.i18n.getLocale()) as Locale;
    await next();
  });
  bot.use(createAuth({ allowedUserIds: config.access.allowedUserIds, redis, keyPrefix: config.redis.keyPrefix }));

  bot.use(startCommand());
  bot.use(langCommand(localeStore));
  bot.use(statusCommand(deps.status, t));
  bot.use(textFeature());

  bot.catch(createErrorHandler(logger));
  return bot;
}
