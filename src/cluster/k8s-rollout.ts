/**
 * Rollout history and rollback over a Deployment's ReplicaSets, following kubectl's rollout history and
 * rollout undo (k8s.io/kubectl/pkg/polymorphichelpers/rollback.go). Pure.
 */

import { ClusterError } from './cluster-error.js';
import type { JsonPatchOperation } from './k8s-requests.js';
import type { PodTemplate, WorkloadObject } from './k8s-objects.js';
import type { JsonValue, RolloutRevision } from './results.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Annotations rollout undo keeps from the Deployment instead of taking them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function revisionOf(object: WorkloadObject): number | null {
  const value = object.metadata.annotations?.[REVISION_ANNOTATION];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** The ReplicaSets the Deployment controls (controller owner reference), as kubectl's GetAllReplicaSets finds them. */
export function ownedReplicaSets(
  deployment: { metadata: { name: string; uid?: string | undefined } },
  replicaSets: WorkloadObject[],
): WorkloadObject[] {
  return replicaSets.filter((replicaSet) =>
    (replicaSet.metadata.ownerReferences ?? []).some(
      (owner) =>
        owner.controller === true &&
        owner.kind === 'Deployment' &&
        (deployment.metadata.uid === undefined ? owner.name === deployment.metadata.name : owner.uid === deployment.metadata.uid),
    ),
  );
}

export function templateImages(template: PodTemplate): string[] {
  return template.spec.containers.map((container) => container.image ?? '');
}

function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Deep equality where a missing field, null, {} and [] are alike (apimachinery's Semantic.DeepEqual). */
function semanticEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (a === undefined || b === undefined || a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => semanticEqual(item, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => semanticEqual(a[key], b[key]));
  }
  return a === b;
}

/** The template without the pod-template-hash label the ReplicaSet controller adds. */
export function withoutTemplateHash(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = copy.metadata.labels;
    copy.metadata.labels = labels;
  }
  return copy;
}

export function templatesEqualIgnoringHash(a: PodTemplate, b: PodTemplate): boolean {
  return semanticEqual(withoutTemplateHash(a), withoutTemplateHash(b));
}

/**
 * The ReplicaSet to roll back to: the one of `toRevision`, or (absent) the newest one before the latest,
 * exactly as kubectl picks it. Throws not_found like kubectl's "unable to find specified revision".
 */
export function pickRollbackTarget(
  deployment: WorkloadObject,
  replicaSets: WorkloadObject[],
  toRevision: number | undefined,
): WorkloadObject {
  let latest: { revision: number; replicaSet: WorkloadObject } | null = null;
  let previous: { revision: number; replicaSet: WorkloadObject } | null = null;
  for (const replicaSet of replicaSets) {
    const revision = revisionOf(replicaSet);
    if (revision === null) continue;
    if (toRevision !== undefined) {
      if (revision === toRevision) return replicaSet;
      continue;
    }
    if (latest === null || latest.revision < revision) {
      previous = latest;
      latest = { revision, replicaSet };
    } else if (previous === null || previous.revision < revision) {
      previous = { revision, replicaSet };
    }
  }
  const name = deployment.metadata.name;
  const namespace = deployment.metadata.namespace;
  const details = { kind: 'revision', deployment: name, ...(namespace === undefined ? {} : { namespace }) };
  if (toRevision !== undefined) {
    throw new ClusterError('not_found', `deployment "${name}": unable to find specified revision ${toRevision} in history`, {
      ...details,
      name: String(toRevision),
    });
  }
  if (previous === null) {
    throw new ClusterError('not_found', `no rollout history found for deployment "${name}" (no earlier revision)`, {
      ...details,
      name: 'previous',
    });
  }
  return previous.replicaSet;
}

/**
 * kubectl rollout undo's patch: replace /spec/template with the ReplicaSet's template (without the hash
 * label), and /metadata/annotations with the Deployment's bookkeeping annotations plus the ReplicaSet's others.
 */
export function rollbackPatch(deployment: WorkloadObject, target: WorkloadObject): JsonPatchOperation[] {
  const annotations: Record<string, string> = {};
  const current = deployment.metadata.annotations ?? {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = current[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(target.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  }
  return [
    { op: 'replace', path: '/spec/template', value: withoutTemplateHash(target.spec.template) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** The revision number the controller gives the next new template. */
export function nextRevision(deployment: WorkloadObject, replicaSets: WorkloadObject[]): number {
  const revisions = [deployment, ...replicaSets].map(revisionOf).filter((revision): revision is number => revision !== null);
  return Math.max(0, ...revisions) + 1;
}

/** An API timestamp ("2025-06-01T12:00:00Z") in the ISO form every result uses; "" when absent or unreadable. */
export function isoTimestamp(value: string | undefined): string {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** `kubectl rollout history`, oldest first. */
export function rolloutHistory(deployment: WorkloadObject, replicaSets: WorkloadObject[]): RolloutRevision[] {
  const current = revisionOf(deployment);
  return replicaSets
    .map((replicaSet) => ({ replicaSet, revision: revisionOf(replicaSet) }))
    .filter((entry): entry is { replicaSet: WorkloadObject; revision: number } => entry.revision !== null)
    .sort((a, b) => a.revision - b.revision)
    .map(({ replicaSet, revision }) => ({
      revision,
      images: templateImages(replicaSet.spec.template),
      changeCause: replicaSet.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? null,
      createdAt: isoTimestamp(replicaSet.metadata.creationTimestamp),
      current: revision === current,
    }));
}
