import type { ApprovalPresenter } from '../approvals/presenter.js';
import { startAgentWorker, type AgentWorker } from '../jobs/agent-worker.js';
import { startApprovalWorkers } from '../jobs/approval-jobs.js';
import { startProposeWorker } from '../jobs/propose-jobs.js';
import { bullPrefix } from '../jobs/queues.js';
import { createOfflineProvider } from '../offline/provider.js';
import { createRedis } from '../redis.js';
import { createAgent, type AgentOutcome } from '../agent/agent.js';
import type { AlertPresenter } from '../alerts/ports.js';
import { investigationContextNote } from '../alerts/investigation.js';
import type { AgentJobPresenter } from '../agent/job-presenter.js';
import { createApprovalRuntime, type ApprovalRuntime } from './approvals.js';
import type { ClusterRuntime } from './cluster.js';
import type { Core } from './core.js';
import { createRunProposalHandler } from './run-proposals.js';
import { proposeOnce } from './propose-once.js';

export interface WorkerTuning {
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** How often pending approvals past their deadline are swept (a backstop for a lost delayed job). */
  sweepEveryMs?: number;
}

/** How the worker shows what happened in the chats; the composition root (src/app.ts) hands in the bot's. */
export interface WorkerPresenters {
  approvals: ApprovalPresenter;
  agentJobs: AgentJobPresenter;
  /** Alert group messages (posted by the worker's alert queue, src/runtime/alerts.ts). */
  alerts: AlertPresenter;
}

export interface WorkerRole {
  approvals: ApprovalRuntime;
  stop(): Promise<void>;
}

/**
 * The background worker: agent jobs (model + read tools), /run changes (previewed here, then carded), approved
 * executions, deadlines and follow-ups. The only role that may change the cluster.
 */
export async function startWorkerRole(
  core: Core,
  cluster: ClusterRuntime,
  presenters: WorkerPresenters,
  tuning: WorkerTuning = {},
): Promise<WorkerRole> {
  const { config, logger } = core;
  const { agentJobs } = presenters;
  const agent = createAgent({
    chain: core.chain,
    executor: cluster.executor,
    logger,
    offline: createOfflineProvider({ defaultNamespace: config.cluster.defaultNamespace, t: core.t }),
    protectedNamespaces: cluster.protectedNamespaces,
    defaultNamespace: config.cluster.defaultNamespace,
    limits: { maxToolCallsPerTurn: config.agent.maxToolCallsPerTurn },
  });
  const bullConnection = createRedis(config.redis.url, logger, 'chatops-worker-bull');
  const subscriber = createRedis(config.redis.url, logger, 'chatops-worker-cancel');
  const approvals = createApprovalRuntime(core, cluster, presenters.approvals, bullConnection);
  const prefix = bullPrefix(config.redis.keyPrefix);
  const lock = {
    ...(tuning.lockDurationMs ? { lockDurationMs: tuning.lockDurationMs } : {}),
    ...(tuning.stalledIntervalMs ? { stalledIntervalMs: tuning.stalledIntervalMs } : {}),
  };

  const agentWorker: AgentWorker = await startAgentWorker<AgentOutcome>({
    connection: bullConnection,
    prefix,
    keyPrefix: config.redis.keyPrefix,
    redis: core.redis,
    subscriber,
    logger,
    ...(tuning.concurrency ? { concurrency: tuning.concurrency } : {}),
    ...lock,
    handlers: {
      async run(job, signal) {
        const history = await core.memory.recent(job.chatId);
        return agent.run({
          text: job.text,
          locale: job.locale,
          task: job.task,
          links: core.route(job.task).chain,
          // An alert investigation: the alert's facts go with it, and it may end by proposing one change.
          history: job.context ? [...history, investigationContextNote(job.context)] : history,
          signal,
          ...(job.alertGroupId ? { proposeChanges: true } : {}),
        });
      },
      async onDone(job, outcome, log) {
        await agentJobs.finished(job, outcome);
        // A rerun of a job that already delivered (lost lock during a Redis outage) must not propose twice.
        if (outcome.kind === 'needs_approval') {
          const proposed = await proposeOnce(core.redis, `${config.redis.keyPrefix}agent-proposed:${job.ref}`, () =>
            approvals.flow.propose({
              call: outcome.call,
              risk: outcome.risk,
              requesterId: job.userId,
              ...(job.userName ? { requesterName: job.userName } : {}),
              chatId: job.chatId,
              locale: job.locale,
              jobRef: job.ref,
              agentState: outcome.state,
              replyTo: job.messageId,
              request: { text: job.text, source: 'agent', readClusterData: outcome.readClusterData },
            }),
          );
          if (!proposed) log.warn('this job already proposed its change in another run; not proposing again');
          else if (proposed.kind !== 'card')
            await agentJobs.notProposed({ chatId: job.chatId, locale: job.locale, replyTo: job.messageId }, proposed, outcome.call);
        }
        if (outcome.kind === 'answer') {
          await core.memory.remember(job.chatId, { role: 'user', content: job.text }, { role: 'assistant', content: outcome.text });
        }
        await approvals.audit.append({
          kind: 'request',
          chatId: job.chatId,
          userId: job.userId,
          task: job.task,
          jobRef: job.ref,
          outcome: outcome.kind,
          ...(outcome.kind !== 'failed' ? { provider: outcome.producedBy, ...(outcome.model ? { model: outcome.model } : {}) } : {}),
          tokens: outcome.usage.promptTokens + outcome.usage.completionTokens,
          costUsd: outcome.usage.costUsd,
          durationMs: Date.now() - job.requestedAt,
        });
        core.metrics.jobFinished('agent', 'done');
        log.info({ outcome: outcome.kind, steps: outcome.steps.length }, 'agent outcome posted');
      },
      async onCancelled(job) {
        core.metrics.jobFinished('agent', 'cancelled');
        await agentJobs.cancelled(job);
      },
      async onFailed(job, errorId) {
        core.metrics.jobFinished('agent', 'failed');
        await agentJobs.failed(job, errorId);
      },
    },
  });

  const approvalWorkers = await startApprovalWorkers({
    connection: bullConnection,
    prefix,
    logger,
    ...lock,
    handlers: {
      execute: (id) => approvals.flow.execute(id),
      expire: (id) => approvals.flow.expire(id),
      async followup(id) {
        const input = await approvals.flow.followupInput(id);
        if (!input) return;
        const { record } = input;
        const outcome = await agent.resume(input.state, input.decision);
        const messageId = await agentJobs.resumed(
          {
            chatId: record.chatId,
            locale: record.locale,
            ref: record.jobRef ?? id.slice(0, 6),
            ...(record.cardMessageId ? { replyTo: record.cardMessageId } : {}),
          },
          outcome,
        );
        // The model may want a different change next; that is a new approval, never this one again, and a rerun
        // of this follow-up job proposes it at most once.
        if (outcome.kind === 'needs_approval') {
          const proposed = await proposeOnce(core.redis, `${config.redis.keyPrefix}followup-proposed:${id}`, () =>
            approvals.flow.propose({
              call: outcome.call,
              risk: outcome.risk,
              requesterId: record.requesterId,
              ...(record.requesterName ? { requesterName: record.requesterName } : {}),
              chatId: record.chatId,
              locale: record.locale,
              ...(record.jobRef ? { jobRef: record.jobRef } : {}),
              agentState: outcome.state,
              ...(messageId !== undefined ? { replyTo: messageId } : {}),
              // The follow-up keeps the person's original request; the model has now read the first change's outcome too.
              ...(record.request
                ? {
                    request: {
                      ...record.request,
                      source: 'agent' as const,
                      readClusterData: record.request.readClusterData || outcome.readClusterData,
                    },
                  }
                : {}),
            }),
          );
          if (proposed && proposed.kind !== 'card')
            await agentJobs.notProposed({ chatId: record.chatId, locale: record.locale }, proposed, outcome.call);
        }
        await approvals.flow.finishFollowup(id);
      },
    },
  });

  const proposeWorker = await startProposeWorker({
    connection: bullConnection,
    prefix,
    logger,
    ...lock,
    handle: createRunProposalHandler({
      flow: approvals.flow,
      notProposed: (chat, result, call) => agentJobs.notProposed(chat, result, call),
      redis: core.redis,
      keyPrefix: config.redis.keyPrefix,
      protectedNamespaces: cluster.protectedNamespaces,
      defaultNamespace: config.cluster.defaultNamespace,
      logger,
    }),
  });

  // A backstop for a deadline job lost with Redis data: expire whatever is overdue.
  const sweep = setInterval(() => {
    approvals.flow.sweepExpired().catch((error: unknown) => logger.warn({ err: error }, 'expiry sweep failed'));
  }, tuning.sweepEveryMs ?? 5000);
  sweep.unref();

  return {
    approvals,
    async stop() {
      clearInterval(sweep);
      await agentWorker.close();
      await approvalWorkers.close();
      await proposeWorker.close();
      await approvals.close();
      await Promise.all([bullConnection.quit().catch(() => undefined), subscriber.quit().catch(() => undefined)]);
    },
  };
}
