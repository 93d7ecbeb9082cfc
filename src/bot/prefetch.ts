import type { MiddlewareFn } from 'grammy';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { luaScript } from '../lua-script.js';
import type { BotContext } from './context.js';
import type { LeaseMemory } from './lease-memory.js';

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
  /** The per-person request log (a sorted set read from `since`) and notice keys; absent when there is no limit. */
  requestLimit?(ctx: BotContext): { logKey: string; since: number; noticeKey: string } | undefined;
}

const stringOrNull = z.string().nullable();
const existsCount = z.number().int().min(0);
const millisLeft = z.number().int();
const scoredMembers = z.array(z.string());
const repliesSchema = z.array(z.union([z.string(), z.number(), z.null(), scoredMembers]));

/**
 * GET, EXISTS, PTTL or ZRANGEBYSCORE WITHSCORES (from a score on: `window:<score>`) each key, as one command: one
 * write and one reply for the whole update. (An ioredis pipeline would do the same in one round trip, but building
 * one copies every script BullMQ defined on the connection.)
 */
const READ_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local op = ARGV[i]
  if op == 'exists' then
    out[i] = redis.call('EXISTS', key)
  elseif op == 'pttl' then
    out[i] = redis.call('PTTL', key)
  elseif string.sub(op, 1, 7) == 'window:' then
    out[i] = redis.call('ZRANGEBYSCORE', key, string.sub(op, 8), '+inf', 'WITHSCORES')
  else
    out[i] = redis.call('GET', key)
  end
end
return out`;
const readScript = luaScript(READ_SCRIPT);

type Read = { key: string; op: 'get' | 'exists' | 'pttl' | `window:${number}`; use(reply: unknown): void };

/** `member, score, member, score, …` as a map of member → score. */
function membersOf(flat: readonly string[]): Map<string, number> {
  const members = new Map<string, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) members.set(flat[i] ?? '', Number(flat[i + 1]));
  return members;
}

/**
 * At most one Redis round trip per update, and none for what the lease holder remembers (src/bot/lease-memory.ts):
 * the /lang choice, the conversation state, the duplicate-job check and the sender's request count are read
 * together, and the handlers take the answers from ctx.prefetched. When that read fails, the fields stay absent
 * and each consumer reads on its own.
 */
export function prefetchMiddleware(
  redis: Redis,
  plan: PrefetchPlan,
  memory: LeaseMemory,
  now: () => number = Date.now,
): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const prefetched: UpdatePrefetch = {};
    const reads: Read[] = [];
    const userId = ctx.from?.id;
    if (userId !== undefined) {
      const remembered = memory.locales.get(userId);
      if (remembered !== undefined) prefetched.localeChoice = remembered;
      else
        reads.push({
          key: plan.localeKey(userId),
          op: 'get',
          use(reply) {
            const choice = stringOrNull.safeParse(reply);
            if (!choice.success) return;
            prefetched.localeChoice = choice.data;
            memory.locales.set(userId, choice.data);
          },
        });
    }
    const conversationKey = plan.conversationKey(ctx);
    if (conversationKey !== undefined) {
      const remembered = memory.conversations.get(conversationKey);
      if (remembered !== undefined && remembered.until > now()) prefetched.conversation = { key: conversationKey, raw: remembered.raw };
      else
        reads.push({
          key: conversationKey,
          op: 'get',
          use(reply) {
            const raw = stringOrNull.safeParse(reply);
            if (!raw.success) return;
            prefetched.conversation = { key: conversationKey, raw: raw.data };
            // A state read back has a TTL this read does not learn: only "none" is remembered; the plugin's own
            // writes are remembered with theirs (src/bot/conversations.ts).
            if (raw.data === null) memory.conversations.set(conversationKey, { raw: null, until: Number.POSITIVE_INFINITY });
            else memory.conversations.delete(conversationKey);
          },
        });
    }
    const job = plan.job(ctx);
    if (job && !memory.mayBeRedelivered(ctx.update.update_id)) prefetched.job = { ref: job.ref, known: false };
    else if (job)
      reads.push({
        key: job.key,
        op: 'exists',
        use(reply) {
          const count = existsCount.safeParse(reply);
          if (count.success) prefetched.job = { ref: job.ref, known: count.data > 0 };
        },
      });
    const limit = plan.requestLimit?.(ctx);
    const history = userId === undefined ? undefined : memory.requests.get(userId);
    if (limit && history && userId !== undefined) {
      for (const [member, at] of history.members) if (at < limit.since) history.members.delete(member);
      prefetched.requestLimit = { used: history.members.size, noticed: history.noticedUntil > now() };
    } else if (limit && userId !== undefined) {
      let members: Map<string, number> | undefined;
      reads.push(
        {
          key: limit.logKey,
          op: `window:${limit.since}`,
          use(reply) {
            const flat = scoredMembers.safeParse(reply);
            if (flat.success) members = membersOf(flat.data);
          },
        },
        {
          key: limit.noticeKey,
          op: 'pttl',
          use(reply) {
            const left = millisLeft.safeParse(reply);
            if (!members || !left.success) return;
            const noticedUntil = left.data > 0 ? now() + left.data : 0;
            memory.requests.set(userId, { members, noticedUntil });
            prefetched.requestLimit = { used: members.size, noticed: left.data > 0 };
          },
        },
      );
    }

    if (reads.length > 0) {
      try {
        // Lua turns a missing key's false into a nil reply; ioredis hands that over as null.
        const replies = repliesSchema.parse(
          await readScript.run(
            redis,
            reads.map((r) => r.key),
            reads.map((r) => r.op),
          ),
        );
        reads.forEach((read, i) => read.use(replies[i]));
      } catch (error) {
        ctx.logger.warn({ err: error }, 'prefetch failed; handlers read on their own');
      }
    }
    ctx.prefetched = prefetched;
    await next();
  };
}
