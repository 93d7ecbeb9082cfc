import type { Context } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from 'pino';
import type { Locale } from '../i18n/locale.js';

/** What every handler can rely on, on top of grammY's context. */
export interface BotContextExtras {
  /** A child logger with update_id, chat_id and user_id. */
  logger: Logger;
  /** The negotiated locale, resolved once per update. */
  locale: Locale;
}

export type BotContext = Context & I18nFlavor & BotContextExtras;
