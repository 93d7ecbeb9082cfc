import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A short memory of each chat, so follow-ups ("and in staging?") work. Kept in Redis with a TTL. */
export const turnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });
export type Turn = z.infer<typeof turnSchema>;

export interface ChatMemory {
  recent(chatId: number): Promise<Turn[]>;
  remember(chatId: number, ...turns: Turn[]): Promise<void>;
  forget(chatId: number): Promise<void>;
}

export interface ChatMemoryOptions {
  /** A turn is one user message and its answer; we keep this many pairs. */
  maxTurns?: number;
  ttlSeconds?: number;
  /** Longer messages are cut before they are stored, so one paste cannot crowd out the rest. */
  maxCharsPerMessage?: number;
}

export function createChatMemory(redis: Redis, keyPrefix: string, options: ChatMemoryOptions = {}): ChatMemory {
  const maxMessages = (options.maxTurns ?? 10) * 2;
  const ttl = options.ttlSeconds ?? 6 * 3600;
  const maxChars = options.maxCharsPerMessage ?? 4000;
  const key = (chatId: number) => `${keyPrefix}memory:${chatId}`;
  return {
    async recent(chatId) {
      const raw = await redis.lrange(key(chatId), -maxMessages, -1);
      const turns: Turn[] = [];
      for (const item of raw) {
        try {
          const parsed = turnSchema.safeParse(JSON.parse(item));
          if (parsed.success) turns.push(parsed.data);
        } catch {
          // A corrupt entry is skipped, not fatal: memory is a convenience.
        }
      }
      return turns;
    },
    async remember(chatId, ...turns) {
      if (turns.length === 0) return;
      const k = key(chatId);
      await redis
        .multi()
        .rpush(k, ...turns.map((t) => JSON.stringify({ role: t.role, content: t.content.slice(0, maxChars) })))
        .ltrim(k, -maxMessages, -1)
        .expire(k, ttl)
        .exec();
    },
    async forget(chatId) {
      await redis.del(key(chatId));
    },
  };
}
