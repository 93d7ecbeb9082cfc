import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startApprovalWorkers } from '../../src/jobs/approval-jobs.js';
import { bullPrefix, openQueue, QUEUE } from '../../src/jobs/queues.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let keyPrefix: string;
beforeEach(() => {
  redis = testRedis();
  keyPrefix = uniquePrefix('approval-jobs');
});
afterEach(async () => {
  await deleteKeys(redis, keyPrefix);
  await redis.quit();
});

const VALID_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('the approval workers', () => {
  it('fail a job with invalid data for good (UnrecoverableError, no retry), log it, and never call the handler with it', async () => {
    const { logger, records } = captureLogger();
    const connection = testRedis();
    const prefix = bullPrefix(keyPrefix);
    const queue = openQueue(QUEUE.execute, { connection, prefix });
    const executed: string[] = [];
    const workers = await startApprovalWorkers({
      connection,
      prefix,
      logger,
      handlers: {
        execute: async (id) => void executed.push(id),
        expire: async () => undefined,
        followup: async () => undefined,
      },
    });
    try {
      // Retries allowed, as the scheduler adds execute jobs: invalid data must not use them.
      await queue.add(
        'execute',
        { approvalId: '../../etc/passwd' },
        { jobId: 'bad-1', attempts: 3, backoff: { type: 'fixed', delay: 50 } },
      );
      await queue.add('execute', { approvalId: VALID_ID }, { jobId: VALID_ID, attempts: 3 });
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && ((await queue.getJobState('bad-1')) !== 'failed' || executed.length === 0)) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const bad = await queue.getJob('bad-1');
      expect(await queue.getJobState('bad-1')).toBe('failed');
      expect(bad?.attemptsMade).toBe(1);
      expect(bad?.failedReason).toBe('invalid approval job data');
      expect(executed).toEqual([VALID_ID]);
      expect(records()).toContainEqual(
        expect.objectContaining({ level: 50, queue: QUEUE.execute, job_id: 'bad-1', msg: 'approval job data is invalid; dropping it' }),
      );
    } finally {
      await workers.close();
      await queue.close();
      await connection.quit();
    }
  });
});
