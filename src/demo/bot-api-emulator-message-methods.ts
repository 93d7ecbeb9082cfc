import type { EmulatedChat } from './bot-api-emulator-chats.js';
import { MESSAGE_NOT_MODIFIED, badRequest } from './bot-api-emulator-errors.js';
import { normalizeInlineKeyboard, parseReplyMarkup, sameInlineKeyboard } from './bot-api-emulator-markup.js';
import type { BotApiMethodTable } from './bot-api-emulator-method.js';
import {
  deleteMessageParams,
  editMessageReplyMarkupParams,
  editMessageTextParams,
  parseParams,
  sendMessageParams,
} from './bot-api-emulator-params.js';
import { botUserFor, snapshotMessage, type EmulatorState } from './bot-api-emulator-state.js';
import { telegramMessage, unixSeconds } from './bot-api-emulator-telegram-objects.js';
import { renderMessageText, sameEntities } from './bot-api-emulator-text.js';
import type { EmulatedInlineKeyboard, EmulatedMessage } from './bot-api-emulator-types.js';

/** A chat the bot may write to: an @username is never known; unknown ids only when strictChats is off. */
export function resolveChat(state: EmulatorState, chatId: number | string): EmulatedChat {
  if (typeof chatId === 'string') throw badRequest('chat not found');
  const known = state.chats.chat(chatId);
  if (known) return known;
  if (state.strictChats) throw badRequest('chat not found');
  return state.chats.ensureChat(chatId);
}

function editableMessage(
  state: EmulatorState,
  chatId: number | string | undefined,
  messageId: number | undefined,
  inlineMessageId: string | undefined,
): EmulatedMessage {
  if (inlineMessageId !== undefined) throw badRequest('MESSAGE_ID_INVALID');
  if (chatId === undefined) throw badRequest('chat_id is empty');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const chat = resolveChat(state, chatId);
  const message = state.chats.get(chat.id, messageId);
  if (!message) throw badRequest('message to edit not found');
  if (!message.fromBot) throw badRequest("message can't be edited");
  return message;
}

function recordEdit(
  state: EmulatorState,
  message: EmulatedMessage,
  change: Pick<EmulatedMessage, 'text' | 'plainText' | 'entities' | 'parseMode'> & { replyMarkup?: EmulatedInlineKeyboard },
): void {
  const now = state.now();
  message.text = change.text;
  message.plainText = change.plainText;
  message.entities = change.entities;
  if (change.parseMode === undefined) delete message.parseMode;
  else message.parseMode = change.parseMode;
  if (change.replyMarkup === undefined) delete message.replyMarkup;
  else message.replyMarkup = change.replyMarkup;
  message.edits += 1;
  message.editDate = unixSeconds(now);
  message.history.push({
    text: change.text,
    plainText: change.plainText,
    ...(change.parseMode === undefined ? {} : { parseMode: change.parseMode }),
    ...(change.replyMarkup === undefined ? {} : { replyMarkup: structuredClone(change.replyMarkup) }),
    at: now,
  });
  state.events.emit('edit', snapshotMessage(message));
}

/** sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage. */
export function createMessageMethods(state: EmulatorState): BotApiMethodTable {
  return {
    sendMessage(params, call) {
      const p = parseParams(sendMessageParams, params, { chat_id: 'chat_id is empty', text: 'message text is empty' });
      const chat = resolveChat(state, p.chat_id);
      const rendered = renderMessageText(p.text, p.parse_mode, p.entities);
      const replyMarkup = normalizeInlineKeyboard(parseReplyMarkup(p.reply_markup, false));
      let replyTo = p.reply_parameters?.message_id ?? p.reply_to_message_id;
      const allowWithoutReply = p.reply_parameters?.allow_sending_without_reply ?? p.allow_sending_without_reply ?? false;
      if (replyTo !== undefined && !state.chats.get(chat.id, replyTo)) {
        if (!allowWithoutReply) throw badRequest('message to be replied not found');
        replyTo = undefined;
      }
      const now = state.now();
      const bot = botUserFor(call.token, state);
      const message: EmulatedMessage = {
        messageId: state.chats.nextMessageId(chat.id),
        chatId: chat.id,
        text: p.text,
        plainText: rendered.plainText,
        entities: rendered.entities,
        ...(rendered.parseMode === undefined ? {} : { parseMode: rendered.parseMode }),
        ...(replyMarkup === undefined ? {} : { replyMarkup }),
        ...(replyTo === undefined ? {} : { replyToMessageId: replyTo }),
        edits: 0,
        history: [
          {
            text: p.text,
            plainText: rendered.plainText,
            ...(rendered.parseMode === undefined ? {} : { parseMode: rendered.parseMode }),
            ...(replyMarkup === undefined ? {} : { replyMarkup: structuredClone(replyMarkup) }),
            at: now,
          },
        ],
        date: unixSeconds(now),
        fromBot: true,
        fromUserId: bot.id,
      };
      state.chats.add(message);
      state.events.emit('message', snapshotMessage(message));
      return telegramMessage(message, state.chats);
    },

    editMessageText(params) {
      const p = parseParams(editMessageTextParams, params, { text: 'message text is empty' });
      const message = editableMessage(state, p.chat_id, p.message_id, p.inline_message_id);
      const rendered = renderMessageText(p.text, p.parse_mode, p.entities);
      // Telegram removes the keyboard when an edit of the text does not repeat it.
      const replyMarkup = normalizeInlineKeyboard(parseReplyMarkup(p.reply_markup, true));
      if (
        rendered.plainText === message.plainText &&
        sameEntities(rendered.entities, message.entities) &&
        sameInlineKeyboard(replyMarkup, message.replyMarkup)
      ) {
        throw badRequest(MESSAGE_NOT_MODIFIED);
      }
      recordEdit(state, message, {
        text: p.text,
        plainText: rendered.plainText,
        entities: rendered.entities,
        ...(rendered.parseMode === undefined ? {} : { parseMode: rendered.parseMode }),
        ...(replyMarkup === undefined ? {} : { replyMarkup }),
      });
      return telegramMessage(message, state.chats);
    },

    editMessageReplyMarkup(params) {
      const p = parseParams(editMessageReplyMarkupParams, params);
      const message = editableMessage(state, p.chat_id, p.message_id, p.inline_message_id);
      const replyMarkup = normalizeInlineKeyboard(parseReplyMarkup(p.reply_markup, true));
      if (sameInlineKeyboard(replyMarkup, message.replyMarkup)) throw badRequest(MESSAGE_NOT_MODIFIED);
      recordEdit(state, message, {
        text: message.text,
        plainText: message.plainText,
        entities: message.entities,
        ...(message.parseMode === undefined ? {} : { parseMode: message.parseMode }),
        ...(replyMarkup === undefined ? {} : { replyMarkup }),
      });
      return telegramMessage(message, state.chats);
    },

    deleteMessage(params) {
      const p = parseParams(deleteMessageParams, params, {
        chat_id: 'chat_id is empty',
        message_id: 'message identifier is not specified',
      });
      const chat = resolveChat(state, p.chat_id);
      if (!state.chats.remove(chat.id, p.message_id)) throw badRequest('message to delete not found');
      state.events.emit('delete', { chatId: chat.id, messageId: p.message_id });
      return true;
    },
  };
}
