import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * What a chat lets the bot do with changes:
 * - approve (default): a change becomes an approval card.
 * - suggest: the bot says what it would run and runs nothing.
 * - read-only: no change even reaches approval.
 */
export const CHAT_MODES = ['read-only', 'approve', 'suggest'] as const;
export const chatModeSchema = z.enum(CHAT_MODES);
export type ChatMode = z.infer<typeof chatModeSchema>;

export interface ChatModeStore {
  get(chatId: number): Promise<ChatMode>;
  set(chatId: number, mode: ChatMode): Promise<void>;
}

export function createChatModeStore(redis: Redis, keyPrefix: string): ChatModeStore {
  const key = (chatId: number) => `${keyPrefix}chat-mode:${chatId}`;
  return {
    async get(chatId) {
      const parsed = chatModeSchema.safeParse(await redis.get(key(chatId)));
      return parsed.success ? parsed.data : 'approve';
    },
    async set(chatId, mode) {
      await redis.set(key(chatId), chatModeSchema.parse(mode));
    },
  };
}
