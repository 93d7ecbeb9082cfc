import type { Context } from 'grammy';
import { cleanDisplayText } from '../../html/display-text.js';
import { splitHtml } from '../../html/telegram-html.js';

/**
 * replyHtml for a plain Context (inside a conversation the context carries no BotContext extras): HTML split under
 * Telegram's limit, one message per part, without hidden characters (src/html/display-text.ts).
 */
export async function sendHtml(ctx: Pick<Context, 'reply'>, html: string): Promise<number[]> {
  const ids: number[] = [];
  for (const part of splitHtml(cleanDisplayText(html, { multiline: true }))) {
    const sent = await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    ids.push(sent.message_id);
  }
  return ids;
}
