/** delete_resource against the API server, and its preview: what goes away (the object and the pods with it). */

import { sendRaw, typedCall, type KubeExecutorContext } from './k8s-context.js';
import { listPodsBySelector, podNames } from './k8s-lookups.js';
import { kubeObjectSchema, labelSelectorSchema, parseKube, type KubeObject } from './k8s-objects.js';
import { apiGroupOf, resourceTypeForCatalogKind } from './k8s-resource-paths.js';
import { deleteObjectRequest, getObjectRequest } from './k8s-requests.js';
import { isoTimestamp } from './k8s-rollout.js';
import { podOwner } from './k8s-views.js';
import { kubectlResourceType } from './resource-kinds.js';
import type { ChangePreview, ChangeResult, JsonObject, JsonValue } from './results.js';
import type { ObjectRef } from './capability-inputs.js';

const WORKLOAD_KINDS = ['deployment', 'statefulset', 'daemonset'];

interface DeletePlan {
  object: KubeObject;
  pods: string[];
  before: JsonObject;
  notes: string[];
}

function field(object: KubeObject, ...path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = object;
  for (const key of path) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  }
  return value;
}

function containerImages(object: KubeObject, ...path: string[]): string[] {
  const containers = field(object, ...path, 'containers');
  if (!Array.isArray(containers)) return [];
  return containers.map((container) =>
    container !== null && typeof container === 'object' && !Array.isArray(container) && typeof container['image'] === 'string'
      ? container['image']
      : '',
  );
}

async function podsGoingAway(context: KubeExecutorContext, args: ObjectRef, object: KubeObject): Promise<string[]> {
  if (args.kind === 'node') {
    const list = await typedCall(context, { verb: 'list', resource: 'pods', group: '' }, () =>
      context.client.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${args.name}` }),
    );
    return list.items.map((pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`).sort();
  }
  if (args.kind === 'pod') return [args.name];
  if (!WORKLOAD_KINDS.includes(args.kind)) return [];
  const selector = labelSelectorSchema.safeParse(field(object, 'spec', 'selector'));
  return selector.success ? podNames(await listPodsBySelector(context, args.namespace ?? '', selector.data)) : [];
}

function summary(args: ObjectRef, object: KubeObject, pods: string[]): { before: JsonObject; notes: string[] } {
  const created = isoTimestamp(object.metadata.creationTimestamp);
  if (args.kind === 'node') {
    return {
      before: { kind: 'Node', createdAt: created, pods },
      notes: [`${pods.length} pods on ${args.name} stop; those with a controller are recreated on other nodes`],
    };
  }
  if (args.kind === 'pod') {
    const owner = podOwner(object.metadata);
    return {
      before: {
        kind: 'Pod',
        createdAt: created,
        phase: field(object, 'status', 'phase') ?? null,
        node: field(object, 'spec', 'nodeName') ?? null,
        owner,
      },
      notes: owner ? [`owned by ${owner}: its controller creates a replacement pod`] : [],
    };
  }
  if (WORKLOAD_KINDS.includes(args.kind)) {
    const replicas = field(object, 'spec', 'replicas');
    return {
      before: {
        kind: object.kind ?? args.kind,
        createdAt: created,
        ...(typeof replicas === 'number' ? { replicas } : {}),
        images: containerImages(object, 'spec', 'template', 'spec'),
        pods,
      },
      notes: [`its ${pods.length} pods are deleted with it`],
    };
  }
  const before: JsonObject = { kind: object.kind ?? args.kind, createdAt: created };
  const data = field(object, 'data');
  if (args.kind === 'configmap' && data !== null && typeof data === 'object' && !Array.isArray(data)) before['keys'] = Object.keys(data);
  return { before, notes: [] };
}

async function planDelete(context: KubeExecutorContext, args: ObjectRef): Promise<DeletePlan> {
  const type = resourceTypeForCatalogKind(args.kind);
  const target = { name: args.name, ...(type.namespaced && args.namespace !== undefined ? { namespace: args.namespace } : {}) };
  const call = { verb: 'get', resource: type.plural, group: apiGroupOf(type.apiVersion), ...target, kind: args.kind };
  const body = await sendRaw(context, call, getObjectRequest(type, type.apiVersion, target));
  const object = parseKube(kubeObjectSchema, body, `${args.kind} ${args.name}`);
  const pods = await podsGoingAway(context, args, object);
  return { object, pods, ...summary(args, object, pods) };
}

function sendDelete(context: KubeExecutorContext, args: ObjectRef, dryRun: boolean) {
  const type = resourceTypeForCatalogKind(args.kind);
  const target = { name: args.name, ...(type.namespaced && args.namespace !== undefined ? { namespace: args.namespace } : {}) };
  const call = { verb: 'delete', resource: type.plural, group: apiGroupOf(type.apiVersion), ...target, kind: args.kind };
  return sendRaw(context, call, deleteObjectRequest(type, type.apiVersion, target, { dryRun }));
}

function deletedMessage(args: ObjectRef): string {
  const type = resourceTypeForCatalogKind(args.kind);
  return `${kubectlResourceType(type.apiVersion, type.kind)} "${args.name}" deleted`;
}

export async function deleteResource(context: KubeExecutorContext, args: ObjectRef): Promise<ChangeResult> {
  const plan = await planDelete(context, args);
  await sendDelete(context, args, false);
  return {
    action: 'delete',
    kind: args.kind,
    name: args.name,
    ...(args.kind === 'node' || args.namespace === undefined ? {} : { namespace: args.namespace }),
    changed: true,
    before: plan.before,
    message: deletedMessage(args),
  };
}

export async function previewDelete(context: KubeExecutorContext, args: ObjectRef): Promise<ChangePreview> {
  const plan = await planDelete(context, args);
  // The server checks the deletion (permissions, finalizers, admission) without doing it.
  await sendDelete(context, args, true);
  const namespaced = args.kind !== 'node' && args.namespace !== undefined;
  return {
    action: 'delete',
    target: { kind: args.kind, name: args.name, ...(namespaced ? { namespace: args.namespace } : {}) },
    current: plan.before,
    after: null,
    affectedPods: plan.pods,
    dryRun: 'server',
    notes: plan.notes,
  };
}
