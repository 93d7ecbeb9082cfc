import type { Redis } from 'ioredis';
import type { ProviderStatus } from '../llm/chain.js';

export type PollingState = 'starting' | 'polling' | 'standby' | 'stopped';

export interface RedisHealth {
  ok: boolean;
  rttMs?: number;
  error?: string;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  workers: number;
}

export interface ClusterHealth {
  backend: 'simulated' | 'kubernetes';
  description: string;
  ok: boolean;
  latencyMs?: number;
  detail?: string;
}

export interface ApprovalCounts {
  pending: number;
  approved: number;
  expired: number;
}

/** One picture of the whole system behind /status and status_query answers. A part that fails to answer is null. */
export interface StatusSnapshot {
  version: string;
  uptimeMs: number;
  redis: RedisHealth;
  polling: PollingState;
  queue: QueueCounts | null;
  providers: ProviderStatus[] | null;
  cluster: ClusterHealth | null;
  approvals: ApprovalCounts | null;
}

/** Later parts plug in here; each may be missing (a bot without a worker still answers /status). */
export interface StatusSources {
  queue?: () => Promise<QueueCounts>;
  providers?: () => Promise<ProviderStatus[]>;
  cluster?: () => Promise<ClusterHealth>;
  approvals?: () => Promise<ApprovalCounts>;
}

export interface StatusDeps extends StatusSources {
  redis: Redis;
  version: string;
  startedAt: number;
  polling: () => PollingState;
  now?: () => number;
  /** How long any one part may take before we report it as unreachable. */
  timeoutMs?: number;
}

export interface StatusReporter {
  snapshot(): Promise<StatusSnapshot>;
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function pingRedis(redis: Redis, timeoutMs: number): Promise<RedisHealth> {
  const started = performance.now();
  try {
    await withTimeout(redis.ping(), timeoutMs);
    return { ok: true, rttMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function createStatusReporter(deps: StatusDeps): StatusReporter {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? 1500;
  const optional = async <T>(source: (() => Promise<T>) | undefined): Promise<T | null> =>
    source ? withTimeout(source(), timeoutMs).catch(() => null) : null;
  return {
    async snapshot() {
      const [redis, queue, providers, cluster, approvals] = await Promise.all([
        pingRedis(deps.redis, timeoutMs),
        optional(deps.queue),
        optional(deps.providers),
        optional(deps.cluster),
        optional(deps.approvals),
      ]);
      return {
        version: deps.version,
        uptimeMs: now() - deps.startedAt,
        redis,
        polling: deps.polling(),
        queue,
        providers,
        cluster,
        approvals,
      };
    },
  };
}
