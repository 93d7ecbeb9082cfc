import type { Redis } from 'ioredis';

export interface TracedCommand {
  /** Wall-clock ms, from Redis's own timestamp. */
  at: number;
  name: string;
  key: string;
  /** Run by a Lua script (or a BullMQ script) inside Redis: no round trip of its own. */
  lua: boolean;
}

export interface RedisTrace {
  /** Commands touching the prefix since the last take(), and starts over. */
  take(): TracedCommand[];
  stop(): void;
}

/**
 * Records the commands touching one key prefix with Redis MONITOR: which round trips a message costs. MONITOR slows
 * Redis down, so this runs only after the timed phases.
 */
export async function startRedisTrace(redis: Redis, prefix: string): Promise<RedisTrace> {
  const monitor = await redis.monitor();
  let seen: TracedCommand[] = [];
  monitor.on('monitor', (time: string, args: string[], source: string) => {
    const key = args.find((a) => a.startsWith(prefix));
    if (key === undefined) return;
    seen.push({ at: Number(time) * 1000, name: (args[0] ?? '?').toLowerCase(), key: key.slice(prefix.length), lua: source === 'lua' });
  });
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    stop: () => monitor.disconnect(),
  };
}
