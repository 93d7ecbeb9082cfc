import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT_NOTE_PREFIX } from '../../src/agent/messages.js';
import { TOOL_NAMES } from '../../src/tools/registry.js';
import { fakeToolCall, chatCompletion } from '../support/fake-openai-server.js';
import { match } from '../support/matchers.js';
import {
  lastToolResult,
  messagesOf,
  nemotronSays,
  nemotronToolCall,
  startHarness,
  toolNamesOf,
  NEMOTRON_MODEL,
  OFFLINE_MARKER_EN,
  type Harness,
} from './helpers.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('agent loop with a fake Nemotron', () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it('"列出 prod 的 pod": the <TOOLCALL> text runs list_pods on the simulated cluster and comes back as a pod list in zh-TW', async () => {
    h.nemotron.respondWith((body, n) => {
      if (n === 1) return nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'prod' } }]);
      // Playing the model: it writes its answer from the tool result it was sent.
      const pods = (lastToolResult(body)['result'] as { name: string; reason: string | null }[]).map(
        (pod) => `- \`${pod.name}\`${pod.reason ? `（${pod.reason}）` : ''}`,
      );
      return nemotronSays(`\`prod\` 命名空間目前有 ${pods.length} 個 Pod：\n${pods.join('\n')}`);
    });

    const outcome = await h.agent.run({
      text: '列出 prod 的 pod',
      locale: 'zh-TW',
      task: 'k8s_operation',
      links: ['nvidia', 'gemini', 'offline'],
    });

    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'nvidia', model: NEMOTRON_MODEL });
    const prodPods = await h.executor.list_pods({ namespace: 'prod' });
    expect(prodPods.length).toBeGreaterThan(0);
    for (const pod of prodPods) expect(outcome.kind === 'answer' && outcome.text).toContain(pod.name);
    expect(outcome.kind === 'answer' && outcome.text).toContain('命名空間');
    expect(outcome.steps).toEqual([
      { call: { name: 'list_pods', arguments: { namespace: 'prod' } }, ok: true, durationMs: match.any(Number) },
    ]);

    const [first, second] = h.nemotron.chatRequests();
    expect(toolNamesOf(first.body)).toEqual([...TOOL_NAMES]);
    const system = String(messagesOf(first.body)[0].content);
    expect(system).toContain('Traditional Chinese');
    expect(system).toContain('"default"');
    expect(system).toContain('approves');
    // The text call is echoed as a structured call (content null), answered by a tool message with its id.
    const history = messagesOf(second.body);
    const assistant = history.at(-2)!;
    expect(assistant).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ type: 'function', function: { name: 'list_pods' } }],
    });
    expect(history.at(-1)).toMatchObject({ role: 'tool', tool_call_id: assistant.tool_calls![0].id });
  });

  it("runs structured tool_calls too and keeps the provider's call id in the history", async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? { json: chatCompletion({ tool_calls: [fakeToolCall('list_nodes', {}, { id: 'call_nim_1' })], model: NEMOTRON_MODEL }) }
        : nemotronSays('There are 3 nodes.'),
    );
    const outcome = await h.agent.run({ text: 'list nodes', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer', text: 'There are 3 nodes.' });
    const history = messagesOf(h.nemotron.chatRequests()[1].body);
    expect(history.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_nim_1' }] });
    expect(history.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_nim_1' });
  });

  it('tells the model why its invalid call was refused, and runs the corrected one', async () => {
    h.nemotron.respondWith((_body, n) => {
      if (n === 1) return nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'Prod Namespace' } }]);
      if (n === 2) return nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'prod' } }]);
      return nemotronSays('Here are the pods.');
    });
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer', text: 'Here are the pods.' });
    expect(h.cluster.calls().map((c) => c.name)).toEqual(['list_pods']);
    const note = messagesOf(h.nemotron.chatRequests()[1].body).at(-1)!;
    expect(note.role).toBe('user');
    expect(String(note.content).startsWith(AGENT_NOTE_PREFIX)).toBe(true);
    expect(String(note.content)).toContain('argument "namespace"');
  });

  it('reports invalid calls when the one correction is invalid too, having run nothing', async () => {
    h.nemotron.respondWith(() => nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'Prod Namespace' } }]));
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia', 'offline'] });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'invalid_calls' });
    expect(outcome.kind === 'failed' && outcome.reason).toContain('namespace');
    expect(h.nemotron.chatRequests()).toHaveLength(2);
    expect(h.cluster.calls()).toEqual([]);
  });

  it('ends a write request at "needs approval" naming the exact call, and the simulated cluster is unchanged', async () => {
    const before = h.cluster.fingerprint();
    h.nemotron.respondWith(() => ({
      // Prose next to a call comes with structured tool_calls; written in the text, a call must be the whole reply.
      json: chatCompletion({
        content: 'api is crash-looping; a restart may help.',
        tool_calls: [fakeToolCall('restart_deployment', { name: 'api', namespace: 'prod' })],
        model: NEMOTRON_MODEL,
      }),
    }));
    const outcome = await h.agent.run({ text: 'restart api in prod', locale: 'en', task: 'tool_calling', links: ['nvidia', 'offline'] });
    expect(outcome).toMatchObject({
      kind: 'needs_approval',
      call: { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } },
      risk: 'write',
      explanation: match.stringContaining('crash-looping'),
      producedBy: 'nvidia',
    });
    expect(h.nemotron.chatRequests()).toHaveLength(1);
    expect(h.cluster.mutationCount()).toBe(0);
    expect(h.cluster.fingerprint()).toBe(before);
  });

  it("pauses on the first write of a mixed turn and runs none of that turn's reads", async () => {
    h.nemotron.respondWith(() =>
      nemotronToolCall([
        { name: 'list_pods', arguments: { namespace: 'prod' } },
        { name: 'scale_deployment', arguments: { name: 'web', replicas: 0, namespace: 'prod' } },
        { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } },
      ]),
    );
    const outcome = await h.agent.run({ text: 'fix prod', locale: 'en', task: 'tool_calling', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'needs_approval', call: { name: 'scale_deployment' }, risk: 'critical' });
    expect(h.cluster.calls()).toEqual([]);
    if (outcome.kind !== 'needs_approval') return;
    const answered = outcome.state.messages
      .filter((m) => m.role === 'tool')
      .map((m) => (typeof m.content === 'string' ? (JSON.parse(m.content) as { error: { code: string } }) : null));
    expect(answered.map((a) => a?.error.code)).toEqual(['not_run', 'not_run']);
  });

  it('does not let an incident analysis change the cluster: only read tools are offered, a write is refused', async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } }])
        : nemotronSays('我無法在這裡重啟它。'),
    );
    const outcome = await h.agent.run({ text: '為什麼 api 一直重啟?', locale: 'zh-TW', task: 'incident_analysis', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer', text: '我無法在這裡重啟它。' });
    expect(h.cluster.mutationCount()).toBe(0);
    const [first, second] = h.nemotron.chatRequests();
    expect(toolNamesOf(first.body)).toEqual([
      'list_pods',
      'get_pod_logs',
      'describe_resource',
      'list_events',
      'list_deployments',
      'get_rollout_history',
      'list_nodes',
    ]);
    expect(lastToolResult(second.body)).toMatchObject({ error: { code: 'not_allowed' } });
  });
});

describe('agent loop when the model hangs', () => {
  beforeEach(async () => {
    h = await startHarness({ nemotronBudgetMs: 300 });
  });

  it('falls back to the next model when Nemotron hangs past its budget', async () => {
    h.nemotron.respondWith(() => ({ hangMs: Infinity }));
    const outcome = await h.agent.run({
      text: 'list pods in prod',
      locale: 'en',
      task: 'k8s_operation',
      links: ['nvidia', 'gemini', 'offline'],
    });
    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'gemini', text: 'answer from the fake Gemini' });
  });

  it('falls back to the offline provider when every model hangs, and the answer says so', async () => {
    h.nemotron.respondWith(() => ({ hangMs: Infinity }));
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia', 'offline'] });
    expect(outcome).toMatchObject({ kind: 'answer', producedBy: 'offline', model: null });
    expect(outcome.kind === 'answer' && outcome.text).toContain(OFFLINE_MARKER_EN);
    expect(outcome.steps.map((s) => s.call)).toEqual([{ name: 'list_pods', arguments: { namespace: 'prod' } }]);
  });

  it('reports that no model answered when the list has no offline link', async () => {
    h.nemotron.respondWith(() => ({ hangMs: Infinity }));
    const outcome = await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'no_model' });
  });
});
