/** describe_resource against the API server: what `kubectl describe` tells an operator, as structured JSON. */

import type {
  V1Container,
  V1ContainerStatus,
  V1Deployment,
  V1DaemonSet,
  V1ObjectMeta,
  V1Pod,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { formatAge } from './format-age.js';
import { sendRaw, toJson, toJsonObject, typedCall, type KubeExecutorContext } from './k8s-context.js';
import { eventsAbout, listPodsBySelector, podNames, readReplicaSetsOf } from './k8s-lookups.js';
import { kubeObjectSchema, parseKube } from './k8s-objects.js';
import { kubectlPodStatus } from './k8s-pod-status.js';
import { apiGroupOf, resourceTypeForCatalogKind } from './k8s-resource-paths.js';
import { getObjectRequest } from './k8s-requests.js';
import { REVISION_ANNOTATION, revisionOf } from './k8s-rollout.js';
import { selectorToString } from './k8s-selector.js';
import { isoTime, nodeSummary } from './k8s-views.js';
import type { JsonObject, ResourceDescription } from './results.js';
import { RESOURCE_KIND_INFO } from './resource-kinds.js';
import type { ObjectRef } from './capability-inputs.js';

// Large, repeats the spec, and on some objects carries values nobody should see in a chat.
const HIDDEN_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

function visibleAnnotations(annotations: Record<string, string> | undefined): Record<string, string> {
  const visible: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations ?? {})) if (!HIDDEN_ANNOTATIONS.includes(key)) visible[key] = value;
  return visible;
}

interface MetadataLike {
  creationTimestamp?: Date | string | undefined;
  labels?: Record<string, string> | undefined;
  annotations?: Record<string, string> | undefined;
}

function metaFields(metadata: MetadataLike | undefined, now: number) {
  const raw = metadata?.creationTimestamp;
  const created = raw instanceof Date ? raw.getTime() : raw === undefined ? Number.NaN : Date.parse(raw);
  return {
    createdAt: Number.isNaN(created) ? '' : new Date(created).toISOString(),
    age: Number.isNaN(created) ? '' : formatAge(now - created),
    labels: { ...(metadata?.labels ?? {}) },
    annotations: visibleAnnotations(metadata?.annotations),
  };
}

function envDisplay(container: V1Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    env[variable.name] =
      variable.value ??
      (from?.secretKeyRef
        ? `<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>`
        : from?.configMapKeyRef
          ? `<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>`
          : from?.fieldRef
            ? `<field ${from.fieldRef.fieldPath}>`
            : '<set from a reference>');
  }
  return env;
}

function describeContainer(container: V1Container, status: V1ContainerStatus | undefined, withStatus: boolean): JsonObject {
  const state = status?.state;
  const current = state?.running ? 'Running' : state?.terminated ? 'Terminated' : 'Waiting';
  const last = status?.lastState?.terminated;
  const instance: JsonObject = withStatus
    ? {
        state: current,
        reason: state?.waiting?.reason ?? state?.terminated?.reason ?? null,
        ...(state?.waiting?.message ? { message: state.waiting.message } : {}),
        startedAt: isoTime(state?.running?.startedAt) || null,
        lastState: last
          ? { terminated: { reason: last.reason ?? 'Error', exitCode: last.exitCode, finishedAt: isoTime(last.finishedAt) } }
          : null,
        ready: status?.ready ?? false,
        restarts: status?.restartCount ?? 0,
      }
    : {};
  return {
    name: container.name,
    image: container.image ?? '',
    ...instance,
    env: envDisplay(container),
    ...(container.ports ? { ports: toJson(container.ports) } : {}),
    ...(container.resources ? { resources: toJson(container.resources) } : {}),
  };
}

function controllerOf(metadata: V1ObjectMeta | undefined): string | null {
  const owner = metadata?.ownerReferences?.find((reference) => reference.controller) ?? metadata?.ownerReferences?.[0];
  return owner ? `${owner.kind}/${owner.name}` : null;
}

function describePod(pod: V1Pod): JsonObject {
  const statuses = pod.status?.containerStatuses ?? [];
  return {
    status: kubectlPodStatus(pod),
    phase: pod.status?.phase ?? 'Unknown',
    node: pod.spec?.nodeName ?? null,
    ip: pod.status?.podIP ?? null,
    controlledBy: controllerOf(pod.metadata),
    containers: (pod.spec?.containers ?? []).map((container) =>
      describeContainer(
        container,
        statuses.find((status) => status.name === container.name),
        true,
      ),
    ),
    conditions: (pod.status?.conditions ?? []).map((condition) => ({
      type: condition.type,
      status: condition.status,
      ...(condition.reason ? { reason: condition.reason } : {}),
    })),
  };
}

/** A workload read from the API, tagged with its kind so deployment-only fields narrow without a cast. */
type Workload =
  | { kind: 'deployment'; object: V1Deployment }
  | { kind: 'statefulset'; object: V1StatefulSet }
  | { kind: 'daemonset'; object: V1DaemonSet };

type WorkloadKind = Workload['kind'];

async function describeWorkload(context: KubeExecutorContext, tagged: Workload, namespace: string): Promise<JsonObject> {
  const { kind, object: workload } = tagged;
  const status = toJsonObject(workload.status);
  const number = (key: string) => (typeof status[key] === 'number' ? status[key] : 0);
  const replicas = (workload.spec as { replicas?: number } | undefined)?.replicas;
  const desired = kind === 'daemonset' ? number('desiredNumberScheduled') : (replicas ?? 1);
  const ready = kind === 'daemonset' ? number('numberReady') : number('readyReplicas');
  const selector = workload.spec?.selector ?? {};
  const pods = await listPodsBySelector(context, namespace, selector);
  const template = workload.spec?.template;
  const details: JsonObject = {
    replicas: {
      desired,
      updated: kind === 'daemonset' ? number('updatedNumberScheduled') : number('updatedReplicas'),
      total: kind === 'daemonset' ? number('currentNumberScheduled') : number('replicas'),
      available: kind === 'daemonset' ? number('numberAvailable') : number('availableReplicas'),
      unavailable: Math.max(0, desired - ready),
    },
    selector: selectorToString(selector),
    template: {
      labels: { ...(template?.metadata?.labels ?? {}) },
      annotations: { ...(template?.metadata?.annotations ?? {}) },
      containers: (template?.spec?.containers ?? []).map((container) => describeContainer(container, undefined, false)),
    },
    pods: podNames(pods),
  };
  if (tagged.kind !== 'deployment') return details;
  const deployment = tagged.object;
  const revision = Number(deployment.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0);
  return {
    ...details,
    strategy: deployment.spec?.strategy?.type ?? 'RollingUpdate',
    revision,
    newReplicaSet: await newReplicaSet(context, deployment, revision),
    paused: deployment.spec?.paused ?? false,
    conditions: (deployment.status?.conditions ?? []).map((condition) => ({
      type: condition.type,
      status: condition.status,
      reason: condition.reason ?? '',
      ...(condition.message ? { message: condition.message } : {}),
    })),
  };
}

/** kubectl describe's "NewReplicaSet: web-6b9f5c8d7 (2/2 replicas created)": the ReplicaSet of the current revision. */
async function newReplicaSet(context: KubeExecutorContext, deployment: V1Deployment, revision: number): Promise<string | null> {
  const metadata = deployment.metadata;
  if (!metadata?.name) return null;
  const replicaSets = await readReplicaSetsOf(context, {
    metadata: { name: metadata.name, namespace: metadata.namespace, uid: metadata.uid },
    spec: { selector: deployment.spec?.selector },
  });
  const current = replicaSets.find((replicaSet) => revisionOf(replicaSet) === revision);
  if (!current) return null;
  const created = current.status?.replicas ?? 0;
  return `${current.metadata.name} (${created}/${current.spec.replicas ?? 0} replicas created)`;
}

async function readWorkload(context: KubeExecutorContext, kind: WorkloadKind, namespace: string, name: string): Promise<Workload> {
  const call = { verb: 'get', resource: `${kind}s`, group: 'apps', namespace, name, kind };
  const apps = context.client.apps;
  switch (kind) {
    case 'deployment':
      return { kind, object: await typedCall(context, call, () => apps.readNamespacedDeployment({ name, namespace })) };
    case 'statefulset':
      return { kind, object: await typedCall(context, call, () => apps.readNamespacedStatefulSet({ name, namespace })) };
    case 'daemonset':
      return { kind, object: await typedCall(context, call, () => apps.readNamespacedDaemonSet({ name, namespace })) };
  }
}

/** Ready pods behind a Service's selector, as its endpoints: none is a classic reason for an outage. */
async function serviceEndpoints(context: KubeExecutorContext, namespace: string, spec: JsonObject): Promise<string[]> {
  const selector = spec['selector'];
  if (selector === null || typeof selector !== 'object' || Array.isArray(selector)) return [];
  const labels = Object.fromEntries(Object.entries(selector).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const pods = await listPodsBySelector(context, namespace, { matchLabels: labels });
  const ports = Array.isArray(spec['ports']) ? spec['ports'] : [];
  const first = ports[0];
  const target = first !== null && typeof first === 'object' && !Array.isArray(first) ? (first['targetPort'] ?? first['port']) : undefined;
  return pods
    .filter((pod) => pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True'))
    .map((pod) => pod.status?.podIP ?? '')
    .filter((ip) => ip !== '')
    .map((ip) => (typeof target === 'number' || typeof target === 'string' ? `${ip}:${target}` : ip))
    .sort();
}

export async function describeResource(context: KubeExecutorContext, args: ObjectRef): Promise<ResourceDescription> {
  const now = context.now();
  const { kind, name } = args;
  const info = RESOURCE_KIND_INFO[kind];

  if (kind === 'node') {
    const node = await typedCall(context, { verb: 'get', resource: 'nodes', group: '', name, kind }, () =>
      context.client.core.readNode({ name }),
    );
    const pods = await typedCall(context, { verb: 'list', resource: 'pods', group: '' }, () =>
      context.client.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` }),
    );
    const { name: _name, age: _age, createdAt: _createdAt, ...summary } = nodeSummary(node, pods.items.length, now);
    return {
      kind,
      name,
      ...metaFields(node.metadata, now),
      details: {
        ...summary,
        unschedulable: node.spec?.unschedulable ?? false,
        pods: pods.items.map((pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`).sort(),
      },
      events: await eventsAbout(context, { kind: 'Node', name }),
    };
  }

  const namespace = args.namespace ?? 'default';
  const events = () => eventsAbout(context, { kind: info.kind, name, namespace });

  if (kind === 'pod') {
    const pod = await typedCall(context, { verb: 'get', resource: 'pods', group: '', namespace, name, kind }, () =>
      context.client.core.readNamespacedPod({ name, namespace }),
    );
    return { kind, name, namespace, ...metaFields(pod.metadata, now), details: describePod(pod), events: await events() };
  }

  if (kind === 'deployment' || kind === 'statefulset' || kind === 'daemonset') {
    const workload = await readWorkload(context, kind, namespace, name);
    const details = await describeWorkload(context, workload, namespace);
    return { kind, name, namespace, ...metaFields(workload.object.metadata, now), details, events: await events() };
  }

  const type = resourceTypeForCatalogKind(kind);
  const body = await sendRaw(
    context,
    { verb: 'get', resource: type.plural, group: apiGroupOf(type.apiVersion), namespace, name, kind },
    getObjectRequest(type, type.apiVersion, { namespace, name }),
  );
  const object = parseKube(kubeObjectSchema, body, `${kind} ${namespace}/${name}`);
  const { apiVersion: _apiVersion, kind: _kind, metadata, ...details } = object;
  if (kind === 'service') {
    const spec = details['spec'];
    const specObject = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : {};
    details['endpoints'] = await serviceEndpoints(context, namespace, specObject);
  }
  return { kind, name, namespace, ...metaFields(metadata, now), details: details, events: await events() };
}
