/** describe_resource: what `kubectl describe` tells an operator, as structured JSON. */

import { z } from 'zod';
import { formatAge } from '../format-age.js';
import { CONTAINER_START_DELAY_MS } from './container-health.js';
import { RESOURCE_KIND_INFO } from '../resource-kinds.js';
import type { JsonObject, JsonValue, ResourceDescription } from '../results.js';
import type { ObjectRef } from '../capability-inputs.js';
import { matchesInvolvedObject, namespaceEvents } from './event-queries.js';
import { eventSummary, isEventLive } from './events.js';
import { requireNamespace, requireNode, requireObject, requirePod, requireWorkload } from './lookups.js';
import { renderContainer, renderObject } from './manifests.js';
import { podStatus, type SimulatedContainerStatus } from './pod-status.js';
import { podsOf, type SimulatedContainer, type SimulatedState, type SimulatedWorkload } from './state.js';
import { iso, nodeSummary, workloadCounts } from './views.js';

/** A Deployment whose new pods are not ready this long after its rollout began is reported as stuck. */
const PROGRESS_DEADLINE_MS = 600_000;

const keyRef = z.object({ name: z.string(), key: z.string() });
const valueFromSchema = z.object({ secretKeyRef: keyRef.optional(), configMapKeyRef: keyRef.optional() });

function envDisplay(variable: SimulatedContainer['env'][number]): string {
  if (variable.value !== undefined) return variable.value;
  const from = valueFromSchema.safeParse(variable.valueFrom);
  const secret = from.success ? from.data.secretKeyRef : undefined;
  if (secret) return `<set to the key '${secret.key}' in secret '${secret.name}'>`;
  const configMap = from.success ? from.data.configMapKeyRef : undefined;
  if (configMap) return `<set to the key '${configMap.key}' of config map '${configMap.name}'>`;
  return '<set from a reference>';
}

/** A container as describe shows it; `podCreatedAt` is null for a template (no running instance). */
function describeContainer(
  container: SimulatedContainer,
  status: SimulatedContainerStatus | undefined,
  podCreatedAt: number | null,
): JsonObject {
  const { env: _env, name: _name, image: _image, ...rest } = renderContainer(container);
  const timeline = status?.timeline;
  const lastExit = timeline?.exits.at(-1);
  const startedAt =
    podCreatedAt === null || status?.state !== 'Running' ? null : podCreatedAt + (timeline?.currentStart ?? CONTAINER_START_DELAY_MS);
  const terminated =
    podCreatedAt !== null && lastExit !== undefined
      ? { terminated: { reason: 'Error', exitCode: 1, finishedAt: iso(podCreatedAt + lastExit) } }
      : null;
  const instance: JsonObject =
    podCreatedAt === null
      ? {}
      : {
          state: status?.state ?? 'Waiting',
          reason: status?.reason ?? null,
          ...(status?.configError ? { message: status.configError } : {}),
          startedAt: startedAt === null ? null : iso(startedAt),
          // A container that exited and now waits shows its exit as the last state, as kubelet reports it.
          lastState: status?.state === 'Terminated' ? null : terminated,
          ...(status?.state === 'Terminated' ? { terminated: terminated?.terminated ?? null } : {}),
          ready: status?.ready ?? false,
          restarts: status?.restarts ?? 0,
        };
  return {
    name: container.name,
    image: container.image,
    ...instance,
    env: Object.fromEntries(container.env.map((variable) => [variable.name, envDisplay(variable)])),
    ...rest,
  };
}

function objectEvents(state: SimulatedState, namespace: string, kind: string, name: string, now: number) {
  return namespaceEvents(state, namespace, now)
    .filter((event) => matchesInvolvedObject(event, `${kind}/${name}`))
    .map(eventSummary);
}

function describeWorkload(state: SimulatedState, workload: SimulatedWorkload, now: number): JsonObject {
  const counts = workloadCounts(state, workload, now);
  const pods = podsOf(state, workload);
  const details: JsonObject = {
    replicas: {
      desired: counts.desired,
      updated: counts.updated,
      total: counts.total,
      available: counts.ready,
      unavailable: Math.max(0, counts.desired - counts.ready),
    },
    selector: Object.entries(workload.selector)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
    template: {
      labels: { ...workload.template.labels },
      annotations: { ...workload.template.annotations },
      containers: workload.template.containers.map((container) => describeContainer(container, undefined, null)),
    },
    pods: pods.map((pod) => pod.name),
  };
  if (workload.kind !== 'Deployment') return details;

  const current = workload.history.find((revision) => revision.revision === workload.revision);
  const rolloutStarted = current?.createdAt ?? workload.createdAt;
  const allReady = counts.ready >= counts.desired;
  const stuck = !allReady && now - rolloutStarted > PROGRESS_DEADLINE_MS;
  const replicaSet = `${workload.name}-${workload.templateHash}`;
  return {
    ...details,
    strategy: workload.strategy,
    revision: workload.revision,
    newReplicaSet: `${replicaSet} (${counts.updated}/${counts.desired} replicas created)`,
    conditions: [
      {
        type: 'Available',
        status: allReady ? 'True' : 'False',
        reason: allReady ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      },
      {
        type: 'Progressing',
        status: stuck ? 'False' : 'True',
        reason: stuck ? 'ProgressDeadlineExceeded' : allReady ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        ...(stuck ? { message: `ReplicaSet "${replicaSet}" has timed out progressing.` } : {}),
      },
    ],
  };
}

const servicePortsSchema = z.array(z.object({ port: z.number(), targetPort: z.union([z.number(), z.string()]).optional() }));
const serviceSpecSchema = z.object({
  selector: z.record(z.string(), z.string()).optional(),
  ports: servicePortsSchema.optional(),
});

/** Ready pods behind a Service's selector: no endpoints is a classic reason for an outage. */
function serviceEndpoints(state: SimulatedState, namespace: string, spec: JsonValue | undefined, now: number): string[] {
  const parsed = serviceSpecSchema.safeParse(spec);
  if (!parsed.success || !parsed.data.selector) return [];
  const selector = parsed.data.selector;
  const port = parsed.data.ports?.[0];
  const target = port?.targetPort ?? port?.port;
  return [...state.pods.values()]
    .filter((pod) => pod.namespace === namespace)
    .filter((pod) => Object.entries(selector).every(([key, value]) => pod.labels[key] === value))
    .filter((pod) => podStatus(state, pod, now).readyCount === pod.containers.length)
    .map((pod) => (target === undefined ? pod.ip : `${pod.ip}:${target}`))
    .sort();
}

export function describeResource(state: SimulatedState, args: ObjectRef, now: number): ResourceDescription {
  const meta = (createdAt: number, labels: Record<string, string>, annotations: Record<string, string>) => ({
    createdAt: iso(createdAt),
    age: formatAge(now - createdAt),
    labels: { ...labels },
    annotations: { ...annotations },
  });

  if (args.kind === 'node') {
    const node = requireNode(state, args.name);
    const { name: _name, age: _age, createdAt: _createdAt, ...summary } = nodeSummary(state, node, now);
    const pods = [...state.pods.values()].filter((pod) => pod.nodeName === node.name);
    const events = state.events
      .filter((event) => event.objectKind === 'Node' && event.objectName === node.name && isEventLive(event, now))
      .sort((a, b) => b.lastSeen - a.lastSeen)
      .map(eventSummary);
    return {
      kind: 'node',
      name: node.name,
      ...meta(node.createdAt, { 'kubernetes.io/hostname': node.name }, {}),
      details: {
        ...summary,
        unschedulable: node.unschedulable,
        pods: pods.map((pod) => `${pod.namespace}/${pod.name}`).sort(),
      },
      events,
    };
  }

  const namespace = requireNamespace(state, args.namespace);
  const info = RESOURCE_KIND_INFO[args.kind];
  const events = objectEvents(state, namespace, info.kind, args.name, now);

  if (args.kind === 'pod') {
    const pod = requirePod(state, namespace, args.name);
    const status = podStatus(state, pod, now);
    const containers = pod.containers.map((container, index) => describeContainer(container, status.containers[index], pod.createdAt));
    const ready = status.readyCount === pod.containers.length;
    return {
      kind: 'pod',
      name: pod.name,
      namespace,
      ...meta(pod.createdAt, pod.labels, {}),
      details: {
        status: status.reason ?? status.phase,
        phase: status.phase,
        node: pod.nodeName,
        ip: pod.nodeName === null ? null : pod.ip,
        controlledBy: pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null,
        containers,
        conditions: [
          { type: 'PodScheduled', status: pod.nodeName === null ? 'False' : 'True' },
          { type: 'ContainersReady', status: ready ? 'True' : 'False' },
          { type: 'Ready', status: ready ? 'True' : 'False' },
        ],
      },
      events,
    };
  }

  if (args.kind === 'deployment' || args.kind === 'statefulset' || args.kind === 'daemonset') {
    const workload = requireWorkload(state, info.kind as SimulatedWorkload['kind'], namespace, args.name);
    return {
      kind: args.kind,
      name: workload.name,
      namespace,
      ...meta(workload.createdAt, workload.labels, workload.annotations),
      details: describeWorkload(state, workload, now),
      events,
    };
  }

  const object = requireObject(state, info.kind, args.kind, namespace, args.name);
  const {
    apiVersion: _apiVersion,
    kind: _kind,
    metadata: _metadata,
    ...details
  } = renderObject(object, {
    redactSecrets: true,
  });
  if (args.kind === 'service') details['endpoints'] = serviceEndpoints(state, namespace, object.body['spec'], now);
  return {
    kind: args.kind,
    name: object.name,
    namespace,
    ...meta(object.createdAt, object.labels, object.annotations),
    details,
    events,
  };
}
