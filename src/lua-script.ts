import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface LuaScript {
  run(redis: Pick<Redis, 'evalsha' | 'eval'>, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}

/** A script sent by hash (EVALSHA), and by body only the first time a Redis has not seen it. */
export function luaScript(body: string): LuaScript {
  const sha = createHash('sha1').update(body).digest('hex');
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (error instanceof Error && error.message.includes('NOSCRIPT')) {
          return redis.eval(body, keys.length, ...keys, ...args);
        }
        throw error;
      }
    },
  };
}
