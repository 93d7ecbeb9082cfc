import { randomBytes } from 'node:crypto';
import type { BotError } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context.js';
import type { Translate } from '../i18n/translator.js';

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** Logs the error with an id and tells the user, in their language, that something went wrong, with that id. */
export function createErrorHandler(logger: Logger, t: Translate) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const ctx = error.ctx;
    const errorId = newErrorId();
    const log = ctx.logger ?? logger;
    log.error({ err: error.error, error_id: errorId, update_id: ctx.update.update_id }, 'update handler failed');
    if (!ctx.chat) return;
    try {
      // ctx.locale is missing when the failure came before i18n ran; English is the fallback then.
      const text = t(ctx.locale ?? 'en', 'error-generic', { errorId });
      await ctx.reply(text, { parse_mode: 'HTML' });
    } catch (replyError) {
      log.error({ err: replyError, error_id: errorId }, 'could not tell the user about the error');
    }
  };
}
