import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const BENCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own per run (it also fits REDIS_KEY_PREFIX's 40-character limit). */
export function benchPrefix(label: string): string {
  return `bench:${label}:${randomBytes(5).toString('hex')}:`;
}

export function benchRedis(): Redis {
  return new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Deletes every key under the prefix (SCAN, so a shared Redis is not blocked). Returns how many went. */
export async function deleteBenchKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
