import type { Translate } from '../i18n/translator.js';
import type { ButtonFamily, ButtonSeal, ChatSeal } from './button-codec.js';
import type { BotContext } from './context.js';

/** The seal of the chat a tap came from; undefined for a tap without a chat (an inline message), which is refused. */
export function tapChat(seal: ButtonSeal, ctx: Pick<BotContext, 'chat'>): ChatSeal | undefined {
  return ctx.chat ? seal.forChat(ctx.chat.id) : undefined;
}

/**
 * The value of a tap's data for one family in the chat it came from. Anything else (forged, malformed, or a
 * card's data sent from another chat) is answered with the localized invalid-tap alert and logged as a warning,
 * and resolves to undefined.
 */
export async function readTap<T>(ctx: BotContext, family: ButtonFamily<T>, seal: ButtonSeal, t: Translate): Promise<T | undefined> {
  const data = ctx.callbackQuery?.data;
  const checked = family.check(data, tapChat(seal, ctx));
  if (checked.ok) return checked.value;
  ctx.logger.warn(
    { family: family.prefix, reason: checked.reason, data: data?.slice(0, 64) },
    checked.reason === 'other_chat' ? 'button data from another chat refused' : 'forged or unknown button data refused',
  );
  await ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-invalid'), show_alert: true }).catch(() => undefined);
  return undefined;
}
