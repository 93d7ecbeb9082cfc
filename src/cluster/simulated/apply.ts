/** apply_manifest on the simulated cluster: create or update each object of a manifest, with a diff against the live one. */

import { ClusterError } from '../cluster-error.js';
import { isClusterScopedKind, parseManifestDocuments, type ManifestDocument } from '../manifest-documents.js';
import { catalogKindOf, kubectlResourceName } from '../resource-kinds.js';
import type { AppliedObject, JsonObject, JsonValue } from '../results.js';
import { unifiedDiff } from '../text-diff.js';
import type { ManifestRequest } from '../capability-inputs.js';
import { requireNamespace, SIMULATED_FALLBACK_NAMESPACE } from './lookups.js';
import { bodyExtraOf, manifestYaml, readPodSpec, readWorkloadSpec, renderContainer, renderObject, renderWorkload } from './manifests.js';
import { randomInt } from './random.js';
import { allocateIp, chooseNode, reconcile } from './reconcile.js';
import { commitTemplate, templateHash } from './revisions.js';
import { stableStringify } from './stable-json.js';
import {
  objectKey,
  podKey,
  workloadKey,
  type SimulatedObject,
  type SimulatedPod,
  type SimulatedState,
  type SimulatedWorkload,
  type SimulatedWorkloadKind,
} from './state.js';
import type { SimulatedWriteOutcome } from './writes.js';

const WORKLOAD_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet'];
// kubectl rollout restart sets this annotation outside kubectl apply's view, so apply leaves it in place.
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

interface DocumentOutcome {
  target: AppliedObject;
  resource: string;
  before: JsonObject | null;
  after: JsonObject;
  notes: string[];
}

function outcomeOf(before: JsonObject | null, after: JsonObject): AppliedObject['outcome'] {
  if (before === null) return 'created';
  return stableStringify(before) === stableStringify(after) ? 'unchanged' : 'configured';
}

function target(document: ManifestDocument, namespace: string | null, before: JsonObject | null, after: JsonObject): AppliedObject {
  return {
    kind: catalogKindOf(document.kind) ?? document.kind,
    name: document.metadata.name,
    ...(namespace === null ? {} : { namespace }),
    outcome: outcomeOf(before, after),
  };
}

function applyWorkload(state: SimulatedState, document: ManifestDocument, namespace: string, now: number): DocumentOutcome {
  if (document.apiVersion !== 'apps/v1') {
    throw new ClusterError('invalid', `no matches for kind "${document.kind}" in version "${document.apiVersion}"`, {
      kind: document.kind,
      name: document.metadata.name,
      field: 'apiVersion',
    });
  }
  const kind = document.kind as SimulatedWorkloadKind;
  const spec = readWorkloadSpec({ ...document, kind });
  const key = workloadKey(kind, namespace, document.metadata.name);
  const live = state.workloads.get(key);
  const before = live ? renderWorkload(live) : null;
  const changeCause = document.metadata.annotations[CHANGE_CAUSE] ?? null;
  const notes: string[] = [];
  const bodyExtra = bodyExtraOf(document);

  if (!live) {
    const hash = templateHash(spec.template);
    const workload: SimulatedWorkload = {
      kind,
      apiVersion: document.apiVersion,
      name: document.metadata.name,
      namespace,
      createdAt: now,
      labels: document.metadata.labels,
      annotations: document.metadata.annotations,
      replicas: spec.replicas ?? 1,
      selector: spec.selector,
      strategy: spec.strategy ?? 'RollingUpdate',
      specExtra: spec.specExtra,
      template: spec.template,
      templateHash: hash,
      revision: 1,
      history: [{ revision: 1, template: structuredClone(spec.template), templateHash: hash, createdAt: now, changeCause }],
      ...(bodyExtra ? { bodyExtra } : {}),
    };
    state.workloads.set(key, workload);
    const after = renderWorkload(workload);
    const resource = kubectlResourceName(document.apiVersion, kind, workload.name);
    return { target: target(document, namespace, null, after), resource, before, after, notes };
  }

  if (stableStringify(spec.selector) !== stableStringify(live.selector)) {
    throw new ClusterError('invalid', `${kind} ${live.name}: spec.selector: field is immutable`, {
      kind,
      name: live.name,
      namespace,
      field: 'spec.selector',
    });
  }
  live.labels = document.metadata.labels;
  live.annotations = document.metadata.annotations;
  if (spec.replicas !== undefined) live.replicas = spec.replicas;
  if (spec.strategy !== undefined) live.strategy = spec.strategy;
  live.specExtra = spec.specExtra;
  if (bodyExtra) live.bodyExtra = bodyExtra;
  else delete live.bodyExtra;
  const restartedAt = live.template.annotations[RESTARTED_AT];
  if (restartedAt !== undefined && spec.template.annotations[RESTARTED_AT] === undefined) {
    spec.template.annotations[RESTARTED_AT] = restartedAt;
  }
  const previousRevision = live.revision;
  if (commitTemplate(live, spec.template, now, changeCause) && kind === 'Deployment') {
    const revisions = `revision ${previousRevision} → ${live.revision}`;
    notes.push(`deployment ${live.name}: the pod template changes (${revisions}); its pods are replaced`);
  }
  const after = renderWorkload(live);
  const resource = kubectlResourceName(document.apiVersion, kind, live.name);
  return { target: target(document, namespace, before, after), resource, before, after, notes };
}

function renderBarePod(pod: SimulatedPod): JsonObject {
  return renderObject(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      name: pod.name,
      namespace: pod.namespace,
      createdAt: pod.createdAt,
      labels: pod.labels,
      annotations: pod.annotations ?? {},
      body: { spec: { containers: pod.containers.map(renderContainer), ...pod.specExtra }, ...pod.bodyExtra },
    },
    { redactSecrets: false },
  );
}

function applyPod(state: SimulatedState, document: ManifestDocument, namespace: string, now: number): DocumentOutcome {
  const { containers, specExtra } = readPodSpec(document);
  const bodyExtra = bodyExtraOf(document);
  const key = podKey(namespace, document.metadata.name);
  const live = state.pods.get(key);
  const candidate: SimulatedPod = {
    name: document.metadata.name,
    namespace,
    createdAt: live?.createdAt ?? now,
    nodeName: live?.nodeName ?? chooseNode(state, { name: document.metadata.name, namespace }),
    ip: live?.ip ?? '',
    owner: live?.owner ?? null,
    templateHash: live?.templateHash ?? '',
    labels: document.metadata.labels,
    containers,
    annotations: document.metadata.annotations,
    specExtra,
    ...(bodyExtra ? { bodyExtra } : {}),
  };
  const before = live ? renderBarePod(live) : null;
  const after = renderBarePod(candidate);
  if (live && stableStringify(before) !== stableStringify(after)) {
    const message = `Pod ${live.name}: a pod's spec cannot be changed; delete the pod and apply it again`;
    throw new ClusterError('invalid', message, {
      kind: 'pod',
      name: live.name,
      namespace,
      field: 'spec',
    });
  }
  if (!live) state.pods.set(key, { ...candidate, ip: allocateIp(state, candidate.nodeName) });
  const resource = kubectlResourceName('v1', 'Pod', candidate.name);
  return { target: target(document, namespace, before, after), resource, before, after, notes: [] };
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Services keep their cluster IP across applies; a new one gets a free address. */
function withServiceDefaults(state: SimulatedState, body: JsonObject, live: SimulatedObject | undefined): JsonObject {
  const spec = isJsonObject(body['spec']) ? { ...body['spec'] } : {};
  const liveSpec = live?.body['spec'];
  const liveIp = isJsonObject(liveSpec) ? liveSpec['clusterIP'] : undefined;
  spec['type'] ??= 'ClusterIP';
  if (spec['clusterIP'] === undefined) {
    spec['clusterIP'] = typeof liveIp === 'string' ? liveIp : `10.43.${randomInt(state, 255)}.${1 + randomInt(state, 253)}`;
  }
  return { ...body, spec };
}

function applyObject(state: SimulatedState, document: ManifestDocument, namespace: string | null, now: number): DocumentOutcome {
  const key = objectKey(document.kind, namespace, document.metadata.name);
  const live = state.objects.get(key);
  const body = document.kind === 'Service' ? withServiceDefaults(state, document.body, live) : document.body;
  const object: SimulatedObject = {
    apiVersion: document.apiVersion,
    kind: document.kind,
    name: document.metadata.name,
    namespace,
    createdAt: live?.createdAt ?? now,
    labels: document.metadata.labels,
    annotations: document.metadata.annotations,
    body,
  };
  // Compare unredacted, show redacted: a changed Secret value still counts as a change.
  const plain = (value: SimulatedObject) => stableStringify(renderObject(value, { redactSecrets: false }));
  const changed = !live || plain(live) !== plain(object);
  state.objects.set(key, object);
  const before = live ? renderObject(live, { redactSecrets: true }) : null;
  const after = renderObject(object, { redactSecrets: true });
  const applied = target(document, namespace, before, after);
  applied.outcome = !live ? 'created' : changed ? 'configured' : 'unchanged';
  const notes = document.kind === 'Secret' ? [`secret ${object.name}: values are not shown`] : [];
  const resource = kubectlResourceName(document.apiVersion, document.kind, object.name);
  return { target: applied, resource, before, after, notes };
}

function applyNamespace(state: SimulatedState, document: ManifestDocument, now: number): DocumentOutcome {
  const name = document.metadata.name;
  const live = state.namespaces.get(name);
  const render = (labels: Record<string, string>, annotations: Record<string, string>, body: JsonObject): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
      ...(Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
    },
    ...body,
  });
  const before = live ? render(live.labels, live.annotations ?? {}, live.body ?? {}) : null;
  const { labels, annotations } = document.metadata;
  const body = document.body;
  state.namespaces.set(name, {
    createdAt: live?.createdAt ?? now,
    labels,
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ...(Object.keys(body).length ? { body } : {}),
  });
  const after = render(labels, annotations, body);
  return { target: target(document, null, before, after), resource: `namespace/${name}`, before, after, notes: [] };
}

function applyDocument(state: SimulatedState, document: ManifestDocument, fallback: string, now: number): DocumentOutcome {
  if (document.kind === 'Namespace') return applyNamespace(state, document, now);
  if (document.kind === 'Node') {
    const message = 'nodes register themselves; the simulated cluster does not create Node objects from manifests';
    throw new ClusterError('invalid', message, {
      kind: 'Node',
      name: document.metadata.name,
    });
  }
  if (isClusterScopedKind(document.kind)) return applyObject(state, document, null, now);
  const namespace = requireNamespace(state, document.metadata.namespace ?? fallback);
  if (WORKLOAD_KINDS.includes(document.kind)) return applyWorkload(state, document, namespace, now);
  if (document.kind === 'Pod') return applyPod(state, document, namespace, now);
  return applyObject(state, document, namespace, now);
}

export function applyManifest(state: SimulatedState, args: ManifestRequest, now: number): SimulatedWriteOutcome {
  const documents = parseManifestDocuments(args.manifest);
  const fallback = args.namespace ?? SIMULATED_FALLBACK_NAMESPACE;
  const outcomes = documents.map((document) => applyDocument(state, document, fallback, now));
  reconcile(state, now);

  const diff = outcomes
    .map((outcome) => {
      const path = [outcome.target.kind, outcome.target.namespace, outcome.target.name].filter(Boolean).join('/');
      const labels = { before: `live/${path}`, after: `manifest/${path}` };
      return unifiedDiff(manifestYaml(outcome.before), manifestYaml(outcome.after), labels);
    })
    .join('');
  const first = outcomes[0].target;
  return {
    result: {
      action: 'apply',
      kind: first.kind,
      name: first.name,
      ...(first.namespace === undefined ? {} : { namespace: first.namespace }),
      changed: outcomes.some((outcome) => outcome.target.outcome !== 'unchanged'),
      objects: outcomes.map((outcome) => outcome.target),
      message: outcomes.map((outcome) => `${outcome.resource} ${outcome.target.outcome}`).join('\n'),
    },
    diff,
    notes: outcomes.flatMap((outcome) => outcome.notes),
  };
}
