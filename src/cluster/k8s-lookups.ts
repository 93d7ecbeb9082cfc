/** Reads several tools share: a Deployment and its ReplicaSets as raw JSON, pods by selector, an object's events. */

import type { V1Pod } from '@kubernetes/client-node';
import { sendRaw, typedCall, type KubeExecutorContext } from './k8s-context.js';
import { parseKube, workloadListSchema, workloadObjectSchema, type WorkloadObject } from './k8s-objects.js';
import { findResourceType } from './k8s-resource-paths.js';
import { getObjectRequest, listObjectsRequest } from './k8s-requests.js';
import { ownedReplicaSets } from './k8s-rollout.js';
import { selectorToString, type SelectorLike } from './k8s-selector.js';
import { eventSummary } from './k8s-views.js';
import type { EventSummary } from './results.js';

const deploymentType = findResourceType('Deployment')!;
const replicaSetType = findResourceType('ReplicaSet')!;

export async function readDeploymentRaw(context: KubeExecutorContext, namespace: string, name: string): Promise<WorkloadObject> {
  const body = await sendRaw(
    context,
    { verb: 'get', resource: 'deployments', group: 'apps', namespace, name, kind: 'deployment' },
    getObjectRequest(deploymentType, 'apps/v1', { namespace, name }),
  );
  return parseKube(workloadObjectSchema, body, `deployment ${namespace}/${name}`);
}

/** The Deployment's ReplicaSets: listed by its selector, kept when it is their controller (as kubectl does). */
export interface ReplicaSetOwner {
  metadata: { name: string; namespace?: string | undefined; uid?: string | undefined };
  spec?: { selector?: SelectorLike | undefined } | undefined;
}

export async function readReplicaSetsOf(context: KubeExecutorContext, deployment: ReplicaSetOwner): Promise<WorkloadObject[]> {
  const namespace = deployment.metadata.namespace ?? '';
  const selector = selectorToString(deployment.spec?.selector ?? {});
  if (selector === '') return [];
  const body = await sendRaw(
    context,
    { verb: 'list', resource: 'replicasets', group: 'apps', namespace, kind: 'replicaset' },
    listObjectsRequest(replicaSetType, 'apps/v1', namespace, selector),
  );
  return ownedReplicaSets(deployment, parseKube(workloadListSchema, body, `replicasets in ${namespace}`).items);
}

/** Pods a selector matches; none for an empty selector (which would match every pod of the namespace). */
export async function listPodsBySelector(
  context: KubeExecutorContext,
  namespace: string,
  selector: SelectorLike | string,
): Promise<V1Pod[]> {
  const labelSelector = typeof selector === 'string' ? selector : selectorToString(selector);
  if (labelSelector === '') return [];
  const list = await typedCall(context, { verb: 'list', resource: 'pods', group: '', namespace }, () =>
    context.client.core.listNamespacedPod({ namespace, labelSelector }),
  );
  return list.items;
}

export function podNames(pods: V1Pod[]): string[] {
  return pods
    .map((pod) => pod.metadata?.name ?? '')
    .filter((name) => name !== '')
    .sort();
}

/** Events about one object, newest first (node events live outside any namespace the bot knows, so all are searched). */
export async function eventsAbout(
  context: KubeExecutorContext,
  target: { kind: string; name: string; namespace?: string },
): Promise<EventSummary[]> {
  const fieldSelector = `involvedObject.kind=${target.kind},involvedObject.name=${target.name}`;
  const namespace = target.namespace;
  const list = await typedCall(
    context,
    { verb: 'list', resource: 'events', group: '', ...(namespace === undefined ? {} : { namespace }) },
    () =>
      namespace === undefined
        ? context.client.core.listEventForAllNamespaces({ fieldSelector })
        : context.client.core.listNamespacedEvent({ namespace, fieldSelector }),
  );
  return list.items.map(eventSummary).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}
