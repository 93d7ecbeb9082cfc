import { badRequest } from './bot-api-emulator-errors.js';
import { normalizeInlineKeyboard, parseReplyMarkup } from './bot-api-emulator-markup.js';
import type { BotApiMethodTable } from './bot-api-emulator-method.js';
import { resolveChat } from './bot-api-emulator-message-methods.js';
import { parseParams, sendDocumentParams } from './bot-api-emulator-params.js';
import { botUserFor, snapshotMessage, type EmulatorState } from './bot-api-emulator-state.js';
import { telegramMessage, unixSeconds } from './bot-api-emulator-telegram-objects.js';
import { renderMessageText, type RenderedText } from './bot-api-emulator-text.js';
import type { EmulatedMessage } from './bot-api-emulator-types.js';

/** Telegram's limits: a caption of at most 1024 characters, a bot upload of at most 50 MB. */
const MAX_CAPTION_LENGTH = 1024;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** sendDocument with an uploaded file (`attach://<field>` or the file as the field itself); file ids and URLs are not known here. */
export function createDocumentMethods(state: EmulatorState): BotApiMethodTable {
  return {
    sendDocument(params, call) {
      const p = parseParams(sendDocumentParams, params, { chat_id: 'chat_id is empty' });
      const chat = resolveChat(state, p.chat_id);
      const field = p.document.startsWith('attach://') ? p.document.slice('attach://'.length) : 'document';
      const file = call.files.get(field);
      if (!file) throw badRequest('wrong file identifier/HTTP URL specified');
      if (file.bytes.length === 0) throw badRequest('file must be non-empty');
      if (file.bytes.length > MAX_UPLOAD_BYTES) throw badRequest('file is too big');
      const caption: RenderedText =
        p.caption === undefined || p.caption === ''
          ? { plainText: '', entities: [] }
          : renderMessageText(p.caption, p.parse_mode, p.caption_entities);
      if ([...caption.plainText].length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
      const replyMarkup = normalizeInlineKeyboard(parseReplyMarkup(p.reply_markup, false));
      let replyTo = p.reply_parameters?.message_id;
      if (replyTo !== undefined && !state.chats.get(chat.id, replyTo)) {
        if (!p.reply_parameters?.allow_sending_without_reply) throw badRequest('message to be replied not found');
        replyTo = undefined;
      }
      const now = state.now();
      const bot = botUserFor(call.token, state);
      const text = p.caption ?? '';
      const message: EmulatedMessage = {
        messageId: state.chats.nextMessageId(chat.id),
        chatId: chat.id,
        text,
        plainText: caption.plainText,
        entities: caption.entities,
        ...(caption.parseMode === undefined ? {} : { parseMode: caption.parseMode }),
        ...(replyMarkup === undefined ? {} : { replyMarkup }),
        ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
        edits: 0,
        history: [{ text, plainText: caption.plainText, at: now }],
        date: unixSeconds(now),
        fromBot: true,
        fromUserId: bot.id,
        document: { fileName: file.name, size: file.bytes.length, text: file.bytes.toString('utf8') },
      };
      state.chats.add(message);
      state.events.emit('message', snapshotMessage(message));
      return telegramMessage(message, state.chats);
    },
  };
}
