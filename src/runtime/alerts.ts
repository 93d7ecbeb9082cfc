import { Counter } from 'prom-client';
import { createAlertActions, type AlertActions } from '../alerts/actions.js';
import { createAlertmanagerClient } from '../alerts/alertmanager-client.js';
import { createAlertGroupStore, type AlertGroupStore } from '../alerts/group-store.js';
import { createAlertIntake } from '../alerts/intake.js';
import { createAlertInvestigations, type AlertInvestigations, type InvestigationJobs } from '../alerts/investigation-runs.js';
import type { AlertPresenter } from '../alerts/ports.js';
import { createAlertPosting } from '../alerts/posting.js';
import { startAlertReceiver } from '../alerts/receiver.js';
import type { AuditTrail } from '../audit/trail.js';
import type { Locale } from '../i18n/locale.js';
import { ALERT_QUEUE, createAlertPublisher, startAlertPostingWorker } from '../jobs/alert-jobs.js';
import { bullPrefix, openQueue } from '../jobs/queues.js';
import { createRedis } from '../redis.js';
import type { Core } from './core.js';

export interface AlertIntakeRuntime {
  /** The port the Alertmanager webhook receiver listens on. */
  receiverPort: number;
  store: AlertGroupStore;
  /** Acknowledge and silence, for the bot's buttons. */
  actions: AlertActions;
  /** One investigation per group at a time, for the Investigate button. */
  investigations: AlertInvestigations;
  close(): Promise<void>;
}

/**
 * The bot role's side of alerts: the webhook receiver, the group store, the actions and the investigations. Off (undefined, with a log
 * line) when ALERT_WEBHOOK_TOKEN is not set: an open receiver would let anyone post into the chats.
 */
export async function startAlertIntake(
  core: Core,
  deps: { audit: AuditTrail; chatLocale: (chatId: number) => Promise<Locale | undefined>; jobs: InvestigationJobs },
): Promise<AlertIntakeRuntime | undefined> {
  const { config, logger, redis } = core;
  const settings = config.alerts;
  if (!settings.webhook) {
    logger.info('Alertmanager webhook receiver off: ALERT_WEBHOOK_TOKEN is not set');
    return undefined;
  }
  const log = logger.child({ part: 'alerts' });
  const store = createAlertGroupStore({ redis, keyPrefix: config.redis.keyPrefix, logger: log });
  const queue = openQueue(ALERT_QUEUE, { connection: redis, prefix: bullPrefix(config.redis.keyPrefix) });
  const publisher = createAlertPublisher(queue);
  const webhooks = new Counter({
    name: 'chatops_alert_webhooks_total',
    help: 'Alertmanager webhook requests, by outcome',
    labelNames: ['outcome'],
    registers: [core.registry],
  });
  const intake = createAlertIntake({
    store,
    publisher,
    routes: settings.routes,
    ...(settings.defaultChatId !== undefined ? { defaultChatId: settings.defaultChatId } : {}),
    defaultLocale: settings.locale,
    // In a private chat the chat id is the user's id, so the user's /lang choice is the chat's language.
    chatLocale: (chatId) => (chatId > 0 ? deps.chatLocale(chatId) : Promise.resolve(undefined)),
    logger: log,
  });
  const actions = createAlertActions({
    store,
    publisher,
    audit: deps.audit,
    ...(settings.alertmanagerUrl ? { alertmanager: createAlertmanagerClient({ baseUrl: settings.alertmanagerUrl }) } : {}),
    redis,
    keyPrefix: config.redis.keyPrefix,
    logger: log,
  });
  const investigations = createAlertInvestigations({
    store,
    jobs: deps.jobs,
    audit: deps.audit,
    t: core.t,
    redis,
    keyPrefix: config.redis.keyPrefix,
    logger: log,
  });
  let receiver;
  try {
    receiver = await startAlertReceiver({
      port: settings.webhook.port,
      token: settings.webhook.token,
      maxBytes: settings.webhook.maxBytes,
      intake,
      logger: log,
      onOutcome: (outcome) => webhooks.inc({ outcome }),
    });
  } catch (error) {
    await queue.close();
    throw error;
  }
  if (!settings.alertmanagerUrl) log.info('ALERTMANAGER_URL is not set: alerts cannot be silenced from the chat');
  return {
    receiverPort: receiver.port,
    store,
    actions,
    investigations,
    async close() {
      await receiver.close();
      await queue.close();
    },
  };
}

/** The worker role's side: posts and edits alert messages through the presenter. Off without ALERT_WEBHOOK_TOKEN. */
export async function startAlertPosting(core: Core, presenter: AlertPresenter): Promise<{ close(): Promise<void> } | undefined> {
  const { config, logger, redis } = core;
  if (!config.alerts.webhook) return undefined;
  const log = logger.child({ part: 'alerts' });
  const store = createAlertGroupStore({ redis, keyPrefix: config.redis.keyPrefix, logger: log });
  const posting = createAlertPosting({ store, presenter, redis, keyPrefix: config.redis.keyPrefix, logger: log });
  const connection = createRedis(config.redis.url, logger, 'chatops-worker-alerts');
  const worker = await startAlertPostingWorker({
    connection,
    prefix: bullPrefix(config.redis.keyPrefix),
    logger: log,
    bringUpToDate: (groupId) => posting.bringUpToDate(groupId),
    refresh: (groupId) => posting.refresh(groupId),
  });
  return {
    async close() {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
