import type { InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';
import { cleanDisplayText } from '../html/display-text.js';
import { splitHtml } from '../html/telegram-html.js';

/** Replies with HTML, split under Telegram's limit, keyboard on the last part; hidden characters never go out. */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<number[]> {
  const parts = splitHtml(cleanDisplayText(html, { multiline: true }));
  const ids: number[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const sent = await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
    ids.push(sent.message_id);
  }
  return ids;
}
