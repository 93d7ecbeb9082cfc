import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../../src/tools/run-tool.js';
import { openAiError } from '../support/fake-openai-server.js';
import { nemotronToolCall, OFFLINE_MARKER_EN, OFFLINE_MARKER_ZH_TW, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('agent with the offline provider only (no model configured)', () => {
  it('"list pods in prod" answers with the simulated cluster\'s prod pods, marked as offline', async () => {
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['offline'] });
    expect(outcome).toMatchObject({
      kind: 'answer',
      producedBy: 'offline',
      model: null,
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
    });
    if (outcome.kind !== 'answer') return;
    for (const pod of await h.executor.list_pods({ namespace: 'prod' })) expect(outcome.text).toContain(pod.name);
    expect(outcome.text).toContain('CrashLoopBackOff');
    expect(outcome.text).toContain(OFFLINE_MARKER_EN);
    expect(h.nemotron.chatRequests()).toHaveLength(0);
  });

  it('"為什麼 api 一直重啟?" finds api in prod, reads the crashed run and the events, and explains in zh-TW', async () => {
    const outcome = await h.agent.run({ text: '為什麼 api 一直重啟?', locale: 'zh-TW', task: 'incident_analysis', links: ['offline'] });
    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'offline' });
    expect(outcome.steps.map((s) => s.call.name)).toEqual(['list_pods', 'list_pods', 'get_pod_logs', 'list_events']);
    expect(outcome.steps[2].call.arguments).toMatchObject({ namespace: 'prod', previous: true });
    expect(outcome.steps.every((s) => s.ok)).toBe(true);
    if (outcome.kind !== 'answer') return;
    expect(outcome.text).toContain('CrashLoopBackOff');
    expect(outcome.text).toContain('DATABASE_URL');
    expect(outcome.text).toContain('BackOff');
    expect(outcome.text).toContain('可能原因');
    expect(outcome.text).toContain(OFFLINE_MARKER_ZH_TW);
  });

  it('"restart api in prod" ends at "needs approval" with the exact call, and the cluster is unchanged', async () => {
    const before = h.cluster.fingerprint();
    const outcome = await h.agent.run({ text: 'restart api in prod', locale: 'en', task: 'tool_calling', links: ['offline'] });
    expect(outcome).toMatchObject({
      kind: 'needs_approval',
      call: { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } },
      risk: 'write',
      producedBy: 'offline',
    });
    expect(h.cluster.fingerprint()).toBe(before);
    expect(h.cluster.mutationCount()).toBe(0);
  });

  it('after approval and the real restart, writes the final message; after a decline, says nothing changed', async () => {
    const paused = await h.agent.run({ text: '重啟 prod 的 api', locale: 'zh-TW', task: 'tool_calling', links: ['offline'] });
    if (paused.kind !== 'needs_approval') throw new Error(`expected needs_approval, got ${paused.kind}`);

    const declined = await h.agent.resume(paused.state, { status: 'declined' });
    expect(declined).toMatchObject({ kind: 'answer', producedBy: 'offline' });
    expect(declined.kind === 'answer' && declined.text).toContain('已被拒絕');

    const result = await runTool(h.executor, paused.call);
    const approved = await h.agent.resume(paused.state, { status: 'approved', result });
    expect(approved).toMatchObject({ kind: 'answer', producedBy: 'offline' });
    expect(approved.kind === 'answer' && approved.text).toContain('已完成');
    expect(approved.kind === 'answer' && approved.text).toContain(OFFLINE_MARKER_ZH_TW);
    expect(h.cluster.mutationCount()).toBe(1);
  });

  it('answers what it does not understand by saying what it is and what it can do', async () => {
    const outcome = await h.agent.run({ text: 'good morning', locale: 'en', task: 'k8s_operation', links: ['offline'] });
    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'offline' });
    expect(outcome.kind === 'answer' && outcome.text).toContain('offline provider');
    expect(outcome.steps).toEqual([]);
  });
});

describe('agent falling back to the offline provider in the middle of a request', () => {
  it("continues from the model's tool results instead of starting over", async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1 ? nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'prod' } }]) : openAiError(500, 'fake outage'),
    );
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia', 'offline'] });
    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'offline' });
    expect(outcome.kind === 'answer' && outcome.text).toContain(OFFLINE_MARKER_EN);
    // The model's list_pods is reused: the cluster was asked once.
    expect(h.cluster.calls().filter((c) => c.name === 'list_pods')).toHaveLength(1);
  });
});
