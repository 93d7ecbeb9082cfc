import { UnrecoverableError, Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ALERT_GROUP_ID } from '../alerts/group-record.js';
import { AlertGroupBusyError, type PostingOutcome } from '../alerts/posting.js';
import type { AlertPublisher } from '../alerts/ports.js';

/** The queue between the alert receiver (bot role) and the posting of alert messages (worker role). */
export const ALERT_QUEUE = 'alert-post';

const alertJobSchema = z.object({ groupId: z.string().regex(ALERT_GROUP_ID), revision: z.number().int().positive() });

/**
 * The job id is group and revision, so BullMQ keeps one job per revision however often it is asked. Retries are
 * quick at first: the usual reason to retry is another worker posting the same group a few milliseconds earlier.
 */
export function createAlertPublisher(queue: Queue): AlertPublisher {
  return {
    async publish(groupId, revision) {
      const data = alertJobSchema.parse({ groupId, revision });
      await queue.add('post', data, {
        jobId: `${groupId}-r${revision}`,
        attempts: 12,
        backoff: { type: 'exponential', delay: 200 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
  };
}

export interface AlertPostingWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  bringUpToDate(groupId: string): Promise<PostingOutcome>;
  concurrency?: number;
}

export async function startAlertPostingWorker(options: AlertPostingWorkerOptions): Promise<{ close(): Promise<void> }> {
  const { logger } = options;
  const worker = new Worker(
    ALERT_QUEUE,
    async (job: Job) => {
      const parsed = alertJobSchema.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ queue: ALERT_QUEUE, job_id: job.id }, 'alert job data is invalid; dropping it');
        throw new UnrecoverableError('invalid alert job data');
      }
      return { outcome: await options.bringUpToDate(parsed.data.groupId) };
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 8 },
  );
  worker.on('failed', (job, error) => {
    if (error instanceof AlertGroupBusyError) {
      logger.debug({ queue: ALERT_QUEUE, job_id: job?.id }, 'alert group busy; retrying');
      return;
    }
    logger.error({ queue: ALERT_QUEUE, job_id: job?.id, err: error, attempt: job?.attemptsMade }, 'alert posting failed');
  });
  worker.on('error', (error) => logger.error({ queue: ALERT_QUEUE, err: error }, 'alert worker error'));
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
