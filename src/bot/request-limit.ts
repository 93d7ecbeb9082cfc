import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { luaScript } from '../lua-script.js';
import type { Translate } from '../i18n/translator.js';
import type { BotContext } from './context.js';
import type { LeaseMemory } from './lease-memory.js';

/** The window of USER_RATE_LIMIT_PER_MINUTE. */
export const REQUEST_WINDOW_MS = 60_000;

/**
 * One entry per admitted request, scored by time (a sliding log, as src/llm/rate-limit.ts keeps per provider), in
 * Redis so every bot replica counts the same requests. Old entries go when the next one is added.
 */
const RECORD_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;
const recordScript = luaScript(RECORD_SCRIPT);

export function requestLogKey(keyPrefix: string, userId: number): string {
  return `${keyPrefix}user-requests:${userId}`;
}

export function requestNoticeKey(keyPrefix: string, userId: number): string {
  return `${keyPrefix}user-requests-notice:${userId}`;
}

/** Commands whose message becomes work; every other command (/help, /status, /lang, ...) is never limited. */
const WORK_COMMANDS: ReadonlySet<string> = new Set(['run']);
const COMMAND = /^\/([A-Za-z0-9_]+)(?:@\S+)?(?:\s|$)/;

/** True for a message that may become work: free text, or a command that runs something. Taps never are. */
export function mayBecomeWork(ctx: Pick<BotContext, 'message'>): boolean {
  const text = ctx.message?.text?.trimStart();
  if (text === undefined) return false;
  if (!text.startsWith('/')) return true;
  const command = COMMAND.exec(text)?.[1]?.toLowerCase();
  return command !== undefined && WORK_COMMANDS.has(command);
}

/** A request under the limit, not yet counted: record() counts it. */
export interface Admission {
  record(): Promise<void>;
}

export interface RequestLimiter {
  /** The keys the update's prefetch reads for this message; undefined when there is no limit or it is not work. */
  readPlan(ctx: BotContext): { logKey: string; since: number; noticeKey: string } | undefined;
  /**
   * Called when a message is about to become work: true (and the request counted) when the sender is under the
   * limit; false when not, after telling them once per window in their language (later refusals are silent).
   */
  admit(ctx: BotContext): Promise<boolean>;
  /**
   * As admit, but the request is counted only when the caller calls record(): so a reply (the "⏳" ack) can go out
   * first. Undefined when refused. The caller records before its handler ends, so the person's next message, which
   * waits for this one (src/bot/update-scope.ts), counts it.
   */
  check(ctx: BotContext): Promise<Admission | undefined>;
}

const countSchema = z.number().int().min(0);

export function createRequestLimiter(deps: {
  redis: Redis;
  keyPrefix: string;
  /** null: no limit. */
  limitPerMinute: number | null;
  t: Translate;
  /** What the lease holder remembers of each person's requests (kept up to date here). */
  memory?: Pick<LeaseMemory, 'requests'>;
  now?: () => number;
}): RequestLimiter {
  const { redis, keyPrefix, limitPerMinute } = deps;
  const now = deps.now ?? Date.now;

  async function readNow(userId: number, since: number): Promise<{ used: number; noticed: boolean }> {
    const [used, noticed] = await Promise.all([
      redis.zcount(requestLogKey(keyPrefix, userId), since, '+inf'),
      redis.exists(requestNoticeKey(keyPrefix, userId)),
    ]);
    return { used: countSchema.parse(used), noticed: noticed > 0 };
  }

  async function record(userId: number, at: number): Promise<void> {
    const member = `${at}:${randomUUID()}`;
    try {
      await recordScript.run(redis, [requestLogKey(keyPrefix, userId)], [at - REQUEST_WINDOW_MS, at, member, REQUEST_WINDOW_MS]);
    } catch (error) {
      // Whether it was counted is unknown: the next request reads Redis again.
      deps.memory?.requests.delete(userId);
      throw error;
    }
    deps.memory?.requests.get(userId)?.members.set(member, at);
  }

  async function check(ctx: BotContext): Promise<Admission | undefined> {
    const userId = ctx.from?.id;
    // A message without a sender (a channel post) is never work here: only people's requests are limited.
    if (limitPerMinute === null || userId === undefined) return { record: () => Promise.resolve() };
    const at = now();
    // Read with the update's other keys (src/bot/prefetch.ts); asked here only when that read failed.
    const seen = ctx.prefetched.requestLimit ?? (await readNow(userId, at - REQUEST_WINDOW_MS));
    if (seen.used >= limitPerMinute) {
      ctx.logger.warn({ used: seen.used, limit: limitPerMinute }, 'request refused: per-user rate limit');
      if (seen.noticed) return undefined;
      // NX: of two refusals racing (two chats, two replicas), one tells the person.
      const first = await redis.set(requestNoticeKey(keyPrefix, userId), '1', 'PX', REQUEST_WINDOW_MS, 'NX');
      const history = deps.memory?.requests.get(userId);
      if (history) history.noticedUntil = at + REQUEST_WINDOW_MS;
      if (first === 'OK') await ctx.reply(deps.t(ctx.locale, 'request-limit-reached', { limit: limitPerMinute }));
      return undefined;
    }
    return { record: () => record(userId, at) };
  }

  return {
    readPlan(ctx) {
      const userId = ctx.from?.id;
      if (limitPerMinute === null || userId === undefined || !mayBecomeWork(ctx)) return undefined;
      return { logKey: requestLogKey(keyPrefix, userId), since: now() - REQUEST_WINDOW_MS, noticeKey: requestNoticeKey(keyPrefix, userId) };
    },

    check,

    async admit(ctx) {
      const admission = await check(ctx);
      if (!admission) return false;
      await admission.record();
      return true;
    },
  };
}
