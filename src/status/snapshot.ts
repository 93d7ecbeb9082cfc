import type { Redis } from 'ioredis';

export type PollingState = 'starting' | 'polling' | 'standby' | 'stopped';

export interface RedisHealth {
  ok: boolean;
  rttMs?: number;
  error?: string;
}

/** One picture of the whole system behind /status and status_query answers. */
export interface StatusSnapshot {
  version: string;
  uptimeMs: number;
  redis: RedisHealth;
  polling: PollingState;
}

export interface StatusDeps {
  redis: Redis;
  version: string;
  startedAt: number;
  polling: () => PollingState;
  now?: () => number;
  /** How long a Redis ping may take before we call it unreachable. */
  pingTimeoutMs?: number;
}

export interface StatusReporter {
  snapshot(): Promise<StatusSnapshot>;
}

async function pingRedis(redis: Redis, timeoutMs: number): Promise<RedisHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, rttMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function createStatusReporter(deps: StatusDeps): StatusReporter {
  const now = deps.now ?? Date.now;
  return {
    async snapshot() {
      return {
        version: deps.version,
        uptimeMs: now() - deps.startedAt,
        redis: await pingRedis(deps.redis, deps.pingTimeoutMs ?? 1000),
        polling: deps.polling(),
      };
    },
  };
}
