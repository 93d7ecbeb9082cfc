import {
  conversations,
  PLUGIN_DATA_VERSION,
  type ConversationData,
  type ConversationState,
  type VersionedState,
  type VersionedStateStorage,
} from '@grammyjs/conversations';
import type { Context, MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BaseContext, BotContext } from './context.js';
import { writeThenRemember, type LeaseMemory } from './lease-memory.js';

/** A guided flow left alone this long is forgotten. */
const STATE_TTL_SECONDS = 24 * 3600;

/**
 * Where a person's conversation state lives. Only their messages and their guided /run taps reach the plugin, and
 * those run one at a time per person per chat (src/bot/update-scope.ts), so two updates never save it at once.
 */
export function conversationKey(keyPrefix: string, ctx: Context): string | undefined {
  const chatId = ctx.chat?.id;
  const userId = ctx.from?.id;
  if (chatId === undefined || userId === undefined) return undefined;
  if (!ctx.message && !ctx.editedMessage && !ctx.callbackQuery) return undefined;
  return `${keyPrefix}conversation:${chatId}:${userId}`;
}

// The plugin's own replay state: its outer shape is checked here, its inside is the plugin's business.
const conversationStateSchema = z.custom<ConversationState>(
  (v) => typeof v === 'object' && v !== null && 'replay' in v && 'interrupts' in v,
);
const storedSchema = z.object({
  version: z.tuple([z.literal(PLUGIN_DATA_VERSION), z.union([z.string(), z.number()])]),
  state: z.record(z.string(), z.array(conversationStateSchema)),
});

function parseStored(raw: string | null): VersionedState<ConversationData> | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // not JSON: start afresh rather than fail every update of this person
  }
}

/**
 * Conversation state in Redis, one key per person per chat. The read is served from the update's prefetch
 * (src/bot/prefetch.ts: the poller's memory, else one read with the update's other keys) and falls back to Redis.
 * The plugin writes only when a conversation is active or has just ended; updates that enter none leave Redis alone.
 */
export function conversationStateStore(
  redis: Redis,
  keyPrefix: string,
  memory?: Pick<LeaseMemory, 'conversations'>,
): VersionedStateStorage<BaseContext, ConversationData> {
  async function save(key: string, raw: string | null, write: () => Promise<unknown>): Promise<void> {
    if (!memory) {
      await write();
      return;
    }
    const until = raw === null ? Number.POSITIVE_INFINITY : Date.now() + STATE_TTL_SECONDS * 1000;
    await writeThenRemember(memory.conversations, key, { raw, until }, write);
  }
  return {
    async read(ctx) {
      const key = conversationKey(keyPrefix, ctx);
      if (key === undefined) return undefined;
      const prefetched = ctx.prefetched.conversation;
      return parseStored(prefetched?.key === key ? prefetched.raw : await redis.get(key));
    },
    async write(ctx, state) {
      const key = conversationKey(keyPrefix, ctx);
      if (key === undefined) return;
      const raw = JSON.stringify(state);
      await save(key, raw, () => redis.set(key, raw, 'EX', STATE_TTL_SECONDS));
    },
    async delete(ctx) {
      const key = conversationKey(keyPrefix, ctx);
      if (key !== undefined) await save(key, null, () => redis.del(key));
    },
  };
}

/**
 * The conversations plugin, installed once for every guided flow. State lives in Redis, so a flow survives a
 * restart. One conversation per person per chat: another member's messages never feed someone else's flow.
 */
export function conversationsPlugin(
  redis: Redis,
  keyPrefix: string,
  memory?: Pick<LeaseMemory, 'conversations'>,
): MiddlewareFn<BotContext> {
  return conversations<BaseContext, Context>({
    storage: { type: 'context', version: 1, adapter: conversationStateStore(redis, keyPrefix, memory) },
  });
}
