import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatOutput } from './bot/chat-output.js';
import type { Polling } from './bot/polling.js';
import { createWorkerPresenters } from './bot/presenters/worker-presenters.js';
import { startAlertPosting, type AlertIntakeRuntime } from './runtime/alerts.js';
import type { ClusterExecutor } from './cluster/executor.js';
import type { Config } from './config.js';
import { startBotRole, type BotRole } from './runtime/bot-role.js';
import { createClusterRuntime } from './runtime/cluster.js';
import { createCore } from './runtime/core.js';
import { startMetricsServer } from './metrics/http-server.js';
import type { ApprovalRuntime } from './runtime/approvals.js';
import { startWorkerRole, type WorkerRole, type WorkerTuning } from './runtime/worker-role.js';

export type Role = 'all' | 'bot' | 'worker';

export interface App {
  redis: Redis;
  polling?: Polling;
  executor: ClusterExecutor;
  /** Where /healthz, /readyz and /metrics answer. */
  metricsPort: number;
  /** The approval store, audit trail and flow of this process (tests and benchmarks drive them directly). */
  approvals: ApprovalRuntime;
  /** The Alertmanager webhook receiver (bot role, ALERT_WEBHOOK_TOKEN set). */
  alerts?: AlertIntakeRuntime;
  stop(graceMs?: number): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  role: Role;
  redisTimeoutMs?: number;
  /** Tests and the demo may hand in a cluster backend (e.g. one simulated cluster shared by several processes' roles). */
  executor?: ClusterExecutor;
  /** `output`: tests and benchmarks may capture what the worker posts instead of going through Telegram. */
  worker?: WorkerTuning & { output?: ChatOutput };
}

/**
 * Two roles started by hand on one machine would both want the default port. That is worth a loud log line, not
 * a process that refuses to start: probes that need the endpoints will say so themselves.
 */
async function startMetricsServerOrWarn(logger: Logger, options: Omit<Parameters<typeof startMetricsServer>[0], 'logger'>) {
  try {
    return await startMetricsServer({ ...options, logger });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    logger.error(
      { port: options.port },
      'METRICS_PORT is in use: /healthz, /readyz and /metrics are off in this process; give each process its own METRICS_PORT',
    );
    return { port: -1, close: async () => undefined };
  }
}

/** Wires the parts for one process: the bot, the worker, or both (the default on one machine). */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger, role } = options;
  const core = await createCore(config, logger, `chatops-${role}`, options.redisTimeoutMs);
  const cluster = await createClusterRuntime(config, logger, options.executor);
  let worker: WorkerRole | undefined;
  let bot: BotRole | undefined;
  let alertPosting: Awaited<ReturnType<typeof startAlertPosting>>;
  try {
    if (role === 'all' || role === 'worker') {
      const { output, ...tuning } = options.worker ?? {};
      const presenters = createWorkerPresenters({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        t: core.t,
        logger,
        defaultNamespace: config.cluster.defaultNamespace,
        timeZone: config.timeZone,
        ...(output ? { output } : {}),
      });
      worker = await startWorkerRole(core, cluster, presenters, tuning);
      // Alert messages are posted by the worker role, rendered by the bot's presenter, sent the way the worker sends.
      if (config.alerts.webhook) alertPosting = await startAlertPosting(core, presenters.alerts);
    }
    if (role === 'all' || role === 'bot') bot = await startBotRole(core, cluster);
  } catch (error) {
    await alertPosting?.close();
    await worker?.stop();
    await core.close();
    throw error;
  }
  // The worker's when it runs here: only its flow previews changes (the bot's executor only reads the cluster).
  const approvals = worker?.approvals ?? bot?.approvals;
  if (!approvals) throw new Error(`role ${role} started neither the bot nor the worker`);
  core.scrape.approvals ??= async () => ({ ...(await approvals.store.countsToday()) });
  const health = await startMetricsServerOrWarn(logger, {
    port: config.metricsPort,
    registry: core.registry,
    readiness: async () => {
      const checks: Record<string, string> = {};
      try {
        await core.redis.ping();
        checks.redis = 'ok';
      } catch (error) {
        checks.redis = error instanceof Error ? error.message : String(error);
      }
      if (bot) checks.telegram = bot.polling.state();
      const ready = checks.redis === 'ok' && (!bot || checks.telegram === 'polling' || checks.telegram === 'standby');
      return { ready, checks };
    },
  });
  return {
    redis: core.redis,
    executor: cluster.executor,
    metricsPort: health.port,
    ...(bot ? { polling: bot.polling } : {}),
    approvals,
    ...(bot?.alerts ? { alerts: bot.alerts } : {}),
    async stop(graceMs = 10_000) {
      await bot?.stop(graceMs);
      await alertPosting?.close();
      await worker?.stop();
      await health.close();
      await core.close();
      logger.info({ role }, 'stopped');
    },
  };
}
