import { buttonSealFromBotToken } from '../bot/button-codec.js';
import { createChatOutput, createTelegramApi } from '../bot/chat-output.js';
import { createBot } from '../bot/create-bot.js';
import { createApprovalRuntime, type ApprovalRuntime } from './approvals.js';
import { createAnswerLanes } from '../bot/answer-lanes.js';
import { createLocaleStore } from '../bot/locale-store.js';
import { startPolling, type Polling } from '../bot/polling.js';
import { createLeaseMemory } from '../bot/lease-memory.js';
import { createPollerLock, pollerLockKey } from '../bot/poller-lock.js';
import { createApprovalPresenter } from '../bot/presenters/approval-presenter.js';
import { createSyncAnswerer } from '../chat/sync-answer.js';
import { createReadOnlyExecutor } from '../cluster/read-only-executor.js';
import { createAgentDispatcher } from '../jobs/agent-dispatcher.js';
import { createProposalQueue } from '../jobs/propose-jobs.js';
import { bullPrefix, openQueue, queueCounts, QUEUE } from '../jobs/queues.js';
import { classify } from '../routing/classifier.js';
import { createStatusReporter } from '../status/snapshot.js';
import { readVersion } from '../version.js';
import type { Core } from './core.js';
import type { ClusterRuntime } from './cluster.js';
import { startAlertIntake, type AlertIntakeRuntime } from './alerts.js';

export interface BotRole {
  polling: Polling;
  approvals: ApprovalRuntime;
  /** The Alertmanager webhook receiver and alert actions; undefined when ALERT_WEBHOOK_TOKEN is not set. */
  alerts?: AlertIntakeRuntime;
  stop(graceMs: number): Promise<void>;
}

/**
 * The Telegram front end: polling, commands, classification, sync answers, enqueueing background work. It only
 * reads the cluster: changes, and their previews, go to the workers.
 */
export async function startBotRole(core: Core, fullCluster: ClusterRuntime): Promise<BotRole> {
  const { config, logger, redis } = core;
  const cluster: ClusterRuntime = { ...fullCluster, executor: createReadOnlyExecutor(fullCluster.executor) };
  if (config.access.allowedUserIds.length === 0) {
    logger.warn(
      'ALLOWED_USER_IDS is empty, so the bot serves nobody. Send /start to the bot: its refusal shows your numeric user id; put it in ALLOWED_USER_IDS and restart.',
    );
  }
  const agentQueue = openQueue(QUEUE.agent, { connection: redis, prefix: bullPrefix(config.redis.keyPrefix) });
  const agents = createAgentDispatcher({ queue: agentQueue, redis, keyPrefix: config.redis.keyPrefix, logger });
  const proposeQueue = openQueue(QUEUE.propose, { connection: redis, prefix: bullPrefix(config.redis.keyPrefix) });
  // Cards are edited through an Api of our own (same token, no polling), the way the worker edits them.
  const approvalOutput = createChatOutput(createTelegramApi(config.telegram.token ?? '', config.telegram.apiRoot, logger));
  const approvalPresenter = createApprovalPresenter({
    output: approvalOutput,
    t: core.t,
    seal: buttonSealFromBotToken(config.telegram.token ?? ''),
    defaultNamespace: config.cluster.defaultNamespace,
    timeZone: config.timeZone,
  });
  const approvals = createApprovalRuntime(core, cluster, approvalPresenter, redis);
  const localeStore = createLocaleStore(redis, config.redis.keyPrefix);
  const memory = createLeaseMemory();
  // Sync model answers run here, after their update; an error that escapes their own handling is still logged.
  const lanes = createAnswerLanes((error) => logger.error({ err: error }, 'sync answer lane failed'));
  // /status can be asked while polling is still starting; it reads the poller through this slot once it exists.
  const pollingSlot: { current?: Polling } = {};
  const status = createStatusReporter({
    redis,
    version: readVersion(),
    startedAt: core.startedAt,
    polling: () => pollingSlot.current?.state() ?? 'starting',
    queue: () => queueCounts(agentQueue),
    providers: () => core.chain.snapshot(),
    cluster: () => cluster.health(),
    approvals: () => approvals.store.countsToday(),
  });
  core.scrape.queues = async () => ({ [QUEUE.agent]: await queueCounts(agentQueue) });
  core.scrape.approvals = async () => ({ ...(await approvals.store.countsToday()) });
  // Before the bot: its alert buttons need the group store, the actions and the investigations.
  const alerts = await startAlertIntake(core, { audit: approvals.audit, chatLocale: (chatId) => localeStore.get(chatId), jobs: agents });
  const bot = createBot({
    config,
    metrics: core.metrics,
    logger,
    redis,
    status,
    t: core.t,
    localeStore,
    memory,
    lanes,
    agents,
    approvals,
    executor: cluster.executor,
    ...(alerts ? { alerts: { store: alerts.store, actions: alerts.actions, investigations: alerts.investigations } } : {}),
    proposals: createProposalQueue(proposeQueue),
    understanding: {
      classify,
      route: core.route,
      answerer: createSyncAnswerer({ chain: core.chain, memory: core.memory, logger }),
    },
  });
  // The lease TTL is three renewals, so a dead poller is replaced within about five seconds.
  const lock = createPollerLock(redis, pollerLockKey(config.redis.keyPrefix, config.telegram.token ?? ''), 4500);
  const started = await startPolling(bot, {
    logger,
    t: core.t,
    lock,
    memory,
    inFlight: lanes,
    renewEveryMs: 1500,
    standbyRetryMs: 1000,
  }).catch(async (error: unknown) => {
    await alerts?.close();
    throw error;
  });
  pollingSlot.current = started;
  return {
    polling: started,
    approvals,
    ...(alerts ? { alerts } : {}),
    async stop(graceMs) {
      await alerts?.close();
      await started.stop(graceMs);
      await agentQueue.close();
      await proposeQueue.close();
      await approvals.close();
    },
  };
}
