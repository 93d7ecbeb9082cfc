import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { luaScript } from '../lua-script.js';
import type { AlertGroup } from './group-record.js';
import type { AlertGroupStore } from './group-store.js';
import type { AlertPresenter } from './ports.js';

export type PostingOutcome = 'posted' | 'edited' | 'up-to-date' | 'unknown';

export type PostingResult =
  | { outcome: PostingOutcome }
  /**
   * Another worker holds the group. It checks the group again after it lets go, so this change is not lost; only
   * if it died holding the lock is a check needed once the lock has expired (`retryInMs`), once per `holder`.
   */
  | { outcome: 'busy'; holder: string; retryInMs: number };

const RELEASE = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export function alertPostingLockKey(keyPrefix: string, groupId: string): string {
  return `${keyPrefix}alert:posting:${groupId}`;
}

export interface AlertPosting {
  /** Brings the group's chat message up to its latest stored revision: the first time a send, afterwards edits. */
  bringUpToDate(groupId: string): Promise<PostingResult>;
  /** Shows the group again though nothing was notified (what it shows depends on the time: a silence ended). */
  refresh(groupId: string): Promise<PostingResult>;
}

/**
 * One writer per group at a time (a Redis lock), so notifications arriving together never send two messages.
 * A job that finds the group taken leaves its change to the holder, which reads the group again after letting go
 * (lock, work, unlock, check again), so no change is lost and nobody waits. The lock outlives Telegram's slowest
 * answer (auto-retry waits out a 429); a worker that dies holding it delays the group's next edit until it expires.
 */
export function createAlertPosting(deps: {
  store: AlertGroupStore;
  presenter: AlertPresenter;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  lockMs?: number;
}): AlertPosting {
  const { store, presenter, redis, keyPrefix } = deps;
  const lockMs = deps.lockMs ?? 120_000;

  async function syncOnce(groupId: string): Promise<PostingOutcome> {
    const group = await store.get(groupId);
    if (!group) return 'unknown';
    if (group.postedRevision >= group.revision && group.messageId !== undefined) return 'up-to-date';
    let outcome: PostingOutcome;
    let messageId = group.messageId;
    if (messageId !== undefined && (await presenter.edit(group, messageId)) === 'edited') {
      outcome = 'edited';
    } else {
      if (messageId !== undefined)
        deps.logger.warn({ alert_group: groupId, chat_id: group.chatId }, 'alert message is gone; posting it again');
      messageId = await presenter.post(group);
      outcome = 'posted';
    }
    const shown = { messageId, revision: group.revision };
    await store.update(groupId, (current) => {
      if (!current) return undefined;
      // A new episode started while we posted: its message is still to come; do not mark it as shown.
      if (current.firstSeenAt !== group.firstSeenAt) return undefined;
      return { ...current, messageId: shown.messageId, postedRevision: Math.max(current.postedRevision, shown.revision) };
    });
    deps.logger.info(
      { alert_group: groupId, chat_id: group.chatId, message_id: messageId, revision: group.revision, status: group.status },
      `alert message ${outcome}`,
    );
    return outcome;
  }

  const upToDate = (group: AlertGroup | undefined) => !group || (group.postedRevision >= group.revision && group.messageId !== undefined);

  async function bringUpToDate(groupId: string): Promise<PostingResult> {
    const lockKey = alertPostingLockKey(keyPrefix, groupId);
    let first: PostingOutcome | undefined;
    for (let pass = 0; pass < 10; pass++) {
      const token = randomBytes(8).toString('hex');
      if ((await redis.set(lockKey, token, 'PX', lockMs, 'NX')) !== 'OK') {
        // Someone took over after we let go: they check again after their own turn.
        if (first) return { outcome: first };
        const [holder, pttl] = await Promise.all([redis.get(lockKey), redis.pttl(lockKey)]);
        if (holder === null) continue;
        return { outcome: 'busy', holder, retryInMs: Math.max(100, pttl + 100) };
      }
      try {
        // Notifications that arrive while we post raise the revision again: catch up before letting go.
        for (let round = 0; round < 5; round++) {
          const outcome = await syncOnce(groupId);
          first ??= outcome;
          if (outcome === 'up-to-date' || outcome === 'unknown') break;
        }
      } finally {
        await RELEASE.run(redis, [lockKey], [token]).catch((error: unknown) =>
          deps.logger.warn({ alert_group: groupId, err: error }, 'could not release the alert posting lock; it expires on its own'),
        );
      }
      // A job that found the lock taken while we held it left its change to us.
      if (upToDate(await store.get(groupId))) break;
    }
    return { outcome: first ?? 'up-to-date' };
  }

  return {
    bringUpToDate,
    async refresh(groupId) {
      const { written } = await store.update(groupId, (current) =>
        current ? { ...current, revision: current.revision + 1, updatedAt: Date.now() } : undefined,
      );
      return written ? bringUpToDate(groupId) : { outcome: 'unknown' };
    },
  };
}
