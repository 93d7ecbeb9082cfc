import { Api, InlineKeyboard } from 'grammy';
import type { Logger } from 'pino';
import { installApiTransformers } from './api-transformers.js';
import { splitHtml } from '../html/telegram-html.js';

/** A button row layout that does not depend on grammY, so the worker and approvals can describe keyboards. */
export type Buttons = { text: string; data: string }[][];

function keyboard(buttons: Buttons | undefined): InlineKeyboard | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return InlineKeyboard.from(buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
}

/**
 * Everything that posts to a chat outside an update handler (the worker, approvals, expiry) goes through this,
 * over grammY's Api: never getUpdates.
 */
export interface ChatOutput {
  /** Sends HTML, split under Telegram's limit; buttons go on the last part. Returns the message ids. */
  send(chatId: number, html: string, options?: { buttons?: Buttons; replyTo?: number }): Promise<number[]>;
  /** Replaces a message's text; overflow goes out as new messages after it. `buttons: []` removes the keyboard. */
  edit(chatId: number, messageId: number, html: string, options?: { buttons?: Buttons }): Promise<void>;
  typing(chatId: number): Promise<void>;
}

export function createChatOutput(api: Api): ChatOutput {
  const send: ChatOutput['send'] = async (chatId, html, options = {}) => {
    const parts = splitHtml(html);
    const ids: number[] = [];
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      const markup = last ? keyboard(options.buttons) : undefined;
      const sent = await api.sendMessage(chatId, part, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(markup ? { reply_markup: markup } : {}),
        ...(i === 0 && options.replyTo ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
      });
      ids.push(sent.message_id);
    }
    return ids;
  };
  return {
    send,
    async edit(chatId, messageId, html, options = {}) {
      const [first = '', ...rest] = splitHtml(html);
      const markup = rest.length === 0 ? keyboard(options.buttons) : undefined;
      await api.editMessageText(chatId, messageId, first, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        // An empty keyboard removes the buttons; leaving reply_markup out would too, but say it plainly.
        reply_markup: markup ?? { inline_keyboard: [] },
      });
      if (rest.length > 0) await send(chatId, rest.join(''), options);
    },
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing');
    },
  };
}

/** grammY's Api for processes that only send (the worker): same transformers as the bot, no getUpdates. */
export function createTelegramApi(token: string, apiRoot: string, logger: Logger): Api {
  const api = new Api(token, { apiRoot });
  installApiTransformers(api, logger);
  return api;
}
