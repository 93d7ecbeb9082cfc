import type { MiddlewareFn } from 'grammy';
import { negotiateLocale } from '../i18n/locale.js';
import type { BotContext } from './context.js';
import type { LocaleStore } from './locale-store.js';

/**
 * Sets ctx.locale once per update: the /lang choice (prefetched) → Telegram's language_code → the script of the
 * message → English; every zh* is zh-TW (src/i18n/locale.ts).
 */
export function localeMiddleware(localeStore: LocaleStore): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    let stored = ctx.prefetched.localeChoice;
    // Not prefetched (the read failed): ask on our own.
    if (stored === undefined && ctx.from) stored = (await localeStore.get(ctx.from.id)) ?? null;
    ctx.locale = negotiateLocale({
      stored,
      languageCode: ctx.from?.language_code,
      text: ctx.message?.text ?? ctx.message?.caption,
    });
    await next();
  };
}
