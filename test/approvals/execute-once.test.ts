import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createApprovalFlow, OUTCOME_UNKNOWN, type ApprovalFlow, type ApprovalScheduler } from '../../src/approvals/flow.js';
import { createChatModeStore } from '../../src/approvals/chat-mode.js';
import type { ToolCall } from '../../src/tools/registry.js';
import { createApprovalStore } from '../../src/approvals/store.js';
import { createAuditTrail } from '../../src/audit/trail.js';
import type { ApprovalPresenter } from '../../src/approvals/presenter.js';
import { NO_METRICS } from '../../src/metrics/registry.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import type { ClusterExecutor } from '../../src/cluster/executor.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let keyPrefix: string;
beforeEach(() => {
  redis = testRedis();
  keyPrefix = uniquePrefix('exec');
});
afterEach(async () => {
  await deleteKeys(redis, keyPrefix);
  await redis.quit();
});

/** A fake presenter: shows nothing anywhere, hands out card message ids. */
function silentPresenter(): ApprovalPresenter {
  let id = 100;
  return {
    proposed: async () => [++id],
    changed: async () => undefined,
    untracked: async () => undefined,
  };
}

async function proposeCard(flow: ApprovalFlow, call: ToolCall) {
  const result = await flow.propose({ call, risk: 'write', requesterId: 1, chatId: 1, locale: 'en' });
  if (result.kind !== 'card') throw new Error(`expected a card, got ${result.kind}`);
  return result.record;
}

function flowWith(executor: ClusterExecutor) {
  const scheduled: string[] = [];
  const schedule: ApprovalScheduler = {
    execute: async (id) => void scheduled.push(`execute:${id}`),
    expiry: async (id) => void scheduled.push(`expiry:${id}`),
    followup: async (id) => void scheduled.push(`followup:${id}`),
  };
  const store = createApprovalStore({ redis, keyPrefix });
  const { logger } = captureLogger();
  const flow = createApprovalFlow({
    store,
    audit: createAuditTrail({ redis, keyPrefix, logger, metrics: NO_METRICS }),
    executor,
    presenter: silentPresenter(),
    logger,
    redis,
    keyPrefix,
    schedule,
    settings: { timeoutSeconds: 60, approverIds: [2], allowSelfApproval: false },
    modes: createChatModeStore(redis, keyPrefix),
  });
  return { flow, store, scheduled };
}

describe('execution happens at most once', () => {
  it('a worker that died mid-call leaves the record executing; the redelivered job fails it as outcome unknown and never calls again', async () => {
    const cluster = createSimulatedCluster();
    let calls = 0;
    // The first executor call never returns: the worker "dies" inside the call.
    const hanging: ClusterExecutor = Object.assign(Object.create(cluster) as ClusterExecutor, {
      restart_deployment: () => {
        calls += 1;
        return new Promise<never>(() => undefined);
      },
    });
    const { flow, store } = flowWith(hanging);
    const record = await proposeCard(flow, { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } });
    expect((await flow.decide({ approvalId: record.id, userId: 2, decision: 'approve' })).kind).toBe('approved');
    void flow.execute(record.id); // abandoned, like a SIGKILLed worker
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.get(record.id))?.state).toBe('executing');

    const retried = await flow.execute(record.id); // BullMQ hands the stalled job to another worker
    expect(retried?.state).toBe('failed');
    expect(retried?.error).toBe(OUTCOME_UNKNOWN);
    expect(calls).toBe(1);
    expect(cluster.mutationCount()).toBe(0);
    await flow.execute(record.id);
    expect(calls).toBe(1);
  });

  it('an approved call runs once even when its execute job is delivered twice at the same moment', async () => {
    const cluster = createSimulatedCluster();
    const { flow, store } = flowWith(cluster);
    for (let i = 0; i < 20; i++) {
      const record = await proposeCard(flow, {
        name: 'scale_deployment',
        arguments: { name: 'web', namespace: 'prod', replicas: 3 + (i % 2) },
      });
      await flow.decide({ approvalId: record.id, userId: 2, decision: 'approve' });
      await Promise.all([flow.execute(record.id), flow.execute(record.id), flow.execute(record.id)]);
      expect((await store.get(record.id))?.state).toBe('succeeded');
    }
    expect(cluster.mutationCount()).toBe(20);
  });
});
