import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { agentJobRef, type AgentJob } from '../../src/jobs/agent-job.js';
import { createAgentDispatcher } from '../../src/jobs/agent-dispatcher.js';
import { startAgentWorker } from '../../src/jobs/agent-worker.js';
import { bullPrefix, openQueue, QUEUE } from '../../src/jobs/queues.js';
import { captureLogger } from '../support/log-capture.js';
import { match } from '../support/matchers.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let keyPrefix: string;
beforeEach(() => {
  redis = testRedis();
  keyPrefix = uniquePrefix('jobs');
});
afterEach(async () => {
  await deleteKeys(redis, keyPrefix);
  await redis.quit();
});

function job(ref: string): AgentJob {
  return {
    ref,
    chatId: 7,
    userId: 7,
    messageId: 1,
    text: 'list pods',
    locale: 'zh-TW',
    task: 'k8s_operation',
    ackMessageId: 2,
    requestedAt: Date.now(),
  };
}

describe('the agent worker', () => {
  it("keeps a failed job's error, retries it, and reports the failure once, with an error id", async () => {
    const { logger } = captureLogger();
    const connection = testRedis();
    const subscriber = testRedis();
    const queue = openQueue(QUEUE.agent, { connection, prefix: bullPrefix(keyPrefix) });
    const failures: { ref: string; errorId: string }[] = [];
    let runs = 0;
    const worker = await startAgentWorker<string>({
      connection,
      prefix: bullPrefix(keyPrefix),
      keyPrefix,
      redis,
      subscriber,
      logger,
      handlers: {
        run: async () => {
          runs += 1;
          throw new Error('the model server vanished');
        },
        onDone: async () => undefined,
        onCancelled: async () => undefined,
        onFailed: async (j, errorId) => void failures.push({ ref: j.ref, errorId }),
      },
    });
    try {
      const dispatcher = createAgentDispatcher({ queue, redis, keyPrefix, logger, attempts: 2 });
      const ref = agentJobRef(7, 1);
      await dispatcher.enqueue(job(ref));
      const deadline = Date.now() + 15_000;
      while (failures.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(runs).toBe(2);
      expect(failures).toEqual([{ ref, errorId: match.stringMatching(new RegExp(`^${ref}-\\d+$`)) }]);
      expect((await queue.getJob(ref))?.failedReason).toBe('the model server vanished');
    } finally {
      await worker.close();
      await queue.close();
      await connection.quit();
      await subscriber.quit();
    }
  });
});
