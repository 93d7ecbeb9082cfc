import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderStatus } from '../llm/chain.js';
import type { QueueCounts } from '../status/snapshot.js';

/** What the parts report as it happens; everything else is read at scrape time. */
export interface Metrics {
  update(kind: string): void;
  handled(handler: string, seconds: number, ok: boolean): void;
  providerAttempt(provider: string, outcome: string): void;
  jobFinished(queue: string, outcome: 'done' | 'failed' | 'cancelled'): void;
  /** An audit entry could not be written (refused by the schema or by Redis). */
  auditAppendFailed(kind: string): void;
}

export const NO_METRICS: Metrics = {
  update: () => undefined,
  handled: () => undefined,
  providerAttempt: () => undefined,
  jobFinished: () => undefined,
  auditAppendFailed: () => undefined,
};

export interface ScrapeSources {
  queues?: () => Promise<Record<string, QueueCounts>>;
  providers?: () => Promise<ProviderStatus[]>;
  approvals?: () => Promise<{ [outcome: string]: number }>;
}

const BREAKER_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

/** One prom-client registry per process (no global default registry), with the bot's metrics. */
export function createMetrics(sources: ScrapeSources = {}): { registry: Registry; metrics: Metrics } {
  const registry = new Registry();
  const registers = [registry];
  const updates = new Counter({
    name: 'chatops_updates_total',
    help: 'Telegram updates received, by kind',
    labelNames: ['kind'],
    registers,
  });
  const latency = new Histogram({
    name: 'chatops_handler_seconds',
    help: 'Time to handle one update, by handler',
    labelNames: ['handler', 'ok'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const providerCalls = new Counter({
    name: 'chatops_provider_calls_total',
    help: 'Model provider HTTP attempts, by outcome',
    labelNames: ['provider', 'outcome'],
    registers,
  });
  const jobsFinished = new Counter({
    name: 'chatops_jobs_finished_total',
    help: 'Background jobs finished, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers,
  });
  const auditAppendFailures = new Counter({
    name: 'chatops_audit_append_failures_total',
    help: 'Audit entries that could not be written (schema or Redis refused them), by entry kind',
    labelNames: ['kind'],
    registers,
  });

  new Gauge({
    name: 'chatops_jobs',
    help: 'Jobs in each queue, by state',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      if (!sources.queues) return;
      const all = await sources.queues().catch(() => ({}));
      for (const [queue, counts] of Object.entries(all)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed'] as const) this.set({ queue, state }, counts[state]);
      }
    },
  });
  const providerSnapshot = () => sources.providers?.().catch(() => []) ?? Promise.resolve([]);
  new Gauge({
    name: 'chatops_provider_breaker_state',
    help: 'Circuit breaker per provider: 0 closed, 1 half open, 2 open',
    labelNames: ['provider'],
    registers,
    async collect() {
      for (const p of await providerSnapshot()) if (p.configured) this.set({ provider: p.name }, BREAKER_VALUE[p.breaker]);
    },
  });
  new Gauge({
    name: 'chatops_tokens_today',
    help: 'Tokens used today (UTC), by provider and kind',
    labelNames: ['provider', 'kind'],
    registers,
    async collect() {
      for (const p of await providerSnapshot()) {
        this.set({ provider: p.name, kind: 'prompt' }, p.tokensToday.prompt);
        this.set({ provider: p.name, kind: 'completion' }, p.tokensToday.completion);
      }
    },
  });
  new Gauge({
    name: 'chatops_cost_usd_today',
    help: 'Model spend today (UTC) in US dollars, by provider',
    labelNames: ['provider'],
    registers,
    async collect() {
      for (const p of await providerSnapshot()) this.set({ provider: p.name }, p.costTodayUsd);
    },
  });
  new Gauge({
    name: 'chatops_approvals_today',
    help: 'Approvals today (UTC) by outcome; pending is the current count',
    labelNames: ['outcome'],
    registers,
    async collect() {
      if (!sources.approvals) return;
      const counts = await sources.approvals().catch(() => undefined);
      if (!counts) return;
      for (const [outcome, n] of Object.entries(counts)) this.set({ outcome }, n);
    },
  });

  return {
    registry,
    metrics: {
      update: (kind) => updates.inc({ kind }),
      handled: (handler, seconds, ok) => latency.observe({ handler, ok: String(ok) }, seconds),
      providerAttempt: (provider, outcome) => providerCalls.inc({ provider, outcome }),
      jobFinished: (queue, outcome) => jobsFinished.inc({ queue, outcome }),
      auditAppendFailed: (kind) => auditAppendFailures.inc({ kind }),
    },
  };
}
