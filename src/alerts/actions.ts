import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AuditTrail } from '../audit/trail.js';
import { AlertmanagerError, type AlertmanagerClient, type SilenceMatcher } from './alertmanager-client.js';
import type { AlertGroup, AlertUser } from './group-record.js';
import type { AlertGroupStore } from './group-store.js';
import type { AlertPublisher } from './ports.js';

export type AcknowledgeResult =
  | { kind: 'acknowledged'; group: AlertGroup }
  /** Somebody already took it (possibly the same person tapping twice). */
  | { kind: 'already'; by: AlertUser & { at: number }; group: AlertGroup }
  | { kind: 'unknown' };

export type SilenceResult =
  | { kind: 'silenced'; silenceId: string; until: number; group: AlertGroup }
  /** A silence made from the chat is still running; nothing new was made. */
  | { kind: 'active'; silence: NonNullable<AlertGroup['silence']>; group: AlertGroup }
  /** Another silence of this group is being made right now (a double tap). */
  | { kind: 'in_progress' }
  /** ALERTMANAGER_URL is not set. */
  | { kind: 'not_configured' }
  /** The group has no common label to match on: a silence would hide unrelated alerts. */
  | { kind: 'no_matchers' }
  | { kind: 'failed'; error: string }
  | { kind: 'unknown' };

export interface AlertActions {
  /** Records who took the alert; the message shows it. */
  acknowledge(groupId: string, user: AlertUser): Promise<AcknowledgeResult>;
  /** Creates an Alertmanager silence for the group's common labels. The caller checks mayActOnAlert('silence') first. */
  silence(groupId: string, user: AlertUser, durationMs: number): Promise<SilenceResult>;
}

export interface AlertActionsDeps {
  store: AlertGroupStore;
  publisher: AlertPublisher;
  audit: AuditTrail;
  /** Absent without ALERTMANAGER_URL. */
  alertmanager?: AlertmanagerClient;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  now?: () => number;
}

const MIN_SILENCE_MS = 60_000;
const MAX_SILENCE_MS = 30 * 24 * 3600_000;

/** Exact matchers on every common label: the silence covers this group's alerts and alerts exactly like them. */
export function silenceMatchers(group: Pick<AlertGroup, 'commonLabels'>): SilenceMatcher[] {
  return Object.entries(group.commonLabels)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value, isRegex: false, isEqual: true }));
}

function who(user: AlertUser): string {
  return user.name ? `${user.name} (Telegram user ${user.userId})` : `Telegram user ${user.userId}`;
}

function describeMatchers(matchers: readonly SilenceMatcher[]): string {
  return matchers.map((m) => `${m.name}="${m.value}"`).join(',');
}

export function createAlertActions(deps: AlertActionsDeps): AlertActions {
  const { store, publisher, audit, logger } = deps;
  const now = deps.now ?? Date.now;

  async function record(entry: Parameters<AuditTrail['append']>[0], log: Logger): Promise<void> {
    // The action has happened (the silence exists): a failed audit write is logged loudly, not undone.
    await audit
      .append(entry)
      .catch((error: unknown) => log.error({ err: error, audit: entry }, 'could not write the audit entry for an alert action'));
  }

  return {
    async acknowledge(groupId, user) {
      const log = logger.child({ alert_group: groupId, user_id: user.userId });
      const at = now();
      const { before, after, written } = await store.update(groupId, (current) =>
        current && !current.acknowledgedBy
          ? { ...current, acknowledgedBy: { ...user, at }, revision: current.revision + 1, updatedAt: at }
          : undefined,
      );
      if (!before || !after) return { kind: 'unknown' };
      if (!written) return before.acknowledgedBy ? { kind: 'already', by: before.acknowledgedBy, group: before } : { kind: 'unknown' };
      await publisher.publish(groupId, after.revision);
      await record(
        {
          kind: 'alert',
          chatId: after.chatId,
          userId: user.userId,
          decision: 'acknowledge',
          outcome: 'succeeded',
          detail: `alert group ${groupId} (${after.commonLabels.alertname ?? '?'})`,
        },
        log,
      );
      log.info({ chat_id: after.chatId }, 'alert acknowledged');
      return { kind: 'acknowledged', group: after };
    },

    async silence(groupId, user, durationMs) {
      const log = logger.child({ alert_group: groupId, user_id: user.userId });
      const group = await store.get(groupId);
      if (!group) return { kind: 'unknown' };
      const startedAt = now();
      if (group.silence && group.silence.until > startedAt) return { kind: 'active', silence: group.silence, group };
      if (!deps.alertmanager) return { kind: 'not_configured' };
      const matchers = silenceMatchers(group);
      if (matchers.length === 0) return { kind: 'no_matchers' };
      const duration = Math.min(MAX_SILENCE_MS, Math.max(MIN_SILENCE_MS, Math.round(durationMs)));
      const until = startedAt + duration;

      // A double tap must not make two silences: one maker per group at a time.
      const lockKey = `${deps.keyPrefix}alert:silencing:${groupId}`;
      if ((await deps.redis.set(lockKey, String(user.userId), 'PX', 30_000, 'NX')) !== 'OK') return { kind: 'in_progress' };
      try {
        let silenceId: string;
        try {
          silenceId = await deps.alertmanager.createSilence({
            matchers,
            startsAt: new Date(startedAt),
            endsAt: new Date(until),
            createdBy: who(user),
            comment: `Silenced from Telegram chat ${group.chatId} by ${who(user)} for ${Math.round(duration / 60_000)} min (kube-chatops alert group ${groupId}).`,
          });
        } catch (error) {
          const message = error instanceof AlertmanagerError || error instanceof Error ? error.message : String(error);
          log.warn({ chat_id: group.chatId, err: message }, 'could not create the Alertmanager silence');
          await record(
            {
              kind: 'alert',
              chatId: group.chatId,
              userId: user.userId,
              decision: 'silence',
              outcome: 'failed',
              detail: `alert group ${groupId}: ${message}`,
            },
            log,
          );
          return { kind: 'failed', error: message };
        }
        const silence = { id: silenceId, by: user, at: startedAt, until };
        const { after } = await store.update(groupId, (current) =>
          current ? { ...current, silence, revision: current.revision + 1, updatedAt: now() } : undefined,
        );
        if (after) await publisher.publish(groupId, after.revision);
        // When the silence ends, the message says so and offers Silence again.
        await publisher
          .refreshAt(groupId, until)
          .catch((error: unknown) => log.warn({ err: error }, 'could not schedule the alert message refresh at the end of the silence'));
        await record(
          {
            kind: 'alert',
            chatId: group.chatId,
            userId: user.userId,
            decision: 'silence',
            outcome: 'succeeded',
            durationMs: duration,
            detail: `alert group ${groupId}: silence ${silenceId} until ${new Date(until).toISOString()} for ${describeMatchers(matchers)}`,
          },
          log,
        );
        log.info({ chat_id: group.chatId, silence_id: silenceId, until }, 'alert silenced');
        return { kind: 'silenced', silenceId, until, group: after ?? { ...group, silence } };
      } finally {
        await deps.redis.del(lockKey).catch(() => undefined);
      }
    },
  };
}
