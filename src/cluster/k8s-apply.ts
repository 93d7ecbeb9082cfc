/**
 * apply_manifest against the API server: server-side apply of each object with the bot as field manager.
 * Every object is first applied with dryRun=All, so a manifest one object of which the server refuses is not
 * half applied; the dry-run results are also what the preview's diff compares with the live objects.
 */

import { ClusterError } from './cluster-error.js';
import { sendRaw, type KubeExecutorContext } from './k8s-context.js';
import { cleanForDiff, liveVersusDryRunDiff, objectYaml } from './k8s-diff.js';
import { kubeObjectSchema, parseKube } from './k8s-objects.js';
import { apiGroupOf, resourceTypeForManifest, type KubeResourceType } from './k8s-resource-paths.js';
import { applyObjectRequest, getObjectRequest } from './k8s-requests.js';
import { parseManifestDocuments, type ManifestDocument } from './manifest-documents.js';
import { catalogKindOf, kubectlResourceName } from './resource-kinds.js';
import type { AppliedObject, ChangePreview, ChangeResult, JsonObject } from './results.js';
import type { ManifestRequest } from './capability-inputs.js';

type AppliedBody = JsonObject & { apiVersion: string; metadata: { name: string; namespace?: string } };

interface PlannedObject {
  document: ManifestDocument;
  type: KubeResourceType;
  namespace: string | undefined;
  body: AppliedBody;
  live: JsonObject | null;
}

/** The object as sent: the manifest's own fields, with the namespace filled in for namespaced kinds. */
function appliedBody(document: ManifestDocument, namespace: string | undefined): AppliedBody {
  const { labels, annotations } = document.metadata;
  return {
    apiVersion: document.apiVersion,
    kind: document.kind,
    metadata: {
      name: document.metadata.name,
      ...(namespace === undefined ? {} : { namespace }),
      ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
    },
    ...document.body,
  };
}

function callFor(planned: Pick<PlannedObject, 'type' | 'document' | 'namespace'>, verb: string) {
  return {
    verb,
    resource: planned.type.plural,
    group: apiGroupOf(planned.document.apiVersion),
    name: planned.document.metadata.name,
    kind: planned.document.kind,
    ...(planned.namespace === undefined ? {} : { namespace: planned.namespace }),
  };
}

async function readLive(context: KubeExecutorContext, planned: Omit<PlannedObject, 'live'>): Promise<JsonObject | null> {
  const target = { name: planned.document.metadata.name, ...(planned.namespace === undefined ? {} : { namespace: planned.namespace }) };
  try {
    const body = await sendRaw(context, callFor(planned, 'get'), getObjectRequest(planned.type, planned.document.apiVersion, target));
    return parseKube(kubeObjectSchema, body, `${planned.document.kind} ${target.name}`);
  } catch (error) {
    if (error instanceof ClusterError && error.code === 'not_found') return null;
    throw error;
  }
}

async function planApply(context: KubeExecutorContext, args: ManifestRequest): Promise<PlannedObject[]> {
  const documents = parseManifestDocuments(args.manifest);
  // Refuse unsupported kinds before anything is sent.
  const typed = documents.map((document) => ({
    document,
    type: resourceTypeForManifest(document.apiVersion, document.kind, document.metadata.name),
  }));
  const planned: PlannedObject[] = [];
  for (const { document, type } of typed) {
    const namespace = type.namespaced ? (document.metadata.namespace ?? args.namespace ?? 'default') : undefined;
    const partial = { document, type, namespace, body: appliedBody(document, namespace) };
    planned.push({ ...partial, live: await readLive(context, partial) });
  }
  return planned;
}

async function applyOne(context: KubeExecutorContext, planned: PlannedObject, dryRun: boolean): Promise<JsonObject> {
  const request = applyObjectRequest(planned.type, planned.body, { fieldManager: context.fieldManager, dryRun });
  const body = await sendRaw(context, callFor(planned, 'patch'), request);
  return parseKube(kubeObjectSchema, body, `${planned.document.kind} ${planned.document.metadata.name}`);
}

function outcomeOf(live: JsonObject | null, result: JsonObject): AppliedObject['outcome'] {
  if (live === null) return 'created';
  return objectYaml(cleanForDiff(live)) === objectYaml(cleanForDiff(result)) ? 'unchanged' : 'configured';
}

function applied(planned: PlannedObject, result: JsonObject): AppliedObject {
  return {
    kind: catalogKindOf(planned.document.kind) ?? planned.document.kind,
    name: planned.document.metadata.name,
    ...(planned.namespace === undefined ? {} : { namespace: planned.namespace }),
    outcome: outcomeOf(planned.live, result),
  };
}

function notesFor(planned: PlannedObject, result: JsonObject): string[] {
  const notes: string[] = [];
  const name = planned.document.metadata.name;
  if (planned.document.kind === 'Secret') notes.push(`secret ${name}: values are not shown`);
  const template = (object: JsonObject | null) => {
    const spec = object?.['spec'];
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec) || spec['template'] === undefined) return '';
    return objectYaml({ template: spec['template'] });
  };
  if (planned.document.kind === 'Deployment' && planned.live !== null && template(planned.live) !== template(result)) {
    notes.push(`deployment ${name}: the pod template changes; its pods are replaced`);
  }
  return notes;
}

function objectPath(object: AppliedObject): string {
  return [object.kind, object.namespace, object.name].filter(Boolean).join('/');
}

function changeResult(planned: PlannedObject[], objects: AppliedObject[]): ChangeResult {
  const first = objects[0];
  return {
    action: 'apply',
    kind: first.kind,
    name: first.name,
    ...(first.namespace === undefined ? {} : { namespace: first.namespace }),
    changed: objects.some((object) => object.outcome !== 'unchanged'),
    objects,
    message: objects
      .map((object, index) => {
        const document = planned[index].document;
        return `${kubectlResourceName(document.apiVersion, document.kind, object.name)} ${object.outcome}`;
      })
      .join('\n'),
  };
}

export async function applyManifest(context: KubeExecutorContext, args: ManifestRequest): Promise<ChangeResult> {
  const planned = await planApply(context, args);
  for (const object of planned) await applyOne(context, object, true);
  const objects: AppliedObject[] = [];
  for (const object of planned) objects.push(applied(object, await applyOne(context, object, false)));
  return changeResult(planned, objects);
}

export async function previewApply(context: KubeExecutorContext, args: ManifestRequest): Promise<ChangePreview> {
  const planned = await planApply(context, args);
  const objects: AppliedObject[] = [];
  const diffs: string[] = [];
  const notes: string[] = [];
  for (const object of planned) {
    const result = await applyOne(context, object, true);
    const summary = applied(object, result);
    objects.push(summary);
    diffs.push(liveVersusDryRunDiff(object.live, result, objectPath(summary)));
    notes.push(...notesFor(object, result));
  }
  const result = changeResult(planned, objects);
  if (!result.changed) notes.unshift(`no change: ${result.message.replace(/\n/g, ', ')}`);
  return {
    action: 'apply',
    target: { kind: result.kind, name: result.name, ...(result.namespace === undefined ? {} : { namespace: result.namespace }) },
    current: null,
    after: { objects: objects.map((object) => ({ ...object })) },
    affectedPods: [],
    diff: diffs.join(''),
    dryRun: 'server',
    notes,
  };
}
