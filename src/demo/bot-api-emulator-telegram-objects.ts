import type { EmulatedChat, EmulatedChatStore, EmulatedUser } from './bot-api-emulator-chats.js';
import type { EmulatedMessage, EmulatedMessageEntity } from './bot-api-emulator-types.js';

/** Builders for the Bot API's JSON objects (User, Chat, Message) from the emulator's state. */

export function telegramUser(user: EmulatedUser): Record<string, unknown> {
  return {
    id: user.id,
    is_bot: user.isBot,
    first_name: user.firstName,
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

export function telegramChat(chat: EmulatedChat): Record<string, unknown> {
  return chat.type === 'private'
    ? { id: chat.id, type: chat.type, first_name: chat.firstName ?? 'Emulated user', ...(chat.username ? { username: chat.username } : {}) }
    : { id: chat.id, type: chat.type, title: chat.title ?? `Emulated group ${chat.id}` };
}

/** The Bot API Message for a stored message; a reply carries the message it answers, one level deep. */
export function telegramMessage(message: EmulatedMessage, chats: EmulatedChatStore, depth = 0): Record<string, unknown> {
  const sender = chats.user(message.fromUserId) ?? { id: message.fromUserId, isBot: message.fromBot, firstName: 'Emulated user' };
  const repliedTo = message.replyToMessageId === undefined ? undefined : chats.get(message.chatId, message.replyToMessageId);
  return {
    message_id: message.messageId,
    from: telegramUser(sender),
    chat: telegramChat(chats.ensureChat(message.chatId)),
    date: message.date,
    ...(message.editDate === undefined ? {} : { edit_date: message.editDate }),
    ...(repliedTo && depth === 0 ? { reply_to_message: telegramMessage(repliedTo, chats, depth + 1) } : {}),
    ...(message.document
      ? {
          document: {
            file_id: `emulated-document-${message.chatId}-${message.messageId}`,
            file_unique_id: `emulated-${message.chatId}-${message.messageId}`,
            file_name: message.document.fileName,
            file_size: message.document.size,
          },
          ...(message.plainText ? { caption: message.plainText } : {}),
          ...(message.entities.length > 0 ? { caption_entities: message.entities.map((entity) => ({ ...entity })) } : {}),
        }
      : {
          text: message.plainText,
          ...(message.entities.length > 0 ? { entities: message.entities.map((entity) => ({ ...entity })) } : {}),
        }),
    ...(message.replyMarkup ? { reply_markup: structuredClone(message.replyMarkup) } : {}),
  };
}

/** bot_command entities, as Telegram marks them in what users type ("/start", "/status@my_bot"). */
export function botCommandEntities(text: string): EmulatedMessageEntity[] {
  const entities: EmulatedMessageEntity[] = [];
  const pattern = /(^|\s)(\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?)(?=$|[\s.,;:!?)])/g;
  for (const match of text.matchAll(pattern)) {
    const lead = match[1] ?? '';
    const command = match[2] ?? '';
    entities.push({ type: 'bot_command', offset: (match.index ?? 0) + lead.length, length: command.length });
  }
  return entities;
}

export function unixSeconds(now: number): number {
  return Math.floor(now / 1000);
}
