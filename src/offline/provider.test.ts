import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../llm/types.js';
import { agentNote, toolMessage } from '../agent/messages.js';
import { decisionContent, errorContent, resultContent } from '../agent/tool-message-content.js';
import { parseCompletion } from '../tools/parse.js';
import type { ToolCall } from '../tools/registry.js';
import { createTranslator } from '../i18n/translator.js';
import { createOfflineProvider, OFFLINE_MODEL } from './provider.js';

const provider = createOfflineProvider({ defaultNamespace: 'default', t: createTranslator() });
// Written out, not read from the locale files, so a lost or changed marker fails here.
const OFFLINE_MARKER_EN = '🔌 Offline provider: rule-based answer, no AI model was used.';
const OFFLINE_MARKER_ZH_TW = '🔌 離線模式：依規則產生的回覆，未使用 AI 模型。';

const crashingPod = {
  name: 'api-6d4f9-abcde',
  namespace: 'prod',
  phase: 'Running',
  ready: '0/1',
  restarts: 7,
  age: '47m',
  reason: 'CrashLoopBackOff',
  owner: 'Deployment/api',
  labels: { app: 'api' },
};
const healthyPod = {
  ...crashingPod,
  name: 'web-5c8b7-fghij',
  ready: '1/1',
  restarts: 0,
  reason: null,
  owner: 'Deployment/web',
  labels: { app: 'web' },
};

/** Plays the agent: sends the conversation, runs each call through `tools`, until the provider answers. */
function converse(
  text: string,
  tools: (call: ToolCall) => string,
  options: { locale?: 'en' | 'zh-TW'; namespaces?: string[]; start?: ChatMessage[] } = {},
): { answer: string | null; calls: ToolCall[]; messages: ChatMessage[] } {
  const messages: ChatMessage[] = options.start ?? [
    { role: 'system', content: 'system prompt' },
    { role: 'user', content: text },
  ];
  const calls: ToolCall[] = [];
  for (let turn = 0; turn < 8; turn += 1) {
    const { raw } = provider.complete(messages, {
      ...(options.locale ? { locale: options.locale } : {}),
      namespaces: options.namespaces ?? [],
    });
    const parsed = parseCompletion(raw);
    if (parsed.kind === 'answer') return { answer: parsed.text, calls, messages };
    if (parsed.kind !== 'calls') throw new Error(`offline provider produced a refused turn: ${JSON.stringify(raw)}`);
    const call = parsed.calls[0];
    calls.push(call);
    const id = parsed.toolCallIds[0]!;
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }],
    });
    messages.push(toolMessage(id, tools(call)));
    if (
      !['list_pods', 'get_pod_logs', 'describe_resource', 'list_events', 'list_deployments', 'get_rollout_history', 'list_nodes'].includes(
        call.name,
      )
    ) {
      return { answer: null, calls, messages };
    }
  }
  throw new Error('offline provider did not finish in 8 turns');
}

const noTools = (call: ToolCall): string => {
  throw new Error(`unexpected call ${call.name}`);
};

describe('offline provider: completion bodies', () => {
  it('emits a tool call as a structured chat.completion body the parser reads, with its own model name', () => {
    const { raw } = provider.complete([{ role: 'user', content: 'list pods in prod' }]);
    expect(raw).toMatchObject({ object: 'chat.completion', model: OFFLINE_MODEL, choices: [{ finish_reason: 'tool_calls' }] });
    expect(parseCompletion(raw)).toMatchObject({ kind: 'calls', calls: [{ name: 'list_pods', arguments: { namespace: 'prod' } }] });
  });

  it('is deterministic: the same conversation gives the same body', () => {
    const messages: ChatMessage[] = [{ role: 'user', content: '為什麼 api 一直重啟?' }];
    expect(provider.complete(messages)).toEqual(provider.complete(messages));
  });
});

describe('offline provider: single reads', () => {
  it('lists pods, then answers with them in English, marked as coming from the offline provider', () => {
    const { answer, calls } = converse('list pods in prod', () => resultContent([crashingPod, healthyPod], 6000));
    expect(calls).toEqual([{ name: 'list_pods', arguments: { namespace: 'prod' } }]);
    expect(answer).toContain('api-6d4f9-abcde');
    expect(answer).toContain('CrashLoopBackOff');
    expect(answer).toContain('web-5c8b7-fghij');
    expect(answer).toContain(OFFLINE_MARKER_EN);
  });

  it('answers a Chinese request in Traditional Chinese with the zh-TW marker', () => {
    const { answer } = converse('列出 prod 的 pod', () => resultContent([healthyPod], 6000));
    expect(answer).toContain('`prod` 的 Pod');
    expect(answer).toContain(OFFLINE_MARKER_ZH_TW);
    expect(answer).not.toContain(OFFLINE_MARKER_EN);
  });

  it('follows the locale it is given over the script of the request', () => {
    const { answer } = converse('list pods in prod', () => resultContent([], 6000), { locale: 'zh-TW' });
    expect(answer).toContain(OFFLINE_MARKER_ZH_TW);
  });

  it('reports a tool error instead of inventing a result', () => {
    const { answer } = converse('list deployments in nowhere', () => errorContent('not_found', 'namespace "nowhere" not found'));
    expect(answer).toContain('not_found');
    expect(answer).toContain('namespace "nowhere" not found');
  });

  it('finds the pod behind a deployment name before reading its logs', () => {
    const { answer, calls } = converse('show logs of api in prod', (call) =>
      call.name === 'list_pods'
        ? resultContent([healthyPod, crashingPod], 6000)
        : resultContent(
            {
              pod: crashingPod.name,
              namespace: 'prod',
              container: 'api',
              previous: false,
              lines: ['line one', 'line two'],
              truncated: false,
            },
            6000,
          ),
    );
    expect(calls.map((c) => c.name)).toEqual(['list_pods', 'get_pod_logs']);
    expect(calls[1]).toEqual({ name: 'get_pod_logs', arguments: { pod: crashingPod.name, namespace: 'prod', tail_lines: 50 } });
    expect(answer).toContain('line two');
  });
});

describe('offline provider: investigations', () => {
  const investigationTools = (call: ToolCall): string => {
    switch (call.name) {
      case 'list_pods':
        return resultContent(call.arguments.namespace === 'prod' ? [healthyPod, crashingPod] : [], 6000);
      case 'get_pod_logs':
        return resultContent(
          {
            pod: crashingPod.name,
            namespace: 'prod',
            container: 'api',
            previous: true,
            lines: [
              'INFO  api 1.8.0 starting',
              'ERROR config: required environment variable DATABASE_URL is not set',
              'FATAL cannot start',
            ],
            truncated: false,
          },
          6000,
        );
      case 'list_events':
        return resultContent(
          [
            {
              namespace: 'prod',
              type: 'Warning',
              reason: 'BackOff',
              object: `Pod/${crashingPod.name}`,
              message: 'Back-off restarting failed container',
              count: 9,
              firstSeen: '',
              lastSeen: '',
            },
          ],
          6000,
        );
      default:
        throw new Error(`unexpected ${call.name}`);
    }
  };

  it('lists pods, reads the crashed run of the failing pod, reads events, then explains in zh-TW', () => {
    const { answer, calls } = converse('為什麼 prod 的 api 一直重啟?', investigationTools);
    expect(calls).toEqual([
      { name: 'list_pods', arguments: { namespace: 'prod' } },
      { name: 'get_pod_logs', arguments: { pod: crashingPod.name, namespace: 'prod', tail_lines: 20, previous: true } },
      { name: 'list_events', arguments: { namespace: 'prod', involved_object: 'api', limit: 20 } },
    ]);
    expect(answer).toContain(crashingPod.name);
    expect(answer).toContain('DATABASE_URL is not set');
    expect(answer).toContain('BackOff');
    expect(answer).toContain('可能原因');
    expect(answer).toContain(OFFLINE_MARKER_ZH_TW);
  });

  it('looks in another namespace in scope when the request named none and the default one lacks the target', () => {
    const { answer, calls } = converse('為什麼 api 一直重啟?', investigationTools, {
      namespaces: ['default', 'kube-system', 'prod', 'staging'],
    });
    expect(calls.slice(0, 2)).toEqual([
      { name: 'list_pods', arguments: { namespace: 'default' } },
      { name: 'list_pods', arguments: { namespace: 'prod' } },
    ]);
    expect(answer).toContain('`prod`');
    expect(answer).toContain('DATABASE_URL is not set');
  });

  it('says the target was not found, and where it looked, when no namespace has it', () => {
    const { answer } = converse('why is api failing', () => resultContent([], 6000), { namespaces: ['default', 'staging'] });
    expect(answer).toContain('no pod of `api` in `default`, `staging`');
  });

  it('reports healthy pods as healthy without reading logs', () => {
    const { answer, calls } = converse('why is web failing in prod', (call) =>
      call.name === 'list_pods' ? resultContent([healthyPod], 6000) : resultContent([], 6000),
    );
    expect(calls.map((c) => c.name)).toEqual(['list_pods', 'list_events']);
    expect(answer).toContain('running and ready');
  });
});

describe('offline provider: changes', () => {
  it('proposes the restart once, exactly, and nothing else', () => {
    const { calls } = converse('restart api in prod', () => '{}');
    expect(calls).toEqual([{ name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } }]);
  });

  it('after a decision writes the final message and never proposes the same change again', () => {
    const proposed = converse('restart api in prod', () => '{}');
    const withoutOutcome = proposed.messages.slice(0, -1);
    const id = 'offline_call_1';
    const outcomes: Array<[Parameters<typeof decisionContent>[0], string]> = [
      [{ status: 'approved', result: { message: 'deployment.apps/api restarted' } }, 'deployment.apps/api restarted'],
      [{ status: 'declined' }, 'declined'],
      [{ status: 'expired' }, 'nobody approved'],
      [{ status: 'failed', reason: 'conflict' }, 'conflict'],
    ];
    for (const [decision, expected] of outcomes) {
      const messages = [...withoutOutcome, toolMessage(id, decisionContent(decision, 6000))];
      const parsed = parseCompletion(provider.complete(messages).raw);
      expect(parsed.kind, decision.status).toBe('answer');
      expect(parsed.kind === 'answer' && parsed.text).toContain(expected);
    }
  });

  it('answers with the reason when the agent refused its change', () => {
    const proposed = converse('delete pod api-6d4f9-abcde in prod', () =>
      errorContent('not_allowed', 'this request may only read the cluster'),
    );
    const parsed = parseCompletion(provider.complete(proposed.messages).raw);
    expect(parsed).toMatchObject({ kind: 'answer' });
    expect(parsed.kind === 'answer' && parsed.text).toContain('this request may only read the cluster');
  });

  it('answers instead of emitting a call the catalog would refuse', () => {
    const { answer, calls } = converse('scale web to 500', noTools);
    expect(calls).toEqual([]);
    expect(answer).toContain('replicas');
  });
});

describe('offline provider: what it does not understand', () => {
  it('says it is the offline provider and lists what it can do, in the request language', () => {
    expect(converse('hello there', noTools).answer).toContain('offline provider');
    expect(converse('早安', noTools).answer).toContain('離線模式');
  });

  it("reads the person, not the tool runner's notes", () => {
    const start: ChatMessage[] = [{ role: 'user', content: 'list nodes' }, agentNote('your last reply could not be used')];
    const { calls } = converse('', () => resultContent([], 6000), { start });
    expect(calls).toEqual([{ name: 'list_nodes', arguments: {} }]);
  });
});
