import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { agentJobSchema, type AgentJob } from './agent-job.js';
import { cancelChannel, chatJobsKey } from './agent-dispatcher.js';
import { QUEUE } from './queues.js';

/** What the worker needs from the rest of the system: run the request, and tell the chat how it went. */
export interface AgentJobHandlers<R> {
  run(job: AgentJob, signal: AbortSignal, log: Logger): Promise<R>;
  onDone(job: AgentJob, result: R, log: Logger): Promise<void>;
  onCancelled(job: AgentJob, log: Logger): Promise<void>;
  /** Called once, when the job has failed for the last time. `errorId` is also in the log line. */
  onFailed(job: AgentJob, errorId: string, log: Logger): Promise<void>;
}

export interface AgentWorkerOptions<R> {
  connection: ConnectionOptions;
  prefix: string;
  keyPrefix: string;
  redis: Redis;
  /** A separate connection for the cancel subscription (a subscribed connection can do nothing else). */
  subscriber: Redis;
  logger: Logger;
  handlers: AgentJobHandlers<R>;
  concurrency?: number;
  /** Lower lock durations let tests see a killed worker's job come back quickly. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export class JobCancelledError extends Error {
  constructor(ref: string) {
    super(`job ${ref} was cancelled`);
    this.name = 'JobCancelledError';
  }
}

export interface AgentWorker {
  close(): Promise<void>;
}

function errorIdFor(job: Job): string {
  return `${job.id}-${job.attemptsMade}`;
}

export async function startAgentWorker<R>(options: AgentWorkerOptions<R>): Promise<AgentWorker> {
  const { logger, handlers, redis, keyPrefix } = options;
  const worker = new Worker(
    QUEUE.agent,
    async (job: Job, _token?: string, signal?: AbortSignal) => {
      const parsed = agentJobSchema.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ job_id: job.id, issues: parsed.error.issues }, 'agent job data is invalid; dropping it');
        throw new UnrecoverableError('invalid job data');
      }
      const data = parsed.data;
      const log = logger.child({
        job_id: data.ref,
        chat_id: data.chatId,
        user_id: data.userId,
        task: data.task,
        attempt: job.attemptsMade + 1,
      });
      const controller = new AbortController();
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        log.info('agent job started');
        const result = await handlers.run(data, controller.signal, log);
        if (controller.signal.aborted) throw new JobCancelledError(data.ref);
        // A job that lost its lock (a Redis outage) can run again after it delivered: onDone must be safe to
        // repeat (editing the ack twice is; proposing a change twice is not, and the worker role guards that).
        await handlers.onDone(data, result, log);
        log.info('agent job done');
        return { ok: true };
      } catch (error) {
        if (controller.signal.aborted) {
          await handlers.onCancelled(data, log);
          log.info('agent job cancelled');
          return { cancelled: true };
        }
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await redis.srem(chatJobsKey(keyPrefix, data.chatId), data.ref).catch(() => undefined);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 1,
    },
  );

  worker.on('failed', (job, error) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError;
    const errorId = errorIdFor(job);
    logger.error({ job_id: job.id, err: error, error_id: errorId, attempt: job.attemptsMade, final }, 'agent job failed');
    if (!final) return;
    const parsed = agentJobSchema.safeParse(job.data);
    if (parsed.success) {
      void handlers
        .onFailed(parsed.data, errorId, logger)
        .catch((e: unknown) => logger.error({ err: e, job_id: job.id }, 'could not report the failure'));
    }
  });
  worker.on('error', (error) => logger.error({ err: error }, 'agent worker error'));

  await options.subscriber.subscribe(cancelChannel(keyPrefix));
  const onMessage = (_channel: string, ref: string) => {
    if (worker.cancelJob(ref, 'cancelled by the user')) logger.info({ job_id: ref }, 'cancelling running job');
  };
  options.subscriber.on('message', onMessage);

  await worker.waitUntilReady();
  logger.info({ concurrency: options.concurrency ?? 4 }, 'agent worker ready');
  return {
    async close() {
      options.subscriber.off('message', onMessage);
      await options.subscriber.unsubscribe().catch(() => undefined);
      await worker.close();
    },
  };
}
