import { describe, expect, it } from 'vitest';
import { createSimulatedCluster, type SimulatedCluster } from '../cluster/simulated.js';
import { htmlToPlainText, splitHtml, TELEGRAM_TEXT_LIMIT } from '../html/telegram-html.js';
import type { Locale } from '../i18n/locale.js';
import { createTranslator } from '../i18n/translator.js';
import { getPodLogs, lastLinesWithin, MAX_LOG_CHARS } from './catalog/get-pod-logs.js';
import { getRolloutHistory } from './catalog/get-rollout-history.js';
import { listDeployments } from './catalog/list-deployments.js';
import { listPods } from './catalog/list-pods.js';
import { answerReadCall, readAnswerHtml } from './read-answer.js';
import type { ReadToolCall } from './registry.js';
import type { ToolHtmlInput } from './tool-module.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const t = createTranslator();

function answer(call: ReadToolCall, locale: Locale = 'en', cluster: SimulatedCluster = createSimulatedCluster({ now: () => NOW })) {
  return answerReadCall(cluster, call, { t, locale, defaultNamespace: 'default', now: NOW });
}

/** The answer for a result made by hand, as the runner renders it. */
function answerFor<Args, Result>(
  tool: { html(input: ToolHtmlInput<Args, Result>): string },
  args: Args,
  result: Result,
  namespace: string,
  locale: Locale = 'en',
): string {
  return readAnswerHtml(tool, { args, result, namespace, otherNamespaces: [], t, locale, now: NOW }, 'simulated');
}

describe('the /run answer of a read tool', () => {
  it('lists pods with ready, status, restarts, age and node, troubled ones marked, in English', async () => {
    const text = htmlToPlainText(await answer({ name: 'list_pods', arguments: { namespace: 'prod' } }));
    expect(text).toMatch(/^Pods in prod \(7\)/);
    expect(text).toMatch(/api-\S+\n\s+ready 0\/1 · ⚠️ CrashLoopBackOff · \d+ restarts · age \S+ · node sim-node-\d/);
    expect(text).toMatch(/redis-0\n\s+ready 1\/1 · Running · 0 restarts/);
    expect(text).toContain('simulated cluster (no real Kubernetes)');
  });

  it('says the same in Traditional Chinese', async () => {
    const text = htmlToPlainText(await answer({ name: 'list_pods', arguments: { namespace: 'prod' } }, 'zh-TW'));
    expect(text).toMatch(/^prod 的 pod（7 個）/);
    expect(text).toMatch(/就緒 1\/1 · Running · 重啟 0 次/);
    expect(text).toContain('模擬叢集');
  });

  it('escapes everything that comes from the cluster', () => {
    const deployment = {
      name: '<b>x</b>',
      namespace: 'prod',
      ready: '1/1',
      desired: 1,
      updated: 1,
      available: 1,
      images: ['a&b'],
      revision: 2,
      strategy: 'RollingUpdate',
      age: '1d',
      createdAt: '',
    };
    const html = answerFor(listDeployments, { namespace: 'prod' }, [deployment], 'prod');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('a&amp;b');
    expect(html).not.toContain('<b>x</b>');
  });

  it('renders deployments, events, nodes and rollout history from the simulated cluster', async () => {
    const deployments = htmlToPlainText(await answer({ name: 'list_deployments', arguments: { namespace: 'prod' } }));
    expect(deployments).toMatch(/web\n\s+ready 2\/2 · revision 3 · registry\.example\.com\/shop\/web:2\.4\.1/);
    const events = htmlToPlainText(await answer({ name: 'list_events', arguments: { namespace: 'prod' } }));
    expect(events).toMatch(/^Events in prod \(\d+, newest first\)/);
    expect(events).toMatch(/⚠️ BackOff Pod\/api-\S+ ×\d+ · \S+ ago: /);
    const nodes = htmlToPlainText(await answer({ name: 'list_nodes', arguments: {} }));
    expect(nodes).toMatch(
      /sim-node-3\n\s+Ready · worker · v1\.30\.4 · age \S+ · \d+ pods.*taints: node\.kubernetes\.io\/memory-pressure:NoSchedule/,
    );
    const history = htmlToPlainText(await answer({ name: 'get_rollout_history', arguments: { name: 'web', namespace: 'prod' } }));
    expect(history.split('\n').slice(0, 2)).toEqual([
      'Rollout history of web in prod',
      '• revision 3 · registry.example.com/shop/web:2.4.1 · fix 2.4.1: cart badge count · current',
    ]);
  });

  it('describes a resource with its details as YAML in a <pre> block', async () => {
    const html = await answer({ name: 'describe_resource', arguments: { kind: 'deployment', name: 'web', namespace: 'prod' } });
    expect(html).toMatch(/^<b>deployment <code>web<\/code><\/b> in <code>prod<\/code>/);
    expect(html).toMatch(/<pre>[^<]*selector: app=web/);
  });

  it('shows logs in <pre>, only the last lines that fit, and says so', async () => {
    const cluster = createSimulatedCluster({ now: () => NOW });
    const call = { name: 'get_pod_logs', arguments: { pod: 'redis-0', namespace: 'prod', tail_lines: 1000 } } as const;
    const logs = await cluster.get_pod_logs(call.arguments);
    const html = await answer(call, 'en', cluster);
    const pre = /<pre>([\s\S]*)<\/pre>/.exec(html)?.[1] ?? '';
    expect(pre.length).toBeLessThanOrEqual(MAX_LOG_CHARS * 1.2);
    expect(htmlToPlainText(pre).endsWith(logs.lines.at(-1)!)).toBe(true);
    expect(html).toMatch(/Showing the last \d+ lines\./);
    for (const part of splitHtml(html)) expect(htmlToPlainText(part).length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it('says so when a list is empty, and offers the other namespaces as typed commands', async () => {
    const text = htmlToPlainText(answerFor(listPods, { namespace: 'empty', label_selector: 'app=x' }, [], 'empty'));
    expect(text).toMatch(/^There are no pods in empty\. · app=x\n\n/);
    const hint = htmlToPlainText(await answer({ name: 'list_pods', arguments: {} }));
    expect(hint).toMatch(/^There are no pods in default\.\nOther namespaces:\n\/run list_pods namespace=kube-node-lease\n/);
    expect(hint).toContain('/run list_pods namespace=prod');
    expect(hint).not.toContain('namespace=default');
  });

  it('offers no other namespaces when a label selector matched nothing', async () => {
    const text = htmlToPlainText(await answer({ name: 'list_pods', arguments: { label_selector: 'app=nothing-here' } }));
    expect(text).toMatch(/^There are no pods in default\. · app=nothing-here\n\n/);
  });
});

describe('the /run answer of every read tool, in both languages', () => {
  it('fills every message it uses (a missing Fluent variable would throw)', async () => {
    const cluster = createSimulatedCluster({ now: () => NOW });
    const [crashing] = (await cluster.list_pods({ namespace: 'prod' })).filter((p) => p.reason === 'CrashLoopBackOff');
    const emptyLogs = { pod: 'p', namespace: 'prod', container: 'c', previous: false, lines: [], truncated: false };
    const answers: ((locale: Locale) => Promise<string> | string)[] = [
      (locale) => answer({ name: 'get_pod_logs', arguments: { pod: crashing.name, namespace: 'prod', previous: true } }, locale, cluster),
      (locale) => answer({ name: 'list_events', arguments: { namespace: 'prod', involved_object: crashing.name } }, locale, cluster),
      (locale) => answer({ name: 'list_events', arguments: { namespace: 'default', involved_object: 'nothing-here' } }, locale, cluster),
      (locale) => answer({ name: 'describe_resource', arguments: { kind: 'node', name: 'sim-node-1' } }, locale, cluster),
      (locale) =>
        answer({ name: 'describe_resource', arguments: { kind: 'pod', name: crashing.name, namespace: 'prod' } }, locale, cluster),
      (locale) => answer({ name: 'list_deployments', arguments: { namespace: 'default' } }, locale, cluster),
      (locale) => answerFor(getRolloutHistory, { name: 'x', namespace: 'prod' }, [], 'prod', locale),
      (locale) => answerFor(getPodLogs, { pod: 'p', namespace: 'prod' }, emptyLogs, 'prod', locale),
    ];
    for (const locale of ['en', 'zh-TW'] as const) {
      for (const render of answers) expect(await render(locale)).not.toMatch(/\{[a-z$-]+\}/);
    }
    const plain = async (index: number, locale: Locale) => htmlToPlainText(await answers[index](locale));
    expect(await plain(0, 'en')).toMatch(/^Logs of api-\S+ in prod \(container api, the previous, crashed run\)/);
    expect(await plain(1, 'en')).toMatch(/^Events in prod about api-/);
    expect(await plain(3, 'en')).toMatch(/^node sim-node-1\n/);
    expect(await plain(5, 'zh-TW')).toMatch(/^default 裡沒有任何部署。\n其他命名空間：/);
  });
});

describe('lastLinesWithin', () => {
  it('keeps the newest lines within the budget, and cuts a single line longer than it', () => {
    expect(lastLinesWithin(['a', 'bb', 'ccc'], 7)).toEqual(['bb', 'ccc']);
    expect(lastLinesWithin(['x'.repeat(20)], 5)).toEqual(['xxxxx']);
    expect(lastLinesWithin([], 5)).toEqual([]);
  });
});
