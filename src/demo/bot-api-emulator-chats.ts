import type { EmulatedMessage } from './bot-api-emulator-types.js';

export type EmulatedChatType = 'private' | 'group' | 'supergroup';

export interface EmulatedChat {
  id: number;
  type: EmulatedChatType;
  title?: string;
  firstName?: string;
  username?: string;
}

export interface EmulatedUser {
  id: number;
  isBot: boolean;
  firstName: string;
  username?: string;
  languageCode?: string;
}

/** The emulated chats: who is in them and every message, with message ids counted per chat as Telegram does. */
export interface EmulatedChatStore {
  chat(chatId: number): EmulatedChat | undefined;
  /** Returns the chat, creating it from its id (private when positive) when nobody has written there yet. */
  ensureChat(chatId: number, hint?: Partial<EmulatedChat>): EmulatedChat;
  nextMessageId(chatId: number): number;
  add(message: EmulatedMessage): void;
  /** The stored message itself (callers inside the emulator may change it). */
  get(chatId: number, messageId: number): EmulatedMessage | undefined;
  remove(chatId: number, messageId: number): boolean;
  list(chatId: number): EmulatedMessage[];
  rememberUser(user: EmulatedUser): void;
  user(userId: number): EmulatedUser | undefined;
}

export function createEmulatedChatStore(): EmulatedChatStore {
  const chats = new Map<number, EmulatedChat>();
  const messages = new Map<number, Map<number, EmulatedMessage>>();
  const lastMessageIds = new Map<number, number>();
  const users = new Map<number, EmulatedUser>();

  const chatMessages = (chatId: number): Map<number, EmulatedMessage> => {
    let byId = messages.get(chatId);
    if (!byId) {
      byId = new Map();
      messages.set(chatId, byId);
    }
    return byId;
  };

  return {
    chat: (chatId) => chats.get(chatId),

    ensureChat(chatId, hint = {}) {
      const existing = chats.get(chatId);
      if (existing) {
        Object.assign(existing, Object.fromEntries(Object.entries(hint).filter(([, value]) => value !== undefined)));
        return existing;
      }
      const type: EmulatedChatType = hint.type ?? (chatId > 0 ? 'private' : chatId < -1_000_000_000_000 ? 'supergroup' : 'group');
      const chat: EmulatedChat = {
        id: chatId,
        type,
        ...(type === 'private'
          ? { firstName: hint.firstName ?? 'Emulated user', ...(hint.username ? { username: hint.username } : {}) }
          : { title: hint.title ?? `Emulated group ${chatId}` }),
      };
      chats.set(chatId, chat);
      return chat;
    },

    nextMessageId(chatId) {
      const next = (lastMessageIds.get(chatId) ?? 0) + 1;
      lastMessageIds.set(chatId, next);
      return next;
    },

    add(message) {
      chatMessages(message.chatId).set(message.messageId, message);
    },

    get: (chatId, messageId) => messages.get(chatId)?.get(messageId),

    remove: (chatId, messageId) => messages.get(chatId)?.delete(messageId) ?? false,

    list: (chatId) => [...(messages.get(chatId)?.values() ?? [])].sort((a, b) => a.messageId - b.messageId),

    rememberUser(user) {
      users.set(user.id, { ...users.get(user.id), ...user });
    },

    user: (userId) => users.get(userId),
  };
}
