import { UnrecoverableError, Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ApprovalScheduler } from '../approvals/flow.js';
import { QUEUE } from './queues.js';

const approvalJobSchema = z.object({ approvalId: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/) });

const KEEP = { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } };

export interface ApprovalQueues {
  execute: Queue;
  expiry: Queue;
  followup: Queue;
}

/** Closes all three approval queues. */
export async function closeApprovalQueues(queues: ApprovalQueues): Promise<void> {
  await Promise.all([queues.execute.close(), queues.expiry.close(), queues.followup.close()]);
}

/**
 * BullMQ behind the approval flow. The execute job's id IS the approval id, so BullMQ refuses a second one;
 * the expiry job is a delayed job, so it survives restarts and fires at the deadline.
 */
export function createApprovalScheduler(queues: ApprovalQueues, now: () => number = Date.now): ApprovalScheduler {
  return {
    async execute(approvalId) {
      await queues.execute.add(
        'execute',
        { approvalId },
        { jobId: approvalId, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, ...KEEP },
      );
    },
    async expiry(approvalId, dueAt) {
      await queues.expiry.add(
        'expire',
        { approvalId },
        { jobId: `exp-${approvalId}`, delay: Math.max(0, dueAt - now()), attempts: 5, backoff: { type: 'fixed', delay: 500 }, ...KEEP },
      );
    },
    async followup(approvalId) {
      await queues.followup.add(
        'followup',
        { approvalId },
        { jobId: `fu-${approvalId}`, attempts: 2, backoff: { type: 'fixed', delay: 2000 }, ...KEEP },
      );
    },
  };
}

export interface ApprovalWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  /** Plain callbacks: they are passed on detached from this object, so they must not rely on `this`. */
  handlers: {
    execute: (approvalId: string) => Promise<unknown>;
    expire: (approvalId: string) => Promise<unknown>;
    followup: (approvalId: string) => Promise<unknown>;
  };
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** One worker per approval queue. A stalled execute job comes back once, and the flow then fails it as "outcome unknown". */
export async function startApprovalWorkers(options: ApprovalWorkerOptions): Promise<{ close(): Promise<void> }> {
  const make = (name: string, handle: (id: string) => Promise<unknown>, concurrency: number) => {
    const worker = new Worker(
      name,
      async (job: Job) => {
        const parsed = approvalJobSchema.safeParse(job.data);
        if (!parsed.success) {
          options.logger.error({ queue: name, job_id: job.id, issues: parsed.error.issues }, 'approval job data is invalid; dropping it');
          // Failed for good (no retry), and kept among the failed jobs where an operator can see it.
          throw new UnrecoverableError('invalid approval job data');
        }
        await handle(parsed.data.approvalId);
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: 1,
      },
    );
    worker.on('failed', (job, error) =>
      options.logger.error({ queue: name, job_id: job?.id, err: error, attempt: job?.attemptsMade }, 'approval job failed'),
    );
    worker.on('error', (error) => options.logger.error({ queue: name, err: error }, 'approval worker error'));
    return worker;
  };
  const workers = [
    make(QUEUE.execute, options.handlers.execute, 4),
    make(QUEUE.expiry, options.handlers.expire, 8),
    make(QUEUE.followup, options.handlers.followup, 4),
  ];
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
