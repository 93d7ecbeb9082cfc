/** The read tools against the API server (describe_resource and get_pod_logs have their own files). */

import { DEFAULT_EVENT_LIMIT } from './executor.js';
import { typedCall, type KubeExecutorContext } from './k8s-context.js';
import { eventFieldSelector, parseInvolvedObject, selectEvents } from './k8s-events.js';
import { readDeploymentRaw, readReplicaSetsOf } from './k8s-lookups.js';
import { rolloutHistory } from './k8s-rollout.js';
import { deploymentSummary, eventSummary, nodeSummary, podSummary } from './k8s-views.js';
import { parseLabelSelector } from './label-selector.js';
import type { DeploymentSummary, EventSummary, NodeSummary, PodSummary, RolloutRevision } from './results.js';
import type { DeploymentRef, EventQuery, NamespaceQuery, PodQuery } from './capability-inputs.js';

type Namespaced<A> = A & { namespace: string };

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export async function listPods(context: KubeExecutorContext, args: Namespaced<PodQuery>): Promise<PodSummary[]> {
  const { namespace } = args;
  const labelSelector = args.label_selector?.trim() ?? '';
  // Refuse a malformed selector here, with the same message as the simulated cluster, before the server does.
  parseLabelSelector(labelSelector);
  const list = await typedCall(context, { verb: 'list', resource: 'pods', group: '', namespace }, () =>
    context.client.core.listNamespacedPod({ namespace, ...(labelSelector === '' ? {} : { labelSelector }) }),
  );
  const now = context.now();
  return list.items.map((pod) => podSummary(pod, now)).sort(byName);
}

export async function listEvents(context: KubeExecutorContext, args: Namespaced<EventQuery>): Promise<EventSummary[]> {
  const { namespace } = args;
  const filter = args.involved_object === undefined ? undefined : parseInvolvedObject(args.involved_object);
  const fieldSelector = filter === undefined ? undefined : eventFieldSelector(filter);
  const list = await typedCall(context, { verb: 'list', resource: 'events', group: '', namespace }, () =>
    context.client.core.listNamespacedEvent({ namespace, ...(fieldSelector === undefined ? {} : { fieldSelector }) }),
  );
  return selectEvents(list.items.map(eventSummary), filter, args.limit ?? DEFAULT_EVENT_LIMIT);
}

export async function listDeployments(context: KubeExecutorContext, args: Namespaced<NamespaceQuery>): Promise<DeploymentSummary[]> {
  const { namespace } = args;
  const list = await typedCall(context, { verb: 'list', resource: 'deployments', group: 'apps', namespace }, () =>
    context.client.apps.listNamespacedDeployment({ namespace }),
  );
  const now = context.now();
  return list.items.map((deployment) => deploymentSummary(deployment, now)).sort(byName);
}

export async function getRolloutHistory(context: KubeExecutorContext, args: Namespaced<DeploymentRef>): Promise<RolloutRevision[]> {
  const deployment = await readDeploymentRaw(context, args.namespace, args.name);
  return rolloutHistory(deployment, await readReplicaSetsOf(context, deployment));
}

export async function listNodes(context: KubeExecutorContext): Promise<NodeSummary[]> {
  const nodes = await typedCall(context, { verb: 'list', resource: 'nodes', group: '' }, () => context.client.core.listNode());
  // Pods still holding a node's resources, as kubectl describe node counts them.
  const pods = await typedCall(context, { verb: 'list', resource: 'pods', group: '' }, () =>
    context.client.core.listPodForAllNamespaces({ fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }),
  );
  const perNode = new Map<string, number>();
  for (const pod of pods.items) {
    const node = pod.spec?.nodeName;
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const now = context.now();
  return nodes.items.map((node) => nodeSummary(node, perNode.get(node.metadata?.name ?? '') ?? 0, now)).sort(byName);
}

export async function listNamespaceNames(context: KubeExecutorContext): Promise<string[]> {
  const list = await typedCall(context, { verb: 'list', resource: 'namespaces', group: '' }, () => context.client.core.listNamespace());
  return list.items
    .map((namespace) => namespace.metadata?.name ?? '')
    .filter((name) => name !== '')
    .sort();
}
