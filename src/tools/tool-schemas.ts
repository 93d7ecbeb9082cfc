import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { containerNameSchema, labelSelectorSchema, namespaceSchema, resourceNameSchema } from './kubernetes-names.js';

/** The twelve tools of DESIGN.md, in its order. */
export const TOOL_NAMES = [
  'list_pods',
  'get_pod_logs',
  'describe_resource',
  'list_events',
  'list_deployments',
  'get_rollout_history',
  'list_nodes',
  'restart_deployment',
  'scale_deployment',
  'rollback_deployment',
  'delete_resource',
  'apply_manifest',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name);
}

export const RESOURCE_KINDS = [
  'pod',
  'deployment',
  'statefulset',
  'daemonset',
  'service',
  'ingress',
  'configmap',
  'node',
  'job',
  'cronjob',
  'hpa',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** True when the text is YAML with at least one document and every document is a mapping. */
export function isManifestYaml(text: string): boolean {
  if (text.trim() === '') return false;
  const documents = parseAllDocuments(text);
  if (documents.some((doc) => doc.errors.length > 0)) return false;
  const values = documents.map((doc) => doc.toJS() as unknown).filter((v) => v !== null && v !== undefined);
  return values.length > 0 && values.every((v) => typeof v === 'object' && !Array.isArray(v));
}

const namespace = namespaceSchema.optional().describe('Kubernetes namespace; omit it to use the configured default namespace.');
const kind = z.enum(RESOURCE_KINDS).describe('Kind of resource, in lowercase.');

export const toolSchemas = {
  list_pods: z.strictObject({
    namespace,
    label_selector: labelSelectorSchema.optional().describe('Label selector, for example "app=web,tier!=cache".'),
  }),
  get_pod_logs: z.strictObject({
    pod: resourceNameSchema.describe('Name of the pod.'),
    namespace,
    container: containerNameSchema.optional().describe('Container in the pod; omit it for a single-container pod.'),
    tail_lines: z.int().min(1).max(5000).optional().describe('How many of the last lines to return (1-5000).'),
    previous: z.boolean().optional().describe('Logs of the previous, terminated container (after a restart).'),
  }),
  describe_resource: z.strictObject({
    kind,
    name: resourceNameSchema.describe('Name of the resource.'),
    namespace,
  }),
  list_events: z.strictObject({
    namespace,
    involved_object: resourceNameSchema.optional().describe('Only events about the object with this name.'),
    limit: z.int().min(1).max(500).optional().describe('At most this many events, newest first (1-500).'),
  }),
  list_deployments: z.strictObject({ namespace }),
  get_rollout_history: z.strictObject({
    name: resourceNameSchema.describe('Name of the deployment.'),
    namespace,
  }),
  list_nodes: z.strictObject({}),
  restart_deployment: z.strictObject({
    name: resourceNameSchema.describe('Name of the deployment.'),
    namespace,
  }),
  scale_deployment: z.strictObject({
    name: resourceNameSchema.describe('Name of the deployment.'),
    replicas: z.int().min(0).max(100).describe('Desired number of replicas (0-100).'),
    namespace,
  }),
  rollback_deployment: z.strictObject({
    name: resourceNameSchema.describe('Name of the deployment.'),
    revision: z.int().min(1).optional().describe('Revision to roll back to; omit it for the previous revision.'),
    namespace,
  }),
  delete_resource: z.strictObject({
    kind,
    name: resourceNameSchema.describe('Name of the resource.'),
    namespace,
  }),
  apply_manifest: z.strictObject({
    manifest: z
      .string()
      .min(1, 'must not be empty')
      .refine(isManifestYaml, 'must be non-empty YAML text whose documents are Kubernetes objects')
      .describe('The YAML manifest to apply; several documents may be separated by "---".'),
    namespace,
  }),
} as const satisfies { [N in ToolName]: z.ZodObject };

export type ToolSchemas = typeof toolSchemas;
export type ToolArgs<N extends ToolName> = z.infer<ToolSchemas[N]>;

/** One validated call; `name` discriminates the arguments. */
export type ToolCall = { [N in ToolName]: { name: N; arguments: ToolArgs<N> } }[ToolName];
