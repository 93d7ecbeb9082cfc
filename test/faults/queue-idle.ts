import type { Redis } from 'ioredis';
import { bullPrefix, openQueue, queueCounts, QUEUE } from '../../src/jobs/queues.js';
import { sleep } from './answers.js';

/**
 * Resolves once no agent or execute job is waiting, delayed or running (so a retry that would duplicate work has
 * had its chance to show up), or after `timeoutMs`; never throws.
 */
export async function untilQueuesIdle(redis: Redis, keyPrefix: string, timeoutMs: number): Promise<void> {
  const queues = [QUEUE.agent, QUEUE.execute].map((name) => openQueue(name, { connection: redis, prefix: bullPrefix(keyPrefix) }));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const counts = await Promise.all(queues.map((q) => queueCounts(q)));
      if (counts.every((c) => c.waiting + c.active + c.delayed === 0)) return;
      await sleep(200);
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}
