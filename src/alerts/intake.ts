import type { Logger } from 'pino';
import type { Locale } from '../i18n/locale.js';
import { alertGroupId } from './group-record.js';
import type { AlertGroupStore } from './group-store.js';
import { mergeNotification } from './merge-notification.js';
import type { AlertPublisher } from './ports.js';
import { chatForLabels, type AlertRoute } from './routes.js';
import type { WebhookPayload } from './webhook-payload.js';

export type IntakeResult =
  | { kind: 'stored'; groupId: string; chatId: number; revision: number; changed: boolean }
  /** No route matched and there is no default chat: nothing to do (a retry would not help either). */
  | { kind: 'unrouted'; groupId: string };

export interface AlertIntake {
  receive(payload: WebhookPayload): Promise<IntakeResult>;
}

export interface AlertIntakeDeps {
  store: AlertGroupStore;
  publisher: Pick<AlertPublisher, 'publish'>;
  routes: readonly AlertRoute[];
  defaultChatId?: number;
  /** The language of alert messages where the chat itself does not say (ALERT_LOCALE). */
  defaultLocale: Locale;
  /** The chat's own language if known (a private chat: its user's /lang choice). */
  chatLocale?: (chatId: number) => Promise<Locale | undefined>;
  logger: Logger;
  now?: () => number;
}

/**
 * Stores a notification in its group and queues the group's message. Routing looks at the group's common labels
 * (every alert of the group carries them); the chat and language are fixed when the group is first seen.
 */
export function createAlertIntake(deps: AlertIntakeDeps): AlertIntake {
  const now = deps.now ?? Date.now;
  return {
    async receive(payload) {
      const groupId = alertGroupId(payload.groupKey);
      const log = deps.logger.child({ alert_group: groupId });
      const chatId = chatForLabels(deps.routes, { ...payload.groupLabels, ...payload.commonLabels }, deps.defaultChatId);
      if (chatId === undefined) {
        log.warn(
          { labels: payload.commonLabels, receiver: payload.receiver },
          'no ALERT_ROUTES entry matches this alert group and there is no ALERT_DEFAULT_CHAT_ID; dropped',
        );
        return { kind: 'unrouted', groupId };
      }
      const locale = (await deps.chatLocale?.(chatId)) ?? deps.defaultLocale;
      let outcome: ReturnType<typeof mergeNotification> | undefined;
      const { after } = await deps.store.update(groupId, (current) => {
        outcome = mergeNotification(current, payload, { id: groupId, chatId, locale, now: now() });
        return outcome.changed ? outcome.group : undefined;
      });
      if (!after) throw new Error(`alert group ${groupId} was not stored`);
      // Also when nothing changed: an earlier delivery may have been stored but not queued (the process died between).
      if (after.postedRevision < after.revision) await deps.publisher.publish(groupId, after.revision);
      const changed = outcome?.changed ?? false;
      log.info(
        {
          chat_id: after.chatId,
          status: after.status,
          alerts: payload.alerts.length,
          revision: after.revision,
          changed,
          ...(outcome?.newEpisode ? { new_episode: true } : {}),
        },
        changed ? 'alert notification stored' : 'alert notification repeated nothing new',
      );
      return { kind: 'stored', groupId, chatId: after.chatId, revision: after.revision, changed };
    },
  };
}
