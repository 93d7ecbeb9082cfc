import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { ClusterError } from './cluster-error.js';
import { isDns1123Label as isDnsLabel, isDns1123Subdomain as isDnsSubdomain } from '../tools/kubernetes-names.js';
import type { JsonObject } from './results.js';

/** One object of a manifest, with the parts every backend and the scope check need pulled out. */
export interface ManifestDocument {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  /** everything besides apiVersion, kind and metadata (spec, data, ...) */
  body: JsonObject;
}

/** Kinds that live outside any namespace. */
export const CLUSTER_SCOPED_KINDS: readonly string[] = [
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.includes(kind);
}

// A manifest is meant for a person to approve; more objects than this is not a chat operation.
export const MAX_MANIFEST_DOCUMENTS = 50;

const stringMap = z.record(z.string(), z.string());
const documentSchema = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'kind must be a Kubernetes kind such as Deployment'),
    metadata: z.object({
      name: z.string().refine(isDnsSubdomain, 'metadata.name must be a DNS-1123 name'),
      namespace: z.string().refine(isDnsLabel, 'metadata.namespace must be a DNS-1123 label').optional(),
      labels: stringMap.optional(),
      annotations: stringMap.optional(),
    }),
  })
  .catchall(z.json());

function invalid(reason: string, document?: number): ClusterError {
  const where = document === undefined ? '' : ` (document ${document + 1})`;
  return new ClusterError('invalid', `invalid manifest${where}: ${reason}`, {
    field: 'manifest',
    reason,
    ...(document === undefined ? {} : { document: String(document + 1) }),
  });
}

function toDocument(value: unknown, index: number): ManifestDocument {
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw invalid(`${path ? `${path}: ` : ''}${issue?.message ?? 'not a Kubernetes object'}`, index);
  }
  const { apiVersion, kind, metadata, ...body } = parsed.data;
  return {
    apiVersion,
    kind,
    metadata: {
      name: metadata.name,
      ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
      labels: metadata.labels ?? {},
      annotations: metadata.annotations ?? {},
    },
    body,
  };
}

const listSchema = z.object({ kind: z.string().endsWith('List'), items: z.array(z.unknown()) });

/**
 * Parses YAML text (one or more documents, `kind: List` flattened) into Kubernetes objects.
 * Throws ClusterError 'invalid' for bad YAML, a document that is not an object, or an empty manifest.
 */
export function parseManifestDocuments(text: string): ManifestDocument[] {
  const values: unknown[] = [];
  for (const document of parseAllDocuments(text)) {
    const error = document.errors[0];
    if (error) throw invalid(error.message.split('\n')[0] ?? 'YAML syntax error', values.length);
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      // e.g. "Excessive alias count": a YAML alias bomb
      throw invalid(cause instanceof Error ? cause.message : 'YAML cannot be read', values.length);
    }
    if (value === null || value === undefined) continue;
    const list = listSchema.safeParse(value);
    if (list.success) values.push(...list.data.items);
    else values.push(value);
  }
  if (values.length === 0) throw invalid('no Kubernetes objects in the manifest');
  if (values.length > MAX_MANIFEST_DOCUMENTS) throw invalid(`more than ${MAX_MANIFEST_DOCUMENTS} objects`);
  return values.map(toDocument);
}

/** One object of a manifest by what identifies it, for lists a person reads (an approval card). */
export interface ManifestObjectRef {
  kind: string;
  apiVersion: string;
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
}

/**
 * Every object of a manifest, in order: its own namespace, else `fallbackNamespace` (the call's namespace or the
 * default one), none for cluster-scoped kinds. Throws ClusterError 'invalid' like parseManifestDocuments.
 */
export function manifestObjectRefs(text: string, fallbackNamespace: string | undefined): ManifestObjectRef[] {
  return parseManifestDocuments(text).map((document) => {
    const namespace = isClusterScopedKind(document.kind) ? undefined : (document.metadata.namespace ?? fallbackNamespace);
    return {
      kind: document.kind,
      apiVersion: document.apiVersion,
      name: document.metadata.name,
      ...(namespace === undefined ? {} : { namespace }),
    };
  });
}
