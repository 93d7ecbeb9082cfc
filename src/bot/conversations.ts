import { conversations, type ConversationFlavor } from '@grammyjs/conversations';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { Context, MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import type { BotContext } from './context.js';

export type ConversationContext = ConversationFlavor<BotContext>;

/**
 * The conversations plugin, installed once for every guided flow. State lives in Redis, so a flow survives a
 * restart. One conversation per person per chat: another member's messages never feed someone else's flow.
 */
export function conversationsPlugin(redis: Redis, keyPrefix: string): MiddlewareFn<ConversationContext> {
  return conversations<ConversationContext, Context>({
    storage: {
      type: 'key',
      version: 1,
      prefix: `${keyPrefix}conversation:`,
      getStorageKey: (ctx) => (ctx.chat && ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : undefined),
      adapter: new RedisAdapter({ instance: redis, ttl: 24 * 3600 }),
    },
  });
}
