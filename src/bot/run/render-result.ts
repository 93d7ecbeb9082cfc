import { stringify } from 'yaml';
import type { ClusterBackend } from '../../cluster/executor.js';
import { formatAge } from '../../cluster/format-age.js';
import type { EventSummary, NodeSummary, PodSummary } from '../../cluster/results.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import type { ReadResult } from './read-tool.js';

/** At most this many list entries; the rest are counted, not shown. */
export const MAX_LIST_ITEMS = 200;
/** Log text shown at most (about three Telegram messages): the last lines that fit. */
export const MAX_LOG_CHARS = 12_000;
const DESCRIBE_EVENTS = 10;

export interface RenderOptions {
  /** For event ages; a parameter so tests are exact. */
  now: number;
  /** Named in the footer, so a simulated answer always says it is one. */
  backend: ClusterBackend;
}

type T = (key: string, variables?: Record<string, string | number>) => string;

const code = (value: string) => `<code>${escapeHtml(value)}</code>`;

function list(t: T, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LIST_ITEMS);
  if (lines.length > MAX_LIST_ITEMS) shown.push(t('run-result-more', { count: lines.length - MAX_LIST_ITEMS }));
  return shown.join('\n');
}

function isTroubled(pod: PodSummary): boolean {
  return pod.reason !== null || !['Running', 'Succeeded'].includes(pod.phase);
}

function podEntry(t: T, pod: PodSummary): string {
  const status = pod.reason ?? pod.phase;
  const details = t('run-result-pod-line', {
    ready: escapeHtml(pod.ready),
    status: `${isTroubled(pod) ? '⚠️ ' : ''}${escapeHtml(status)}`,
    restarts: pod.restarts,
    age: escapeHtml(pod.age),
    node: escapeHtml(pod.node ?? '-'),
  });
  return `• ${code(pod.name)}\n   ${details}`;
}

function eventEntry(t: T, event: EventSummary, now: number): string {
  const seen = Date.parse(event.lastSeen);
  return t('run-result-event-line', {
    mark: event.type === 'Warning' ? '⚠️ ' : '',
    reason: escapeHtml(event.reason),
    object: escapeHtml(event.object),
    times: event.count > 1 ? ` ×${event.count}` : '',
    age: Number.isNaN(seen) ? '?' : formatAge(now - seen),
    message: escapeHtml(event.message),
  });
}

function nodeEntry(t: T, node: NodeSummary): string {
  const pressure = node.conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => ` · ⚠️ ${escapeHtml(c.type)}`);
  const taints = node.taints.length > 0 ? ` · ${t('run-result-taints', { taints: escapeHtml(node.taints.join(', ')) })}` : '';
  const details = t('run-result-node-line', {
    status: escapeHtml(node.status),
    roles: escapeHtml(node.roles.join(',') || '-'),
    version: escapeHtml(node.version),
    age: escapeHtml(node.age),
    pods: node.podCount,
  });
  return `• ${code(node.name)}\n   ${details}${pressure.join('')}${taints}`;
}

/** The last log lines that fit MAX_LOG_CHARS, oldest first. */
export function lastLinesWithin(lines: readonly string[], budget = MAX_LOG_CHARS): string[] {
  const kept: string[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    if (used + line.length + 1 > budget && kept.length > 0) break;
    kept.push(line.length > budget ? line.slice(-budget) : line);
    used += line.length + 1;
  }
  return kept.reverse();
}

/** After an empty list: the typed commands for the other namespaces, so the next try is one tap on a copy. */
function elsewhere(t: T, tool: string, namespaces: readonly string[]): string {
  if (namespaces.length === 0) return '';
  const commands = namespaces.slice(0, 10).map((n) => code(`/run ${tool} namespace=${n}`));
  return `\n${t('run-result-try-namespaces', { commands: commands.join('\n') })}`;
}

function body(t: T, result: ReadResult, now: number): string {
  switch (result.tool) {
    case 'list_pods': {
      const namespace = code(result.namespace);
      const selector = result.selector ? ` · ${code(result.selector)}` : '';
      if (result.pods.length === 0)
        return t('run-result-pods-none', { namespace }) + selector + elsewhere(t, result.tool, result.otherNamespaces);
      const title = t('run-result-pods-title', { namespace, count: result.pods.length }) + selector;
      return `${title}\n${list(
        t,
        result.pods.map((pod) => podEntry(t, pod)),
      )}`;
    }
    case 'list_deployments': {
      const namespace = code(result.namespace);
      if (result.deployments.length === 0)
        return t('run-result-deployments-none', { namespace }) + elsewhere(t, result.tool, result.otherNamespaces);
      const lines = result.deployments.map(
        (d) =>
          `• ${code(d.name)}\n   ${t('run-result-deployment-line', {
            ready: escapeHtml(d.ready),
            revision: d.revision,
            images: d.images.map(code).join(', ') || '-',
            age: escapeHtml(d.age),
          })}`,
      );
      return `${t('run-result-deployments-title', { namespace, count: result.deployments.length })}\n${list(t, lines)}`;
    }
    case 'list_events': {
      const variables = { namespace: code(result.namespace), count: result.events.length };
      const title = result.object
        ? t('run-result-events-about-title', { ...variables, object: code(result.object) })
        : t('run-result-events-title', variables);
      if (result.events.length === 0) return `${title}\n${t('run-result-events-none')}`;
      return `${title}\n${list(
        t,
        result.events.map((e) => eventEntry(t, e, now)),
      )}`;
    }
    case 'list_nodes':
      return `${t('run-result-nodes-title', { count: result.nodes.length })}\n${list(
        t,
        result.nodes.map((n) => nodeEntry(t, n)),
      )}`;
    case 'get_rollout_history': {
      const title = t('run-result-history-title', { name: code(result.name), namespace: code(result.namespace) });
      if (result.revisions.length === 0) return `${title}\n${t('run-result-history-none')}`;
      const lines = [...result.revisions]
        .sort((a, b) => b.revision - a.revision)
        .map((r) => {
          const cause = r.changeCause ? ` · ${escapeHtml(r.changeCause)}` : '';
          const current = r.current ? ` · <b>${t('run-result-history-current')}</b>` : '';
          return `• ${t('run-result-history-line', { revision: r.revision, images: r.images.map(code).join(', ') || '-' })}${cause}${current}`;
        });
      return `${title}\n${list(t, lines)}`;
    }
    case 'get_pod_logs': {
      const { logs } = result;
      const title = t(logs.previous ? 'run-result-logs-previous-title' : 'run-result-logs-title', {
        pod: code(logs.pod),
        namespace: code(result.namespace),
        container: code(logs.container),
      });
      if (logs.lines.length === 0) return `${title}\n${t('run-result-logs-none')}`;
      const shown = lastLinesWithin(logs.lines);
      const cut = shown.length < logs.lines.length || logs.truncated;
      const note = cut ? `\n${t('run-result-logs-cut', { shown: shown.length })}` : '';
      return `${title}${note}\n<pre>${escapeHtml(shown.join('\n'))}</pre>`;
    }
    case 'describe_resource': {
      const d = result.description;
      const title = d.namespace
        ? t('run-result-describe-title', { kind: escapeHtml(d.kind), name: code(d.name), namespace: code(d.namespace) })
        : t('run-result-describe-cluster-title', { kind: escapeHtml(d.kind), name: code(d.name) });
      const labels = Object.entries(d.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const lines = [title, t('run-result-age', { age: escapeHtml(d.age) })];
      if (labels) lines.push(t('run-result-labels', { labels: code(labels) }));
      if (Object.keys(d.details).length > 0) lines.push(`<pre>${escapeHtml(stringify(d.details).trimEnd())}</pre>`);
      if (d.events.length > 0) {
        lines.push(
          t('run-result-recent-events'),
          d.events
            .slice(0, DESCRIBE_EVENTS)
            .map((e) => eventEntry(t, e, now))
            .join('\n'),
        );
      }
      return lines.join('\n');
    }
  }
}

/** A read tool's result for people, in their language: Telegram HTML with everything escaped. */
export function renderReadResult(translate: Translate, locale: Locale, result: ReadResult, options: RenderOptions): string {
  const t: T = (key, variables) => translate(locale, key, variables);
  return `${body(t, result, options.now)}\n\n${t('run-result-footer', { backend: options.backend })}`;
}
