import { describe, expect, it } from 'vitest';
import { ClusterError } from '../../cluster/executor.js';
import { CLUSTER_ERROR_CODES } from '../../cluster/cluster-error.js';
import { createSimulatedCluster } from '../../cluster/simulated.js';
import { htmlToPlainText, splitHtml, TELEGRAM_TEXT_LIMIT } from '../../html/telegram-html.js';
import { createTranslator } from '../../i18n/translator.js';
import { renderClusterError } from './render-cluster-error.js';
import { lastLinesWithin, MAX_LOG_CHARS, renderReadResult } from './render-result.js';
import { runReadTool } from './read-tool.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const t = createTranslator();
const options = { now: NOW, backend: 'simulated' as const };

async function read(call: Parameters<typeof runReadTool>[1]) {
  const cluster = createSimulatedCluster({ now: () => NOW });
  return runReadTool(cluster, call, 'default');
}

describe('renderReadResult', () => {
  it('lists pods with ready, status, restarts, age and node, troubled ones marked, in English', async () => {
    const html = renderReadResult(t, 'en', await read({ name: 'list_pods', arguments: { namespace: 'prod' } }), options);
    const text = htmlToPlainText(html);
    expect(text).toMatch(/^Pods in prod \(7\)/);
    expect(text).toMatch(/api-\S+\n\s+ready 0\/1 · ⚠️ CrashLoopBackOff · \d+ restarts · age \S+ · node sim-node-\d/);
    expect(text).toMatch(/redis-0\n\s+ready 1\/1 · Running · 0 restarts/);
    expect(text).toContain('simulated cluster (no real Kubernetes)');
  });

  it('says the same in Traditional Chinese', async () => {
    const text = htmlToPlainText(
      renderReadResult(t, 'zh-TW', await read({ name: 'list_pods', arguments: { namespace: 'prod' } }), options),
    );
    expect(text).toMatch(/^prod 的 pod（7 個）/);
    expect(text).toMatch(/就緒 1\/1 · Running · 重啟 0 次/);
    expect(text).toContain('模擬叢集');
  });

  it('escapes everything that comes from the cluster', () => {
    const html = renderReadResult(
      t,
      'en',
      {
        tool: 'list_deployments',
        namespace: 'prod',
        otherNamespaces: [],
        deployments: [
          {
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
          },
        ],
      },
      options,
    );
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('a&amp;b');
    expect(html).not.toContain('<b>x</b>');
  });

  it('renders deployments, events, nodes and rollout history from the simulated cluster', async () => {
    const deployments = htmlToPlainText(
      renderReadResult(t, 'en', await read({ name: 'list_deployments', arguments: { namespace: 'prod' } }), options),
    );
    expect(deployments).toMatch(/web\n\s+ready 2\/2 · revision 3 · registry\.example\.com\/shop\/web:2\.4\.1/);
    const events = htmlToPlainText(
      renderReadResult(t, 'en', await read({ name: 'list_events', arguments: { namespace: 'prod' } }), options),
    );
    expect(events).toMatch(/^Events in prod \(\d+, newest first\)/);
    expect(events).toMatch(/⚠️ BackOff Pod\/api-\S+ ×\d+ · \S+ ago: /);
    const nodes = htmlToPlainText(renderReadResult(t, 'en', await read({ name: 'list_nodes', arguments: {} }), options));
    expect(nodes).toMatch(
      /sim-node-3\n\s+Ready · worker · v1\.30\.4 · age \S+ · \d+ pods.*taints: node\.kubernetes\.io\/memory-pressure:NoSchedule/,
    );
    const history = htmlToPlainText(
      renderReadResult(t, 'en', await read({ name: 'get_rollout_history', arguments: { name: 'web', namespace: 'prod' } }), options),
    );
    expect(history.split('\n').slice(0, 2)).toEqual([
      'Rollout history of web in prod',
      '• revision 3 · registry.example.com/shop/web:2.4.1 · fix 2.4.1: cart badge count · current',
    ]);
  });

  it('describes a resource with its details as YAML in a <pre> block', async () => {
    const html = renderReadResult(
      t,
      'en',
      await read({ name: 'describe_resource', arguments: { kind: 'deployment', name: 'web', namespace: 'prod' } }),
      options,
    );
    expect(html).toMatch(/^<b>deployment <code>web<\/code><\/b> in <code>prod<\/code>/);
    expect(html).toMatch(/<pre>[^<]*selector: app=web/);
  });

  it('shows logs in <pre>, only the last lines that fit, and says so', async () => {
    const result = await read({ name: 'get_pod_logs', arguments: { pod: 'redis-0', namespace: 'prod', tail_lines: 1000 } });
    const html = renderReadResult(t, 'en', result, options);
    const pre = /<pre>([\s\S]*)<\/pre>/.exec(html)?.[1] ?? '';
    expect(pre.length).toBeLessThanOrEqual(MAX_LOG_CHARS * 1.2);
    if (result.tool !== 'get_pod_logs') throw new Error('unexpected result');
    expect(htmlToPlainText(pre).endsWith(result.logs.lines.at(-1)!)).toBe(true);
    expect(html).toMatch(/Showing the last \d+ lines\./);
    for (const part of splitHtml(html)) expect(htmlToPlainText(part).length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it('says so when a list is empty, and offers the other namespaces as typed commands', async () => {
    const text = htmlToPlainText(
      renderReadResult(t, 'en', { tool: 'list_pods', namespace: 'empty', selector: 'app=x', pods: [], otherNamespaces: [] }, options),
    );
    expect(text).toMatch(/^There are no pods in empty\. · app=x\n\n/);
    const result = await read({ name: 'list_pods', arguments: {} });
    const hint = htmlToPlainText(renderReadResult(t, 'en', result, options));
    expect(hint).toMatch(/^There are no pods in default\.\nOther namespaces:\n\/run list_pods namespace=kube-node-lease\n/);
    expect(hint).toContain('/run list_pods namespace=prod');
    expect(hint).not.toContain('namespace=default');
  });
});

describe('renderReadResult, every variant in both languages', () => {
  it('fills every message it uses (a missing Fluent variable would throw)', async () => {
    const cluster = createSimulatedCluster({ now: () => NOW });
    const [crashing] = (await cluster.list_pods({ namespace: 'prod' })).filter((p) => p.reason === 'CrashLoopBackOff');
    const results = [
      await runReadTool(cluster, { name: 'get_pod_logs', arguments: { pod: crashing.name, namespace: 'prod', previous: true } }, 'default'),
      await runReadTool(cluster, { name: 'list_events', arguments: { namespace: 'prod', involved_object: crashing.name } }, 'default'),
      await runReadTool(cluster, { name: 'list_events', arguments: { namespace: 'default', involved_object: 'nothing-here' } }, 'default'),
      await runReadTool(cluster, { name: 'describe_resource', arguments: { kind: 'node', name: 'sim-node-1' } }, 'default'),
      await runReadTool(
        cluster,
        { name: 'describe_resource', arguments: { kind: 'pod', name: crashing.name, namespace: 'prod' } },
        'default',
      ),
      await runReadTool(cluster, { name: 'list_deployments', arguments: { namespace: 'default' } }, 'default'),
      { tool: 'get_rollout_history' as const, namespace: 'prod', name: 'x', revisions: [] },
      {
        tool: 'get_pod_logs' as const,
        namespace: 'prod',
        logs: { pod: 'p', namespace: 'prod', container: 'c', previous: false, lines: [], truncated: false },
      },
    ];
    for (const locale of ['en', 'zh-TW'] as const) {
      for (const result of results) expect(renderReadResult(t, locale, result, options)).not.toMatch(/\{[a-z$-]+\}/);
    }
    const previous = htmlToPlainText(renderReadResult(t, 'en', results[0], options));
    expect(previous).toMatch(/^Logs of api-\S+ in prod \(container api, the previous, crashed run\)/);
    expect(htmlToPlainText(renderReadResult(t, 'en', results[1], options))).toMatch(/^Events in prod about api-/);
    expect(htmlToPlainText(renderReadResult(t, 'en', results[3], options))).toMatch(/^node sim-node-1\n/);
    expect(htmlToPlainText(renderReadResult(t, 'zh-TW', results[5], options))).toMatch(/^default 裡沒有任何部署。\n其他命名空間：/);
  });
});

describe('lastLinesWithin', () => {
  it('keeps the newest lines within the budget, and cuts a single line longer than it', () => {
    expect(lastLinesWithin(['a', 'bb', 'ccc'], 7)).toEqual(['bb', 'ccc']);
    expect(lastLinesWithin(['x'.repeat(20)], 5)).toEqual(['xxxxx']);
    expect(lastLinesWithin([], 5)).toEqual([]);
  });
});

describe('renderClusterError', () => {
  it('has a sentence for every error code in both languages', () => {
    for (const code of CLUSTER_ERROR_CODES) {
      for (const locale of ['en', 'zh-TW'] as const) {
        expect(renderClusterError(t, locale, new ClusterError(code, 'what happened', {}))).not.toMatch(/\{[a-z$_-]+\}/);
      }
    }
  });

  it('gives each error code its own localized sentence', () => {
    const protectedNs = new ClusterError('protected_namespace', 'namespace "kube-system" is protected: reads only', {
      namespace: 'kube-system',
    });
    expect(htmlToPlainText(renderClusterError(t, 'en', protectedNs))).toBe(
      '🔒 Refused: kube-system is a protected namespace, reads only. Nothing was changed.',
    );
    expect(htmlToPlainText(renderClusterError(t, 'zh-TW', protectedNs))).toContain('受保護的命名空間');
    const missing = new ClusterError('not_found', 'deployment "nope" not found in namespace "prod"', {});
    expect(htmlToPlainText(renderClusterError(t, 'en', missing))).toBe('🔍 Not found: deployment "nope" not found in namespace "prod"');
  });
});
