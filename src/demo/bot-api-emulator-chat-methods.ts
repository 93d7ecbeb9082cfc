import { badRequest } from './bot-api-emulator-errors.js';
import { resolveChat } from './bot-api-emulator-message-methods.js';
import type { BotApiMethodTable } from './bot-api-emulator-method.js';
import { answerCallbackQueryParams, getChatParams, parseParams, sendChatActionParams } from './bot-api-emulator-params.js';
import type { EmulatorState } from './bot-api-emulator-state.js';
import { telegramChat } from './bot-api-emulator-telegram-objects.js';
import type { EmulatedCallbackAnswer } from './bot-api-emulator-types.js';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const QUERY_INVALID = 'query is too old and response timeout expired or query ID is invalid';

/** sendChatAction, answerCallbackQuery, getChat. */
export function createChatMethods(state: EmulatorState): BotApiMethodTable {
  return {
    sendChatAction(params) {
      const p = parseParams(sendChatActionParams, params, {
        chat_id: 'chat_id is empty',
        action: 'wrong parameter action in request',
      });
      const chat = resolveChat(state, p.chat_id);
      if (!CHAT_ACTIONS.has(p.action)) throw badRequest('wrong parameter action in request');
      const record = { chatId: chat.id, action: p.action, at: state.now() };
      state.chatActions.push(record);
      state.events.emit('chatAction', { ...record });
      return true;
    },

    answerCallbackQuery(params) {
      const p = parseParams(answerCallbackQueryParams, params, { callback_query_id: QUERY_INVALID });
      const query = state.callbackQueries.get(p.callback_query_id);
      // Telegram accepts one answer per query.
      if (!query || query.answered) throw badRequest(QUERY_INVALID);
      if (p.text !== undefined && [...p.text].length > 200) throw badRequest('MESSAGE_TOO_LONG');
      query.answered = true;
      const answer: EmulatedCallbackAnswer = {
        callbackQueryId: p.callback_query_id,
        ...(p.text === undefined || p.text === '' ? {} : { text: p.text }),
        ...(p.show_alert === undefined ? {} : { showAlert: p.show_alert }),
        ...(p.url === undefined ? {} : { url: p.url }),
        chatId: query.chatId,
        messageId: query.messageId,
        userId: query.userId,
        at: state.now(),
      };
      state.callbackAnswers.push(answer);
      state.events.emit('callbackAnswer', { ...answer });
      return true;
    },

    getChat(params) {
      const p = parseParams(getChatParams, params, { chat_id: 'chat_id is empty' });
      const chat = typeof p.chat_id === 'number' ? state.chats.chat(p.chat_id) : undefined;
      if (!chat) throw badRequest('chat not found');
      return { ...telegramChat(chat), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} };
    },
  };
}
