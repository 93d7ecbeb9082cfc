import { UnrecoverableError, Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { proposeJobSchema, type ProposalQueue, type ProposeJob } from './propose-job.js';
import { QUEUE } from './queues.js';

/** Kept this long once done, so a late redelivery of the same update finds it and proposes nothing. */
const KEEP_DONE_SECONDS = 24 * 3600;

/** The bot's side: the job id is derived from chat + message, so BullMQ refuses a second job for one message. */
export function createProposalQueue(queue: Queue): ProposalQueue {
  return {
    async enqueue(job) {
      const data = proposeJobSchema.parse(job);
      if (await queue.getJob(data.id)) return false;
      await queue.add('propose', data, {
        jobId: data.id,
        attempts: 2,
        backoff: { type: 'fixed', delay: 1000 },
        removeOnComplete: { age: KEEP_DONE_SECONDS },
        removeOnFail: { age: 7 * KEEP_DONE_SECONDS },
      });
      return true;
    },
  };
}

export interface ProposeWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  handle: (job: ProposeJob) => Promise<void>;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** The workers' side: previews each queued change and posts its card (through `handle`). */
export async function startProposeWorker(options: ProposeWorkerOptions): Promise<{ close(): Promise<void> }> {
  const worker = new Worker(
    QUEUE.propose,
    async (job: Job) => {
      const parsed = proposeJobSchema.safeParse(job.data);
      if (!parsed.success) {
        // The issues may quote a manifest: only where they are, never what.
        options.logger.error(
          { queue: QUEUE.propose, job_id: job.id, paths: parsed.error.issues.map((i) => i.path.join('.')) },
          'propose job data is invalid; dropping it',
        );
        throw new UnrecoverableError('invalid propose job data');
      }
      await options.handle(parsed.data);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: 4,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 1,
    },
  );
  worker.on('failed', (job, error) =>
    options.logger.error({ queue: QUEUE.propose, job_id: job?.id, err: error, attempt: job?.attemptsMade }, 'propose job failed'),
  );
  worker.on('error', (error) => options.logger.error({ queue: QUEUE.propose, err: error }, 'propose worker error'));
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
