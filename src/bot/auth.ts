import type { MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import type { BotContext } from './context.js';
import { negotiateLocale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translator.js';

export interface AuthOptions {
  allowedUserIds: readonly number[];
  redis: Redis;
  keyPrefix: string;
  t: Translate;
  /** How long we stay quiet after refusing someone, so a stranger cannot make the bot spam a group. */
  refusalQuietSeconds?: number;
}

/**
 * Only users in ALLOWED_USER_IDS are served; in groups, each sender is checked. An unknown user gets one polite
 * refusal that shows their numeric id (so an admin can add it) and nothing else.
 */
export function createAuth(options: AuthOptions): MiddlewareFn<BotContext> {
  const allowed = new Set(options.allowedUserIds);
  const quiet = options.refusalQuietSeconds ?? 600;
  return async (ctx, next) => {
    const user = ctx.from;
    if (!user) return; // channel posts and service updates: nobody to serve
    if (allowed.has(user.id)) return next();

    ctx.logger.warn(
      {
        user_id: user.id,
        chat_id: ctx.chat?.id,
        username: user.username,
        update_kind: Object.keys(ctx.update).filter((k) => k !== 'update_id'),
      },
      'unauthorized user refused',
    );
    // A stranger has no /lang choice: their client's language or the script of their message decides.
    const locale = negotiateLocale({ languageCode: user.language_code, text: ctx.message?.text });
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: options.t(locale, 'auth-refused-short', { userId: String(user.id) }), show_alert: true });
      return;
    }
    if (!ctx.chat) return;
    const first = await options.redis.set(`${options.keyPrefix}refused:${ctx.chat.id}:${user.id}`, '1', 'EX', quiet, 'NX');
    if (first === 'OK') {
      await ctx.reply(options.t(locale, 'auth-refused', { userId: String(user.id) }), { parse_mode: 'HTML' });
    }
  };
}
