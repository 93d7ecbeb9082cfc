import type { Redis } from 'ioredis';
import { createApprovalFlow, type ApprovalFlow } from '../approvals/flow.js';
import { createApprovalStore, type ApprovalStore } from '../approvals/store.js';
import { createChatModeStore, type ChatModeStore } from '../approvals/chat-mode.js';
import { createAuditTrail, type AuditTrail } from '../audit/trail.js';
import type { ApprovalPresenter } from '../approvals/presenter.js';
import { closeApprovalQueues, createApprovalScheduler, type ApprovalQueues } from '../jobs/approval-jobs.js';
import { bullPrefix, openQueue, QUEUE } from '../jobs/queues.js';
import type { ClusterRuntime } from './cluster.js';
import type { Core } from './core.js';

export interface ApprovalRuntime {
  store: ApprovalStore;
  modes: ChatModeStore;
  audit: AuditTrail;
  flow: ApprovalFlow;
  close(): Promise<void>;
}

/** The approval store, audit trail, queues and flow, as both roles need them. */
export function createApprovalRuntime(
  core: Core,
  cluster: ClusterRuntime,
  presenter: ApprovalPresenter,
  queueConnection: Redis,
): ApprovalRuntime {
  const { config, logger, redis } = core;
  const settings = { connection: queueConnection, prefix: bullPrefix(config.redis.keyPrefix) };
  const queues: ApprovalQueues = {
    execute: openQueue(QUEUE.execute, settings),
    expiry: openQueue(QUEUE.expiry, settings),
    followup: openQueue(QUEUE.followup, settings),
  };
  const store = createApprovalStore({ redis, keyPrefix: config.redis.keyPrefix, logger });
  const audit = createAuditTrail({ redis, keyPrefix: config.redis.keyPrefix, logger, metrics: core.metrics });
  const modes = createChatModeStore(redis, config.redis.keyPrefix);
  const flow = createApprovalFlow({
    store,
    audit,
    executor: cluster.executor,
    presenter,
    logger,
    redis,
    keyPrefix: config.redis.keyPrefix,
    schedule: createApprovalScheduler(queues),
    modes,
    settings: {
      timeoutSeconds: config.approvals.timeoutSeconds,
      approverIds: config.access.approverUserIds,
      allowSelfApproval: config.access.allowSelfApproval,
      defaultNamespace: config.cluster.defaultNamespace,
    },
  });
  return {
    store,
    modes,
    audit,
    flow,
    async close() {
      await closeApprovalQueues(queues);
    },
  };
}
