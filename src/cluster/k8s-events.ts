/** Which events list_events returns for an involved_object filter ("name" or "kind/name"). Pure. */

import type { EventSummary } from './results.js';

/** Short and plural names kubectl accepts, to the manifest Kind of events' involvedObject. */
const KIND_ALIASES: Record<string, string> = {
  pod: 'Pod',
  po: 'Pod',
  deployment: 'Deployment',
  deploy: 'Deployment',
  replicaset: 'ReplicaSet',
  rs: 'ReplicaSet',
  statefulset: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  ds: 'DaemonSet',
  service: 'Service',
  svc: 'Service',
  ingress: 'Ingress',
  ing: 'Ingress',
  configmap: 'ConfigMap',
  cm: 'ConfigMap',
  node: 'Node',
  no: 'Node',
  job: 'Job',
  cronjob: 'CronJob',
  cj: 'CronJob',
  hpa: 'HorizontalPodAutoscaler',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler',
  persistentvolumeclaim: 'PersistentVolumeClaim',
  pvc: 'PersistentVolumeClaim',
};

/** Kinds whose pods (and ReplicaSets or Jobs) an operator means when naming them. */
const OWNER_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const OWNED_KINDS = new Set(['Pod', 'ReplicaSet', 'Job']);

export function normalizeEventKind(kind: string): string {
  const lower = kind.toLowerCase();
  const singular = lower.endsWith('ses') ? lower.slice(0, -2) : lower.endsWith('s') ? lower.slice(0, -1) : lower;
  return KIND_ALIASES[lower] ?? KIND_ALIASES[singular] ?? kind;
}

export interface InvolvedObjectFilter {
  kind?: string;
  name: string;
}

export function parseInvolvedObject(filter: string): InvolvedObjectFilter {
  const slash = filter.indexOf('/');
  if (slash === -1) return { name: filter };
  return { kind: normalizeEventKind(filter.slice(0, slash)), name: filter.slice(slash + 1) };
}

// Generated name suffixes use apimachinery's rand alphabet (no vowels), so "api" does not match "api-gateway-…".
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
function ownedNamePattern(owner: string): RegExp {
  const escaped = owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}-(?:${SAFE}{1,10}(?:-${SAFE}{5})?|\\d+(?:-${SAFE}{5})?)$`);
}

/**
 * A server-side fieldSelector when the filter names one object of a kind that owns nothing; otherwise the
 * namespace's events are read and matched here, because a workload's name also means its pods.
 */
export function eventFieldSelector(filter: InvolvedObjectFilter): string | undefined {
  if (filter.kind === undefined || OWNER_KINDS.has(filter.kind)) return undefined;
  return `involvedObject.kind=${filter.kind},involvedObject.name=${filter.name}`;
}

/** The object itself, or (for a name that may be a workload) its pods, ReplicaSets and Jobs. */
export function eventMatches(event: EventSummary, filter: InvolvedObjectFilter): boolean {
  const slash = event.object.indexOf('/');
  const kind = event.object.slice(0, slash);
  const name = event.object.slice(slash + 1);
  if (name === filter.name && (filter.kind === undefined || kind === filter.kind)) return true;
  if (filter.kind !== undefined && !OWNER_KINDS.has(filter.kind)) return false;
  return OWNED_KINDS.has(kind) && ownedNamePattern(filter.name).test(name);
}

/** Newest first, as an operator reads them, then at most `limit`. */
export function selectEvents(events: EventSummary[], filter: InvolvedObjectFilter | undefined, limit: number): EventSummary[] {
  return events
    .filter((event) => filter === undefined || eventMatches(event, filter))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.object.localeCompare(b.object))
    .slice(0, limit);
}
