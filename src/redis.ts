import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis connection that keeps retrying forever (a restarted Redis must not take the bot down) and logs
 * its state changes once each, without the URL (it may hold a password).
 */
export function createRedis(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    // BullMQ requires this for blocking connections; for ours it means commands wait for a reconnect.
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn({ redis: name, err: error.message }, 'redis connection error');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ redis: name }, 'redis connection restored');
    down = false;
  });
  return redis;
}

/** Resolves when Redis answers PING, or rejects after `timeoutMs` with a one-line reason. */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
