import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { isManifestYaml, namespaceArgument } from '../arguments.js';
import { catalogKindRules } from '../rbac.js';
import { changeTool } from '../tool-module.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Namespaces named inside a manifest: each object's metadata.namespace, and the name of a Namespace object. */
export function manifestNamespaces(manifest: string): string[] {
  const found: string[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (!isRecord(value) || !isRecord(value['metadata'])) continue;
    const metadata = value['metadata'];
    if (typeof metadata['namespace'] === 'string') found.push(metadata['namespace']);
    if (value['kind'] === 'Namespace' && typeof metadata['name'] === 'string') found.push(metadata['name']);
  }
  return found;
}

export const applyManifest = changeTool({
  name: 'apply_manifest',
  description:
    'Create or update the Kubernetes objects in a YAML manifest (server-side apply). Changes the cluster: a ' +
    'person must approve it first.',
  schema: z.strictObject({
    manifest: z
      .string()
      .min(1, 'must not be empty')
      .refine(isManifestYaml, 'must be non-empty YAML text whose documents are Kubernetes objects')
      .describe('The YAML manifest to apply; several documents may be separated by "---".'),
    namespace: namespaceArgument,
  }),
  risk: 'critical',
  bodyParameter: 'manifest',
  namedNamespaces: (args) => manifestNamespaces(args.manifest),
  // Server-side apply is a PATCH; on an object that does not exist yet the API server creates it and also
  // authorizes the verb create (kube-apiserver endpoints/handlers/patch.go), so both. get is for the preview's
  // diff. Only the catalog's namespaced kinds: a Secret, Role, Namespace or CRD is refused by the API server too.
  rbac: catalogKindRules(['get', 'create', 'patch']),
  run: (args, executor) => executor.apply_manifest(args),
});
