import { Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ALERT_GROUP_ID } from '../alerts/group-record.js';
import type { PostingResult } from '../alerts/posting.js';
import type { AlertPublisher } from '../alerts/ports.js';

/** The queue between the alert receiver (bot role) and the posting of alert messages (worker role). */
export const ALERT_QUEUE = 'alert-post';

const alertJobSchema = z.object({ groupId: z.string().regex(ALERT_GROUP_ID), revision: z.number().int().nonnegative() });

const KEEP = { removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } };
/** Telegram or Redis trouble: a few retries, spread over about a minute. */
const RETRY = { attempts: 6, backoff: { type: 'exponential', delay: 1000 } };

/** The job id is group and revision, so BullMQ keeps one job per revision however often it is asked. */
export function createAlertPublisher(queue: Queue): AlertPublisher {
  return {
    async publish(groupId, revision) {
      const data = alertJobSchema.parse({ groupId, revision });
      await queue.add('post', data, { jobId: `${groupId}-r${revision}`, ...RETRY, ...KEEP });
    },
    async refreshAt(groupId, at) {
      const data = alertJobSchema.parse({ groupId, revision: 0 });
      await queue.add('refresh', data, { jobId: `${groupId}-at-${at}`, delay: Math.max(0, at - Date.now()), ...RETRY, ...KEEP });
    },
  };
}

export interface AlertPostingWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  bringUpToDate(groupId: string): Promise<PostingResult>;
  /** For a 'refresh' job: show the group again though nothing changed (src/alerts/posting.ts). */
  refresh(groupId: string): Promise<PostingResult>;
  concurrency?: number;
}

export async function startAlertPostingWorker(options: AlertPostingWorkerOptions): Promise<{ close(): Promise<void> }> {
  const { logger } = options;
  const queue = new Queue(ALERT_QUEUE, { connection: options.connection, prefix: options.prefix });
  const worker = new Worker(
    ALERT_QUEUE,
    async (job: Job) => {
      const parsed = alertJobSchema.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ queue: ALERT_QUEUE, job_id: job.id }, 'alert job data is invalid; dropping it');
        throw new UnrecoverableError('invalid alert job data');
      }
      const result = job.name === 'refresh' ? await options.refresh(parsed.data.groupId) : await options.bringUpToDate(parsed.data.groupId);
      if (result.outcome === 'busy') {
        // The holder re-checks when it lets go; this delayed check matters only if it died holding the lock.
        await queue.add(
          'post',
          { groupId: parsed.data.groupId, revision: 0 },
          { jobId: `${parsed.data.groupId}-after-${result.holder}`, delay: result.retryInMs, ...RETRY, ...KEEP },
        );
      }
      return { outcome: result.outcome };
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 8 },
  );
  worker.on('failed', (job, error) => {
    logger.error({ queue: ALERT_QUEUE, job_id: job?.id, err: error, attempt: job?.attemptsMade }, 'alert posting failed');
  });
  worker.on('error', (error) => logger.error({ queue: ALERT_QUEUE, err: error }, 'alert worker error'));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
