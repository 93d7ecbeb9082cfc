/** Typed API objects → the result shapes of results.ts (the same for every backend, so the bot renders both alike). */

import type { CoreV1Event, V1Deployment, V1Node, V1ObjectMeta, V1Pod } from '@kubernetes/client-node';
import { formatAge } from './format-age.js';
import { podProblem } from './k8s-pod-status.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION } from './k8s-rollout.js';
import type { DeploymentSummary, EventSummary, NodeSummary, PodSummary } from './results.js';

function createdAt(metadata: V1ObjectMeta | undefined): number | null {
  const time = metadata?.creationTimestamp;
  return time instanceof Date && !Number.isNaN(time.getTime()) ? time.getTime() : null;
}

export function isoTime(time: Date | undefined | null): string {
  return time instanceof Date && !Number.isNaN(time.getTime()) ? time.toISOString() : '';
}

function ageOf(metadata: V1ObjectMeta | undefined, now: number): { age: string; createdAt: string } {
  const created = createdAt(metadata);
  return created === null ? { age: '', createdAt: '' } : { age: formatAge(now - created), createdAt: new Date(created).toISOString() };
}

/** The parts of an object's metadata that name its owner (typed or raw JSON alike). */
export interface OwnedMetadata {
  labels?: Record<string, string> | undefined;
  ownerReferences?: Array<{ kind: string; name: string; controller?: boolean | undefined }> | undefined;
}

/**
 * "Deployment/api" for a pod of a Deployment's ReplicaSet (its name is the Deployment's plus the pod's
 * pod-template-hash), "StatefulSet/db" otherwise, null for a bare pod.
 */
export function podOwner(metadata: OwnedMetadata | undefined): string | null {
  const owner = metadata?.ownerReferences?.find((reference) => reference.controller) ?? metadata?.ownerReferences?.[0];
  if (!owner) return null;
  const hash = metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
  if (owner.kind === 'ReplicaSet' && hash !== undefined && owner.name.endsWith(`-${hash}`)) {
    return `Deployment/${owner.name.slice(0, -(hash.length + 1))}`;
  }
  return `${owner.kind}/${owner.name}`;
}

export function podSummary(pod: V1Pod, now: number): PodSummary {
  const statuses = pod.status?.containerStatuses ?? [];
  const containers = pod.spec?.containers ?? [];
  const total = containers.length || statuses.length;
  return {
    name: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ready: `${statuses.filter((status) => status.ready).length}/${total}`,
    restarts: statuses.reduce((sum, status) => sum + (status.restartCount ?? 0), 0),
    ...ageOf(pod.metadata, now),
    node: pod.spec?.nodeName ?? null,
    reason: podProblem(pod),
    ip: pod.status?.podIP ?? null,
    owner: podOwner(pod.metadata),
    images: containers.map((container) => container.image ?? ''),
    labels: { ...(pod.metadata?.labels ?? {}) },
  };
}

export function deploymentSummary(deployment: V1Deployment, now: number): DeploymentSummary {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status;
  const revision = Number(deployment.metadata?.annotations?.[REVISION_ANNOTATION] ?? 0);
  return {
    name: deployment.metadata?.name ?? '',
    namespace: deployment.metadata?.namespace ?? '',
    ready: `${status?.readyReplicas ?? 0}/${desired}`,
    desired,
    updated: status?.updatedReplicas ?? 0,
    available: status?.availableReplicas ?? 0,
    images: (deployment.spec?.template.spec?.containers ?? []).map((container) => container.image ?? ''),
    revision: Number.isFinite(revision) ? revision : 0,
    strategy: deployment.spec?.strategy?.type ?? 'RollingUpdate',
    ...ageOf(deployment.metadata, now),
  };
}

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';

/** Roles as kubectl get nodes shows them: node-role.kubernetes.io/<role> labels, or kubernetes.io/role. */
export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = Object.keys(labels)
    .filter((key) => key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length)
    .map((key) => key.slice(ROLE_LABEL_PREFIX.length));
  const legacy = labels['kubernetes.io/role'];
  if (legacy !== undefined && legacy !== '') roles.push(legacy);
  return [...new Set(roles)].sort();
}

function resources(values: Record<string, string> | undefined) {
  return { cpu: values?.['cpu'] ?? '', memory: values?.['memory'] ?? '', pods: values?.['pods'] ?? '' };
}

export function nodeSummary(node: V1Node, podCount: number, now: number): NodeSummary {
  const conditions = node.status?.conditions ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  const readiness = ready?.status === 'True' ? 'Ready' : ready?.status === 'Unknown' || !ready ? 'Unknown' : 'NotReady';
  return {
    name: node.metadata?.name ?? '',
    status: `${readiness === 'Unknown' ? 'NotReady' : readiness}${node.spec?.unschedulable ? ',SchedulingDisabled' : ''}`,
    roles: nodeRoles(node.metadata?.labels ?? {}),
    version: node.status?.nodeInfo?.kubeletVersion ?? '',
    ...ageOf(node.metadata, now),
    internalIP: node.status?.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '',
    capacity: resources(node.status?.capacity),
    allocatable: resources(node.status?.allocatable),
    conditions: conditions.map((condition) => ({
      type: condition.type,
      status: condition.status,
      reason: condition.reason ?? '',
      message: condition.message ?? '',
    })),
    taints: (node.spec?.taints ?? []).map((taint) =>
      taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`,
    ),
    podCount,
  };
}

/** When the event last happened: lastTimestamp, or the series / eventTime of events.k8s.io-style events. */
export function eventLastSeen(event: CoreV1Event): string {
  return (
    isoTime(event.lastTimestamp) ||
    isoTime(event.series?.lastObservedTime) ||
    isoTime(event.eventTime) ||
    isoTime(event.metadata?.creationTimestamp)
  );
}

export function eventSummary(event: CoreV1Event): EventSummary {
  const lastSeen = eventLastSeen(event);
  return {
    namespace: event.metadata?.namespace ?? event.involvedObject.namespace ?? '',
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    object: `${event.involvedObject.kind ?? ''}/${event.involvedObject.name ?? ''}`,
    message: (event.message ?? '').trim(),
    count: event.count ?? event.series?.count ?? 1,
    firstSeen: isoTime(event.firstTimestamp) || isoTime(event.eventTime) || lastSeen,
    lastSeen,
  };
}
