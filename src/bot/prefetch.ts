import { createHash } from 'node:crypto';
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
  /** For a message that may become work: the sender's requests in the current window, and whether they were told. */
  requestLimit?: { used: number; noticed: boolean };
}

/** Which keys an update needs; each function answers undefined when the update needs nothing of that kind. */
export interface PrefetchPlan {
  localeKey(userId: number): string;
  conversationKey(ctx: BotContext): string | undefined;
  job(ctx: BotContext): { ref: string; key: string } | undefined;
  /** The per-person request log (a sorted set counted from `since`) and notice keys; absent when there is no limit. */
  requestLimit?(ctx: BotContext): { logKey: string; since: number; noticeKey: string } | undefined;
}

const stringOrNull = z.string().nullable();
const existsCount = z.number().int().min(0);
const repliesSchema = z.array(z.union([z.string(), z.number(), z.null()]));

/**
 * GET, EXISTS or ZCOUNT (from a score on: `count:<score>`) each key, as one command: one write and one reply for
 * the whole update. (An ioredis pipeline would do the same in one round trip, but building one copies every script
 * BullMQ defined on the connection.)
 */
const READ_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local op = ARGV[i]
  if op == 'exists' then
    out[i] = redis.call('EXISTS', key)
  elseif string.sub(op, 1, 6) == 'count:' then
    out[i] = redis.call('ZCOUNT', key, string.sub(op, 7), '+inf')
  else
    out[i] = redis.call('GET', key)
  end
end
return out`;
const READ_SCRIPT_SHA = createHash('sha1').update(READ_SCRIPT).digest('hex');

type Read = { key: string; op: 'get' | 'exists' | `count:${number}` };

async function readAll(redis: Redis, reads: readonly Read[]): Promise<unknown> {
  const keys = reads.map((r) => r.key);
  const ops = reads.map((r) => r.op);
  try {
    return await redis.evalsha(READ_SCRIPT_SHA, keys.length, ...keys, ...ops);
  } catch (error) {
    // First use on this Redis (or after SCRIPT FLUSH): send the body once, later updates go by hash.
    if (error instanceof Error && error.message.includes('NOSCRIPT')) return redis.eval(READ_SCRIPT, keys.length, ...keys, ...ops);
    throw error;
  }
}

/**
 * One Redis round trip per update: the /lang choice, the conversation state, the duplicate-job check and the
 * sender's request count are read together, and the handlers take the answers from ctx.prefetched. When that read fails, the fields stay absent
 * and each consumer reads on its own.
 */
export function prefetchMiddleware(redis: Redis, plan: PrefetchPlan): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    const conversationKey = plan.conversationKey(ctx);
    const job = plan.job(ctx);
    const limit = plan.requestLimit?.(ctx);
    const reads: Read[] = [];
    if (userId !== undefined) reads.push({ key: plan.localeKey(userId), op: 'get' });
    if (conversationKey !== undefined) reads.push({ key: conversationKey, op: 'get' });
    if (job) reads.push({ key: job.key, op: 'exists' });
    if (limit) reads.push({ key: limit.logKey, op: `count:${limit.since}` }, { key: limit.noticeKey, op: 'exists' });
    if (reads.length === 0) return next();

    let replies: (string | number | null)[] = [];
    try {
      // Lua turns a missing key's false into a nil reply; ioredis hands that over as null.
      replies = repliesSchema.parse(await readAll(redis, reads));
    } catch (error) {
      ctx.logger.warn({ err: error }, 'prefetch failed; handlers read on their own');
    }
    let i = 0;
    const take = <T>(schema: z.ZodType<T>): T | undefined => {
      const parsed = schema.safeParse(replies[i++]);
      return parsed.success ? parsed.data : undefined;
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
    if (limit) {
      const used = take(existsCount);
      const noticed = take(existsCount);
      if (used !== undefined && noticed !== undefined) prefetched.requestLimit = { used, noticed: noticed > 0 };
    }
    ctx.prefetched = prefetched;
    await next();
  };
}
