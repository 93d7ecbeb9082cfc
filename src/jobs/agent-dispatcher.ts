import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { agentJobSchema, type AgentDispatcher, type AgentJob, type CancelledJob } from './agent-job.js';

/** How long a finished job is kept, so a late redelivery of the same update is still recognised. */
const KEEP_DONE_SECONDS = 24 * 3600;

/** BullMQ's states of a job that has not ended yet. */
const RUNNING_STATES: ReadonlySet<string> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export function cancelChannel(keyPrefix: string): string {
  return `${keyPrefix}agent-cancel`;
}

export function chatJobsKey(keyPrefix: string, chatId: number): string {
  return `${keyPrefix}chat-jobs:${chatId}`;
}

/**
 * The bot's side of the agent queue. A job's BullMQ id is its ref, so BullMQ itself refuses a second job for
 * the same Telegram message. Cancel reaches running jobs in any worker process through Redis pub/sub.
 */
export function createAgentDispatcher(deps: {
  queue: Queue;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  attempts?: number;
}): AgentDispatcher {
  const { queue, redis, keyPrefix } = deps;
  return {
    // A job is a hash at this key while BullMQ keeps it (removeOnComplete/removeOnFail below).
    knownKey: (ref) => queue.toKey(ref),
    async isKnown(ref) {
      return (await redis.exists(queue.toKey(ref))) > 0;
    },
    async enqueue(job: AgentJob) {
      const data = agentJobSchema.parse(job);
      await queue.add('agent', data, {
        jobId: data.ref,
        attempts: deps.attempts ?? 2,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: KEEP_DONE_SECONDS },
        removeOnFail: { age: 7 * KEEP_DONE_SECONDS },
      });
      const key = chatJobsKey(keyPrefix, data.chatId);
      await redis.multi().sadd(key, data.ref).expire(key, KEEP_DONE_SECONDS).exec();
    },
    async isRunning(ref) {
      const job = await queue.getJob(ref);
      if (!job) return false;
      return RUNNING_STATES.has(await job.getState());
    },
    async cancelChat(chatId) {
      const key = chatJobsKey(keyPrefix, chatId);
      const refs = await redis.smembers(key);
      const cancelled: CancelledJob[] = [];
      for (const ref of refs) {
        const job = await queue.getJob(ref);
        const state = job ? await job.getState() : 'unknown';
        const parsed = agentJobSchema.safeParse(job?.data);
        if (job && parsed.success && (state === 'waiting' || state === 'delayed' || state === 'prioritized')) {
          await job.remove();
          cancelled.push({ ref, ackMessageId: parsed.data.ackMessageId, wasRunning: false });
        } else if (parsed.success && state === 'active') {
          await redis.publish(cancelChannel(keyPrefix), ref);
          cancelled.push({ ref, ackMessageId: parsed.data.ackMessageId, wasRunning: true });
        }
        if (state !== 'active') await redis.srem(key, ref);
      }
      deps.logger.info({ chat_id: chatId, cancelled: cancelled.map((c) => c.ref) }, 'cancel requested');
      return cancelled;
    },
  };
}
