import type { z } from 'zod';
import { validateToolCall } from '../tools/validate-tool-call.js';
import type { ToolCall } from '../tools/registry.js';
import type { OfflineAnswer } from './answer.js';
import type { OfflineIntent } from './intent.js';
import { isTroubled, keyLogLine, podsOf, suspectedCause, worstPod } from './pod-health.js';
import {
  changeResultSchema,
  deploymentsSchema,
  descriptionSchema,
  eventsSchema,
  nodesSchema,
  podLogsSchema,
  podsSchema,
  revisionsSchema,
  type OfflinePod,
} from './result-shapes.js';
import type { ToolExchange } from './transcript.js';

/** The offline provider's next move: one more tool call, or the final answer. */
export type OfflineStep = { kind: 'call'; call: ToolCall } | { kind: 'answer'; answer: OfflineAnswer };

type Args = Record<string, unknown>;
type Read<T> = { ok: true; value: T } | { ok: false; step: OfflineStep };

const answer = (value: OfflineAnswer): OfflineStep => ({ kind: 'answer', answer: value });

/** Every call goes through the catalog's own check; a request it cannot turn into a valid call is answered. */
function call(name: string, args: Args): OfflineStep {
  const checked = validateToolCall(name, args);
  return checked.ok ? { kind: 'call', call: checked.call } : answer({ kind: 'invalid', reason: checked.reason });
}

interface Planner {
  exchanges: readonly ToolExchange[];
  defaultNamespace: string;
  /** Namespaces in scope, to look for a target the default namespace does not have. */
  namespaces: readonly string[];
}

export interface PlanContext {
  defaultNamespace: string;
  namespaces?: readonly string[];
}

const MAX_EXTRA_NAMESPACES = 2;

/** Where else to look, most likely first: production-like names, then the rest, system namespaces last. */
function searchOrder(namespaces: readonly string[], exclude: string): string[] {
  const rank = (ns: string) => (/^prod|production/.test(ns) ? 0 : /^kube-/.test(ns) ? 2 : 1);
  return namespaces
    .filter((ns) => ns !== exclude)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, MAX_EXTRA_NAMESPACES);
}

interface FoundPods {
  namespace: string;
  /** Every pod of that namespace. */
  all: OfflinePod[];
  /** The target's pods (all pods when there is no target). */
  pods: OfflinePod[];
}

/**
 * The target's pods: in the namespace asked for, or, when the request named no namespace and the default one
 * has none, in up to two other namespaces (one list_pods call each).
 */
function findPods(p: Planner, target: string | null, namespace: string, namespaceSaid: boolean): Read<FoundPods> {
  const order = namespaceSaid || target === null ? [namespace] : [namespace, ...searchOrder(p.namespaces, namespace)];
  let first: OfflinePod[] = [];
  for (const [index, ns] of order.entries()) {
    const listed = podList(p, ns);
    // A namespace tried only as a guess may be out of scope: skip it rather than report it.
    if (!listed.ok && index > 0 && listed.step.kind === 'answer') continue;
    if (!listed.ok) return listed;
    if (index === 0) first = listed.value;
    const pods = target === null ? listed.value : podsOf(listed.value, target);
    if (pods.length > 0 || target === null) return { ok: true, value: { namespace: ns, all: listed.value, pods } };
  }
  return {
    ok: false,
    step: answer({ kind: 'no_pod', target: target ?? '', namespaces: order, pods: first.map((pod) => pod.name) }),
  };
}

function namespaceOf(args: Args, defaultNamespace: string): string {
  return typeof args['namespace'] === 'string' ? args['namespace'] : defaultNamespace;
}

/** The latest answered call of this tool whose arguments match. */
function findExchange(p: Planner, name: string, matches: (args: Args) => boolean = () => true): ToolExchange | undefined {
  return [...p.exchanges].reverse().find((exchange) => exchange.name === name && matches(exchange.arguments));
}

const inNamespace = (p: Planner, namespace: string) => (args: Args) => namespaceOf(args, p.defaultNamespace) === namespace;

function readResult<T>(exchange: ToolExchange, schema: z.ZodType<T>): Read<T> {
  const { outcome } = exchange;
  if (outcome.kind === 'error') {
    return { ok: false, step: answer({ kind: 'tool_error', tool: exchange.name, code: outcome.code, message: outcome.message }) };
  }
  const value = outcome.kind === 'result' ? outcome.value : outcome.kind === 'decision' ? outcome.result : undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, step: answer({ kind: 'unreadable', tool: exchange.name }) };
}

/** A single read: call it once, then answer from its result. */
function singleRead<T>(p: Planner, name: string, args: Args, schema: z.ZodType<T>, render: (value: T) => OfflineAnswer): OfflineStep {
  const exchange = findExchange(p, name, (done) => sameArguments(done, args, p.defaultNamespace));
  if (!exchange) return call(name, args);
  const read = readResult(exchange, schema);
  return read.ok ? answer(render(read.value)) : read.step;
}

function sameArguments(done: Args, wanted: Args, defaultNamespace: string): boolean {
  const keys = new Set([...Object.keys(done), ...Object.keys(wanted)].filter((key) => key !== 'namespace'));
  const sameNamespace = !('namespace' in wanted) || namespaceOf(done, defaultNamespace) === wanted['namespace'];
  return sameNamespace && [...keys].every((key) => JSON.stringify(done[key]) === JSON.stringify(wanted[key]));
}

/** A change is proposed once; whatever came back for it (approved, declined, refused) ends the request. */
function change(p: Planner, name: string, args: Args): OfflineStep {
  const exchange = findExchange(p, name);
  if (!exchange) return call(name, args);
  const { outcome } = exchange;
  if (outcome.kind === 'error') {
    return answer({ kind: 'tool_error', tool: exchange.name, code: outcome.code, message: outcome.message });
  }
  const checked = validateToolCall(exchange.name, exchange.arguments);
  if (outcome.kind !== 'decision' || !checked.ok) return answer({ kind: 'unreadable', tool: exchange.name });
  const detail = outcome.status === 'approved' ? (changeResultSchema.safeParse(outcome.result).data?.message ?? null) : outcome.reason;
  return answer({ kind: 'change', call: checked.call, status: outcome.status, detail });
}

/** Pods of the namespace, listed first when not yet known. */
function podList(p: Planner, namespace: string): Read<OfflinePod[]> {
  const exchange = findExchange(p, 'list_pods', (args) => inNamespace(p, namespace)(args) && args['label_selector'] === undefined);
  if (!exchange) return { ok: false, step: call('list_pods', { namespace }) };
  return readResult(exchange, podsSchema);
}

function logsStep(p: Planner, target: string, asked: string, namespaceSaid: boolean, previous: boolean): OfflineStep {
  const found = findPods(p, target, asked, namespaceSaid);
  if (!found.ok) return found.step;
  const { namespace } = found.value;
  const pod = worstPod(found.value.pods)!; // findPods returns at least one pod of a target
  const args = { pod: pod.name, namespace, tail_lines: 50, ...(previous ? { previous: true } : {}) };
  return singleRead(p, 'get_pod_logs', args, podLogsSchema, (logs) => ({ kind: 'logs', namespace, logs }));
}

/**
 * "Why is api failing?": list the pods, read the logs of the worst one (the crashed run when it restarted,
 * the current run when there is no previous one), read the warning events, then summarise.
 */
function investigateStep(p: Planner, target: string | null, asked: string, namespaceSaid: boolean): OfflineStep {
  const found = findPods(p, target, asked, namespaceSaid);
  if (!found.ok) return found.step;
  const { namespace, pods } = found.value;
  const suspect = worstPod(pods);
  const troubled = suspect !== null && isTroubled(suspect);

  let logs: { previous: boolean; lines: string[] } | { error: string } | null = null;
  if (suspect && troubled) {
    const read = logsFor(p, suspect, namespace);
    if (read.kind === 'call') return read;
    logs = read.logs;
  }
  const object = target ?? (troubled ? suspect?.name : undefined);
  const eventArgs = { namespace, ...(object ? { involved_object: object } : {}), limit: 20 };
  const eventsExchange = findExchange(p, 'list_events', (args) => sameArguments(args, eventArgs, p.defaultNamespace));
  if (!eventsExchange) return call('list_events', eventArgs);
  const events = readResult(eventsExchange, eventsSchema);
  const warnings = events.ok ? events.value.filter((event) => event.type === 'Warning') : [];
  const keyLine = logs && 'lines' in logs ? keyLogLine(logs.lines) : null;
  return answer({
    kind: 'investigation',
    investigation: {
      target,
      namespace,
      suspect,
      pods,
      healthy: !troubled,
      logs,
      warnings,
      keyLine,
      cause: troubled ? suspectedCause(suspect, keyLine, warnings) : null,
    },
  });
}

type LogsRead = { kind: 'call'; call: ToolCall } | { kind: 'logs'; logs: { previous: boolean; lines: string[] } | { error: string } };

/** The crashed run's logs when the pod restarted; the current run's when there is no previous one. */
function logsFor(p: Planner, pod: OfflinePod, namespace: string): LogsRead {
  const isFor = (previous: boolean) => (args: Args) =>
    args['pod'] === pod.name && inNamespace(p, namespace)(args) && (args['previous'] === true) === previous;
  const wantPrevious = pod.restarts > 0;
  const first = findExchange(p, 'get_pod_logs', isFor(wantPrevious));
  if (!first)
    return asLogsCall(call('get_pod_logs', { pod: pod.name, namespace, tail_lines: 20, ...(wantPrevious ? { previous: true } : {}) }));
  const read = readResult(first, podLogsSchema);
  if (read.ok) return { kind: 'logs', logs: { previous: read.value.previous, lines: read.value.lines } };
  if (!wantPrevious) return { kind: 'logs', logs: { error: errorText(first) } };
  const current = findExchange(p, 'get_pod_logs', isFor(false));
  if (!current) return asLogsCall(call('get_pod_logs', { pod: pod.name, namespace, tail_lines: 20 }));
  const again = readResult(current, podLogsSchema);
  return { kind: 'logs', logs: again.ok ? { previous: false, lines: again.value.lines } : { error: errorText(current) } };
}

function asLogsCall(step: OfflineStep): LogsRead {
  // The arguments are built from a pod the cluster listed, so they are valid; an invalid one is a bug here.
  if (step.kind !== 'call') throw new Error('offline provider built an invalid get_pod_logs call');
  return step;
}

function errorText(exchange: ToolExchange): string {
  return exchange.outcome.kind === 'error' ? `${exchange.outcome.code}: ${exchange.outcome.message}` : 'unreadable result';
}

/** Decides the next step from the request and what the tools returned so far. Pure and deterministic. */
export function nextStep(intent: OfflineIntent, exchanges: readonly ToolExchange[], context: PlanContext): OfflineStep {
  const p: Planner = { exchanges, defaultNamespace: context.defaultNamespace, namespaces: context.namespaces ?? [] };
  switch (intent.kind) {
    case 'unknown':
      return answer({ kind: 'help' });
    case 'clarify':
      return answer({ kind: 'clarify', missing: intent.missing, action: intent.action });
    case 'list_pods':
      return singleRead(p, 'list_pods', { namespace: intent.namespace }, podsSchema, (pods) => ({
        kind: 'pods',
        namespace: intent.namespace,
        pods,
      }));
    case 'pod_logs':
      return logsStep(p, intent.target, intent.namespace, intent.namespaceSaid, intent.previous);
    case 'describe': {
      const args =
        intent.resourceKind === 'node'
          ? { kind: intent.resourceKind, name: intent.name }
          : { kind: intent.resourceKind, name: intent.name, namespace: intent.namespace };
      return singleRead(p, 'describe_resource', args, descriptionSchema, (description) => ({ kind: 'description', description }));
    }
    case 'list_events': {
      const args = { namespace: intent.namespace, ...(intent.object ? { involved_object: intent.object } : {}), limit: 30 };
      return singleRead(p, 'list_events', args, eventsSchema, (events) => ({
        kind: 'events',
        namespace: intent.namespace,
        object: intent.object,
        events,
      }));
    }
    case 'list_deployments':
      return singleRead(p, 'list_deployments', { namespace: intent.namespace }, deploymentsSchema, (deployments) => ({
        kind: 'deployments',
        namespace: intent.namespace,
        deployments,
      }));
    case 'rollout_history':
      return singleRead(p, 'get_rollout_history', { name: intent.name, namespace: intent.namespace }, revisionsSchema, (revisions) => ({
        kind: 'history',
        name: intent.name,
        namespace: intent.namespace,
        revisions,
      }));
    case 'list_nodes':
      return singleRead(p, 'list_nodes', {}, nodesSchema, (nodes) => ({ kind: 'nodes', nodes }));
    case 'investigate':
      return investigateStep(p, intent.target, intent.namespace, intent.namespaceSaid);
    case 'restart':
      return change(p, 'restart_deployment', { name: intent.name, namespace: intent.namespace });
    case 'scale':
      return change(p, 'scale_deployment', { name: intent.name, replicas: intent.replicas, namespace: intent.namespace });
    case 'rollback':
      return change(p, 'rollback_deployment', {
        name: intent.name,
        namespace: intent.namespace,
        ...(intent.revision === null ? {} : { revision: intent.revision }),
      });
    case 'delete':
      return change(p, 'delete_resource', {
        kind: intent.resourceKind,
        name: intent.name,
        ...(intent.resourceKind === 'node' ? {} : { namespace: intent.namespace }),
      });
  }
}
