import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { RESOURCE_KINDS } from '../cluster/resource-kinds.js';
import { namespaceSchema, resourceNameSchema } from './kubernetes-names.js';

/** Arguments several tools share, described once so models read the same words everywhere. */

export const namespaceArgument = namespaceSchema
  .optional()
  .describe('Kubernetes namespace; omit it to use the configured default namespace.');

export const kindArgument = z.enum(RESOURCE_KINDS).describe('Kind of resource, in lowercase.');

export const resourceNameArgument = resourceNameSchema.describe('Name of the resource.');

export const deploymentNameArgument = resourceNameSchema.describe('Name of the deployment.');

/** True when the text is YAML with at least one document and every document is a mapping. */
export function isManifestYaml(text: string): boolean {
  if (text.trim() === '') return false;
  const documents = parseAllDocuments(text);
  if (documents.some((doc) => doc.errors.length > 0)) return false;
  const values = documents.map((doc) => doc.toJS() as unknown).filter((v) => v !== null && v !== undefined);
  return values.length > 0 && values.every((v) => typeof v === 'object' && !Array.isArray(v));
}
