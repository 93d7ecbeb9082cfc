import type { MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BotContext } from './context.js';

/** What an update may need from Redis, read together before any handler runs. Absent: not needed, or not read. */
export interface UpdatePrefetch {
  /** The user's stored /lang choice, as stored (the locale negotiation validates it). */
  localeChoice?: string | null;
  /** The conversations plugin's stored state for this person in this chat, for updates that pass through it. */
  conversation?: { key: string; raw: string | null };
  /** Whether the background job of this text message already exists (then the update is a redelivery). */
  job?: { ref: string; known: boolean };
}

/** Which keys an update needs; each function answers undefined when the update needs nothing of that kind. */
export interface PrefetchPlan {
  localeKey(userId: number): string;
  conversationKey(ctx: BotContext): string | undefined;
  job(ctx: BotContext): { ref: string; key: string } | undefined;
}

const stringOrNull = z.string().nullable();
const existsCount = z.number().int().min(0);

/**
 * One Redis round trip per update: the /lang choice, the conversation state and the duplicate-job check go out as
 * one pipeline, and the handlers read the answers from ctx.prefetched. A read that failed is left out, so its
 * consumer falls back to reading on its own.
 */
export function prefetchMiddleware(redis: Redis, plan: PrefetchPlan): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    const conversationKey = plan.conversationKey(ctx);
    const job = plan.job(ctx);
    const pipeline = redis.pipeline();
    if (userId !== undefined) pipeline.get(plan.localeKey(userId));
    if (conversationKey !== undefined) pipeline.get(conversationKey);
    if (job) pipeline.exists(job.key);
    if (pipeline.length === 0) return next();

    const replies = (await pipeline.exec()) ?? [];
    let i = 0;
    const take = <T>(schema: z.ZodType<T>): T | undefined => {
      const [error, value] = replies[i++] ?? [new Error('no reply'), undefined];
      const parsed = error ? undefined : schema.safeParse(value);
      return parsed?.success ? parsed.data : undefined;
    };
    const prefetched: UpdatePrefetch = {};
    if (userId !== undefined) {
      const choice = take(stringOrNull);
      if (choice !== undefined) prefetched.localeChoice = choice;
    }
    if (conversationKey !== undefined) {
      const raw = take(stringOrNull);
      if (raw !== undefined) prefetched.conversation = { key: conversationKey, raw };
    }
    if (job) {
      const count = take(existsCount);
      if (count !== undefined) prefetched.job = { ref: job.ref, known: count > 0 };
    }
    ctx.prefetched = prefetched;
    await next();
  };
}
