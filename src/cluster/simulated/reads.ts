/** The seven read tools over a simulated cluster's state. */

import { DEFAULT_EVENT_LIMIT, DEFAULT_LOG_TAIL_LINES } from '../executor.js';
import { matchesLabelSelector, parseLabelSelector } from '../label-selector.js';
import type { DeploymentSummary, EventSummary, NodeSummary, PodLogs, PodSummary, RolloutRevision } from '../results.js';
import type { DeploymentRef, EventQuery, NamespaceQuery, PodLogQuery, PodQuery } from '../capability-inputs.js';
import { matchesInvolvedObject, namespaceEvents } from './event-queries.js';
import { eventSummary } from './events.js';
import { notFound, requireNamespace, requirePod, requireWorkload } from './lookups.js';
import { simulatedLogs } from './logs.js';
import { podStatus } from './pod-status.js';
import type { SimulatedState } from './state.js';
import { deploymentSummary, iso, nodeSummary, podSummary } from './views.js';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export function listPods(state: SimulatedState, args: PodQuery, now: number): PodSummary[] {
  const namespace = requireNamespace(state, args.namespace);
  const selector = parseLabelSelector(args.label_selector ?? '');
  return [...state.pods.values()]
    .filter((pod) => pod.namespace === namespace && matchesLabelSelector(pod.labels, selector))
    .sort(byName)
    .map((pod) => podSummary(state, pod, now));
}

export function getPodLogs(state: SimulatedState, args: PodLogQuery, now: number): PodLogs {
  const namespace = requireNamespace(state, args.namespace);
  const pod = requirePod(state, namespace, args.pod);
  // Like kubectl, the first container is the default one.
  const container = args.container === undefined ? pod.containers[0] : pod.containers.find((c) => c.name === args.container);
  if (!container) throw notFound('container', args.container ?? '', namespace);
  const status = podStatus(state, pod, now).containers.find((candidate) => candidate.name === container.name);
  if (!status) throw notFound('container', container.name, namespace);
  const previous = args.previous ?? false;
  const { lines, truncated } = simulatedLogs({
    pod,
    image: container.image,
    status,
    previous,
    tailLines: args.tail_lines ?? DEFAULT_LOG_TAIL_LINES,
    now,
  });
  return { pod: pod.name, namespace, container: container.name, previous, lines, truncated };
}

export function listEvents(state: SimulatedState, args: EventQuery, now: number): EventSummary[] {
  const namespace = requireNamespace(state, args.namespace);
  const filter = args.involved_object;
  return namespaceEvents(state, namespace, now)
    .filter((event) => filter === undefined || matchesInvolvedObject(event, filter))
    .slice(0, args.limit ?? DEFAULT_EVENT_LIMIT)
    .map(eventSummary);
}

export function listDeployments(state: SimulatedState, args: NamespaceQuery, now: number): DeploymentSummary[] {
  const namespace = requireNamespace(state, args.namespace);
  return [...state.workloads.values()]
    .filter((workload) => workload.kind === 'Deployment' && workload.namespace === namespace)
    .sort(byName)
    .map((workload) => deploymentSummary(state, workload, now));
}

export function getRolloutHistory(state: SimulatedState, args: DeploymentRef): RolloutRevision[] {
  const namespace = requireNamespace(state, args.namespace);
  const workload = requireWorkload(state, 'Deployment', namespace, args.name);
  return [...workload.history]
    .sort((a, b) => a.revision - b.revision)
    .map((revision) => ({
      revision: revision.revision,
      images: revision.template.containers.map((container) => container.image),
      changeCause: revision.changeCause,
      createdAt: iso(revision.createdAt),
      current: revision.revision === workload.revision,
    }));
}

export function listNodes(state: SimulatedState, now: number): NodeSummary[] {
  return [...state.nodes.values()].sort(byName).map((node) => nodeSummary(state, node, now));
}
