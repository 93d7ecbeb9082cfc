import type { ConversationFlavor } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Locale } from '../i18n/locale.js';
import type { UpdatePrefetch } from './prefetch.js';

/** What every handler can rely on, on top of grammY's context. */
export interface BotContextExtras {
  /** A child logger with update_id, chat_id and user_id. */
  logger: Logger;
  /** The negotiated locale, resolved once per update (src/bot/locale-middleware.ts). */
  locale: Locale;
  /** What this update needs from Redis, read in one pipelined round trip at its start (src/bot/prefetch.ts). */
  prefetched: UpdatePrefetch;
}

/** The context before the conversations plugin adds its controls; conversation builders are typed over it. */
export type BaseContext = Context & BotContextExtras;

/**
 * The bot's context. `conversation` exists once the conversations plugin has run: taps handled before the plugin
 * (approval, /lang, /mode) must not touch it.
 */
export type BotContext = ConversationFlavor<BaseContext>;
