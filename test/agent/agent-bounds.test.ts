import { afterEach, describe, expect, it } from 'vitest';
import { match } from '../support/matchers.js';
import { fencedJson, lastToolResult, messagesOf, nemotronSays, nemotronToolCall, startHarness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** A model that never stops asking: a different read every turn. */
function endlessReads(usage?: { prompt_tokens: number; completion_tokens: number }) {
  return (_body: unknown, n: number) => nemotronToolCall([{ name: 'list_events', arguments: { namespace: 'prod', limit: n } }], usage);
}

describe('agent loop bounds', () => {
  it('stops after 6 model turns without a final answer', async () => {
    h = await startHarness();
    h.nemotron.respondWith(endlessReads());
    const outcome = await h.agent.run({ text: 'look at everything', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'steps' });
    expect(h.nemotron.chatRequests()).toHaveLength(6);
    expect(outcome.steps).toHaveLength(6);
  });

  it('honours a smaller step limit', async () => {
    h = await startHarness({ limits: { maxSteps: 2 } });
    h.nemotron.respondWith(endlessReads());
    const outcome = await h.agent.run({ text: 'look', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'steps' });
    expect(h.nemotron.chatRequests()).toHaveLength(2);
  });

  it('stops when the token budget is spent, and reports what was used', async () => {
    h = await startHarness({ limits: { maxTokens: 15_000 } });
    h.nemotron.respondWith(endlessReads({ prompt_tokens: 9_000, completion_tokens: 1_000 }));
    const outcome = await h.agent.run({ text: 'look', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'budget', usage: { promptTokens: 18_000, completionTokens: 2_000 } });
    expect(h.nemotron.chatRequests()).toHaveLength(2);
  });

  it('does not repeat an identical call: the second one is answered from the first result, with a note', async () => {
    h = await startHarness();
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'default' } }])
        : n === 2
          ? nemotronToolCall([{ name: 'list_pods', arguments: {} }])
          : nemotronSays('done'),
    );
    const outcome = await h.agent.run({ text: 'list pods', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer', text: 'done' });
    expect(h.cluster.calls().filter((c) => c.name === 'list_pods')).toHaveLength(1);
    expect(outcome.steps).toHaveLength(1);
    const [, second, third] = h.nemotron.chatRequests();
    expect(lastToolResult(third.body)).toEqual({ ...lastToolResult(second.body), note: match.stringContaining('not run again') });
  });

  it('turns a cluster error into a tool result the model reads, and records it as a failed step', async () => {
    h = await startHarness();
    h.nemotron.respondWith((_body, n) =>
      n === 1
        ? nemotronToolCall([{ name: 'get_pod_logs', arguments: { pod: 'no-such-pod', namespace: 'prod' } }])
        : nemotronSays('That pod does not exist.'),
    );
    const outcome = await h.agent.run({ text: 'logs of no-such-pod in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    expect(outcome).toMatchObject({ kind: 'answer' });
    expect(outcome.steps).toEqual([
      {
        call: { name: 'get_pod_logs', arguments: { pod: 'no-such-pod', namespace: 'prod' } },
        ok: false,
        error: { code: 'not_found', message: match.any(String) },
        durationMs: match.any(Number),
      },
    ]);
    expect(lastToolResult(h.nemotron.chatRequests()[1].body)).toEqual({
      error: { code: 'not_found', message: match.stringContaining('no-such-pod') },
    });
  });

  it('cuts a large tool result to the budget and marks it "truncated": true', async () => {
    h = await startHarness({ limits: { resultChars: 800 } });
    h.nemotron.respondWith((_body, n) =>
      n === 1 ? nemotronToolCall([{ name: 'list_pods', arguments: { namespace: 'prod' } }]) : nemotronSays('ok'),
    );
    await h.agent.run({ text: 'list pods in prod', locale: 'en', task: 'k8s_operation', links: ['nvidia'] });
    const tool = messagesOf(h.nemotron.chatRequests()[1].body).at(-1)!;
    expect(String(tool.content).length).toBeLessThanOrEqual(800);
    expect(fencedJson(tool.content)).toMatchObject({ truncated: true, result: match.any(Array) });
  });

  it('throws an AbortError promptly when the run is cancelled while the model is thinking', async () => {
    h = await startHarness();
    h.nemotron.respondWith(() => ({ hangMs: Infinity }));
    const controller = new AbortController();
    const running = h.agent.run({
      text: 'list pods',
      locale: 'en',
      task: 'k8s_operation',
      links: ['nvidia', 'offline'],
      signal: controller.signal,
    });
    while (h.nemotron.chatRequests().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.cluster.calls()).toEqual([]);
  });

  it('does not start at all with a signal that is already aborted', async () => {
    h = await startHarness();
    const controller = new AbortController();
    controller.abort();
    await expect(
      h.agent.run({ text: 'list pods', locale: 'en', task: 'k8s_operation', links: ['offline'], signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.nemotron.chatRequests()).toHaveLength(0);
  });
});
