import { Queue, type ConnectionOptions } from 'bullmq';

/** Queue names are part of the deployment: workers of any version must agree on them. */
export const QUEUE = {
  agent: 'agent',
  execute: 'execute',
  expiry: 'approval-expiry',
  followup: 'approval-followup',
  /** /run changes on their way to a worker, which previews them and posts the card. */
  propose: 'propose',
} as const;

export interface QueueSettings {
  connection: ConnectionOptions;
  /** BullMQ's key prefix, under the bot's own Redis prefix so several bots can share one Redis. */
  prefix: string;
}

export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix}bull`;
}

export function openQueue(name: string, settings: QueueSettings): Queue {
  return new Queue(name, { connection: settings.connection, prefix: settings.prefix });
}

/** Counts for /status. Workers are counted by their Redis connections (BullMQ names them). */
export async function queueCounts(
  queue: Queue,
): Promise<{ waiting: number; active: number; delayed: number; failed: number; completed: number; workers: number }> {
  const [counts, workers] = await Promise.all([
    queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'),
    queue.getWorkersCount(),
  ]);
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
    workers,
  };
}
