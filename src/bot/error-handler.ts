import { randomBytes } from 'node:crypto';
import type { BotError } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context.js';
import type { Translate } from '../i18n/translator.js';

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Logs a failure with an id and tells the user, in their language, that something went wrong, with that id.
 * Used for an update's handler and for work that finishes after it (a sync answer).
 */
export async function reportFailure(ctx: BotContext, error: unknown, logger: Logger, t: Translate, what: string): Promise<void> {
  const errorId = newErrorId();
  // ctx.logger and ctx.locale are missing when the failure came before the first middleware set them.
  const log = ctx.logger ?? logger;
  log.error({ err: error, error_id: errorId, update_id: ctx.update.update_id }, what);
  if (!ctx.chat) return;
  try {
    await ctx.reply(t(ctx.locale ?? 'en', 'error-generic', { errorId }), { parse_mode: 'HTML' });
  } catch (replyError) {
    log.error({ err: replyError, error_id: errorId }, 'could not tell the user about the error');
  }
}

export function createErrorHandler(logger: Logger, t: Translate) {
  return (error: BotError<BotContext>): Promise<void> => reportFailure(error.ctx, error.error, logger, t, 'update handler failed');
}
