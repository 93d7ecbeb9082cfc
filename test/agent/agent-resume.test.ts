import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentStateSchema, type AgentOutcome, type AgentState } from '../../src/agent/agent.js';
import { runTool } from '../../src/tools/run-tool.js';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { match } from '../support/matchers.js';
import { lastToolResult, messagesOf, nemotronSays, nemotronToolCall, startHarness, NEMOTRON_MODEL, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const restart = { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } } as const;

/** Runs "restart api in prod" to the approval pause, then stores the state in Redis and reads it back, as the worker does. */
async function pausedAtApproval(): Promise<{ outcome: Extract<AgentOutcome, { kind: 'needs_approval' }>; state: AgentState }> {
  const outcome = await h.agent.run({ text: 'restart api in prod', locale: 'en', task: 'tool_calling', links: ['nvidia', 'offline'] });
  if (outcome.kind !== 'needs_approval') throw new Error(`expected needs_approval, got ${outcome.kind}`);
  const key = `${h.prefix}approval:state`;
  await h.redis.set(key, JSON.stringify(outcome.state));
  const stored = await h.redis.get(key);
  return { outcome, state: agentStateSchema.parse(JSON.parse(stored ?? 'null')) };
}

describe('agent resume after an approval decision', () => {
  it('tells the model "approved" with the result and returns its final message', async () => {
    h.nemotron.respondWith((_body, n) => (n === 1 ? nemotronToolCall([restart]) : nemotronSays('api in prod was restarted.')));
    const { state } = await pausedAtApproval();
    // What the execute worker does once a person approved: run the exact call, once.
    const result = await runTool(h.executor, state.pending.call);

    const outcome = await h.agent.resume(state, { status: 'approved', result });

    expect(outcome).toMatchObject({ kind: 'answer', text: 'api in prod was restarted.', producedBy: 'nvidia' });
    expect(outcome.steps).toEqual([{ call: restart, ok: true, durationMs: 0 }]);
    const body = h.nemotron.chatRequests()[1].body;
    expect(messagesOf(body).at(-1)).toMatchObject({ role: 'tool', tool_call_id: state.pending.toolCallId });
    expect(lastToolResult(body)).toMatchObject({ status: 'approved', result: { action: 'restart', name: 'api', namespace: 'prod' } });
    expect(h.cluster.mutationCount()).toBe(1);
  });

  for (const status of ['declined', 'expired'] as const) {
    it(`tells the model "${status}" with retryable: false, and the cluster stays unchanged`, async () => {
      const before = h.cluster.fingerprint();
      h.nemotron.respondWith((_body, n) =>
        n === 1 ? nemotronToolCall([restart]) : nemotronSays(`The restart was ${status}; nothing changed.`),
      );
      const { state } = await pausedAtApproval();

      const outcome = await h.agent.resume(state, { status });

      expect(outcome).toMatchObject({ kind: 'answer', text: `The restart was ${status}; nothing changed.` });
      expect(lastToolResult(h.nemotron.chatRequests()[1].body)).toEqual({ status, retryable: false });
      expect(h.cluster.fingerprint()).toBe(before);
      expect(h.cluster.mutationCount()).toBe(0);
    });
  }

  it('never asks for a second approval of the same call: a re-proposal is refused and the model must answer', async () => {
    h.nemotron.respondWith((_body, n) => (n <= 2 ? nemotronToolCall([restart]) : nemotronSays('It was declined, so I left api alone.')));
    const { state } = await pausedAtApproval();

    const outcome = await h.agent.resume(state, { status: 'declined', reason: 'not during business hours' });

    expect(outcome).toMatchObject({ kind: 'answer', text: 'It was declined, so I left api alone.' });
    expect(lastToolResult(h.nemotron.chatRequests()[2].body)).toMatchObject({ error: { code: 'already_decided' } });
    expect(h.cluster.mutationCount()).toBe(0);
  });

  it('treats the same call with the namespace left out as the same call', async () => {
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'scale_deployment', arguments: { name: 'web', replicas: 3 } }])
        : n === 2
          ? nemotronToolCall([{ name: 'scale_deployment', arguments: { name: 'web', replicas: 3, namespace: 'default' } }])
          : nemotronSays('Expired; not scaled.'),
    );
    const first = await h.agent.run({ text: 'scale web to 3', locale: 'en', task: 'tool_calling', links: ['nvidia'] });
    if (first.kind !== 'needs_approval') throw new Error('expected needs_approval');
    const outcome = await h.agent.resume(first.state, { status: 'expired' });
    expect(outcome).toMatchObject({ kind: 'answer', text: 'Expired; not scaled.' });
  });

  it('keeps counting turns and tokens across the pause', async () => {
    h.nemotron.respondWith((_body, n) => (n === 1 ? nemotronToolCall([restart]) : nemotronSays('done')));
    const { outcome: paused, state } = await pausedAtApproval();
    const outcome = await h.agent.resume(state, { status: 'declined' });
    expect(paused.usage).toEqual({ promptTokens: 12, completionTokens: 5, costUsd: match.any(Number) });
    expect(outcome.usage).toMatchObject({ promptTokens: 24, completionTokens: 10 });
  });

  it("keeps a provider's extra fields (Gemini's thought_signature) in the stored state and sends them back", async () => {
    const signed = fakeToolCall('restart_deployment', restart.arguments, {
      id: 'call_g_1',
      extra: { extra_content: { google: { thought_signature: 'sig-123' } } },
    });
    h.nemotron.respondWith((_body, n) =>
      n === 1 ? { json: chatCompletion({ tool_calls: [signed], model: NEMOTRON_MODEL }) } : nemotronSays('ok'),
    );
    const { state } = await pausedAtApproval();
    expect(state.pending.toolCallId).toBe('call_g_1');
    await h.agent.resume(state, { status: 'declined' });
    const assistant = messagesOf(h.nemotron.chatRequests()[1].body).find((m) => m.role === 'assistant');
    expect(assistant).toMatchObject({ tool_calls: [{ id: 'call_g_1', extra_content: { google: { thought_signature: 'sig-123' } } }] });
  });

  it('refuses a stored state that does not validate', async () => {
    h.nemotron.respondWith(() => nemotronToolCall([restart]));
    const { state } = await pausedAtApproval();
    const tampered = { ...state, pending: { ...state.pending, call: { name: 'drop_database', arguments: {} } } } as unknown as AgentState;
    await expect(h.agent.resume(tampered, { status: 'declined' })).rejects.toThrow(/unknown tool/);
  });
});
