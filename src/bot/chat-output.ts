import { Api, InlineKeyboard, InputFile } from 'grammy';
import type { Logger } from 'pino';
import { installApiTransformers } from './api-transformers.js';
import { messageParts, type PartsCap } from '../html/message-parts.js';

/** A button row layout that does not depend on grammY, so the worker and approvals can describe keyboards. */
export type Buttons = { text: string; data: string }[][];

function keyboard(buttons: Buttons | undefined): InlineKeyboard | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return InlineKeyboard.from(buttons.map((row) => row.map((b) => InlineKeyboard.text(b.text, b.data))));
}

export interface SendOptions {
  buttons?: Buttons;
  replyTo?: number;
  /** At most this many messages; the last one kept ends with the cap's note (src/html/message-parts.ts). */
  cap?: PartsCap;
}

export interface EditOptions {
  /** `[]` or absent removes the keyboard. */
  buttons?: Buttons;
  /** What a part the text no longer needs is edited to (HTML), e.g. "(continued above)". */
  spare?: string;
  cap?: PartsCap;
}

export interface OutgoingDocument {
  filename: string;
  /** The file's content, sent as UTF-8. */
  text: string;
  /** Telegram HTML, at most 1024 characters. */
  caption?: string;
  replyTo?: number;
}

/**
 * Everything that posts to a chat outside an update handler (the worker, approvals, expiry) goes through this,
 * over grammY's Api: never getUpdates. Text longer than one message becomes several parts; buttons go on the last.
 */
export interface ChatOutput {
  /** Sends HTML, split under Telegram's limit. Returns the message ids of all parts, in order. */
  send(chatId: number, html: string, options?: SendOptions): Promise<number[]>;
  /**
   * Shows new HTML in a message of one or more parts (`messageIds`: its first part, or the ids of all its parts):
   * each part is edited in place and the buttons go on the last part that holds text; parts the text no longer
   * needs are edited to `spare`; parts it needs beyond those it had are sent after them. Resolves to the ids that
   * now hold the message, in order (keep them for the next edit). Every existing part is tried; the first failure is
   * thrown after the others were edited (so a keyboard never stays on a card because another part failed), and then
   * no part is added.
   */
  edit(chatId: number, messageIds: number | readonly number[], html: string, options?: EditOptions): Promise<number[]>;
  /** Sends a text file (e.g. the whole of an answer that was cut). Resolves to its message id. */
  sendDocument(chatId: number, document: OutgoingDocument): Promise<number>;
  typing(chatId: number): Promise<void>;
}

const PLAIN_LINKS = { link_preview_options: { is_disabled: true } } as const;
/** A keyboard-less reply_markup: an edit that leaves reply_markup out removes the buttons too, but say it plainly. */
const NO_BUTTONS = { inline_keyboard: [] };
const DEFAULT_SPARE = '⋯';

export function createChatOutput(api: Api): ChatOutput {
  async function sendParts(chatId: number, parts: readonly string[], options: SendOptions, withReply: boolean): Promise<number[]> {
    const ids: number[] = [];
    for (const [i, part] of parts.entries()) {
      const markup = i === parts.length - 1 ? keyboard(options.buttons) : undefined;
      const sent = await api.sendMessage(chatId, part, {
        parse_mode: 'HTML',
        ...PLAIN_LINKS,
        ...(markup ? { reply_markup: markup } : {}),
        ...(withReply && i === 0 && options.replyTo
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
      });
      ids.push(sent.message_id);
    }
    return ids;
  }

  return {
    async send(chatId, html, options = {}) {
      return sendParts(chatId, messageParts(html, options.cap).parts, options, true);
    },

    async edit(chatId, messageIds, html, options = {}) {
      const ids = typeof messageIds === 'number' ? [messageIds] : [...messageIds];
      const { parts } = messageParts(html, options.cap);
      const kept = Math.min(parts.length, ids.length);
      const spare = messageParts(options.spare ?? DEFAULT_SPARE).parts[0] ?? DEFAULT_SPARE;
      let failure: Error | undefined;
      const tryEdit = async (messageId: number, text: string, markup: InlineKeyboard | undefined) => {
        try {
          await api.editMessageText(chatId, messageId, text, { parse_mode: 'HTML', ...PLAIN_LINKS, reply_markup: markup ?? NO_BUTTONS });
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
        }
      };
      // The last part holding text first: it carries the buttons (or loses them), which matters most.
      const lastKept = kept - 1;
      const lastHasButtons = lastKept === parts.length - 1;
      if (lastKept >= 0) await tryEdit(ids[lastKept], parts[lastKept], lastHasButtons ? keyboard(options.buttons) : undefined);
      for (let i = 0; i < lastKept; i += 1) await tryEdit(ids[i], parts[i], undefined);
      for (let i = kept; i < ids.length; i += 1) await tryEdit(ids[i], spare, undefined);
      if (failure !== undefined) throw failure;
      const added = parts.length > ids.length ? await sendParts(chatId, parts.slice(ids.length), options, false) : [];
      return [...ids, ...added];
    },

    async sendDocument(chatId, document) {
      const sent = await api.sendDocument(chatId, new InputFile(Buffer.from(document.text, 'utf8'), document.filename), {
        ...(document.caption ? { caption: document.caption, parse_mode: 'HTML' as const } : {}),
        ...(document.replyTo ? { reply_parameters: { message_id: document.replyTo, allow_sending_without_reply: true } } : {}),
      });
      return sent.message_id;
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
