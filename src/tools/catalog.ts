import { z } from 'zod';
import { BASE_RISK, type Risk } from './tool-risk.js';
import { TOOL_NAMES, toolSchemas, type ToolName, type ToolSchemas } from './tool-schemas.js';

export { TOOL_NAMES, RESOURCE_KINDS, isToolName, toolSchemas } from './tool-schemas.js';
export type { ToolArgs, ToolCall, ToolName, ResourceKind } from './tool-schemas.js';
export { baseRisk, effectiveRisk, isReadOnly, namespacesTouched, ALWAYS_PROTECTED_NAMESPACES } from './tool-risk.js';
export type { Risk, RiskOptions } from './tool-risk.js';
export { validateToolCall } from './validate-tool-call.js';
export type { ValidationResult } from './validate-tool-call.js';

/** What models read about each tool. Say what it does, what it returns and what it changes. */
const DESCRIPTIONS: { readonly [N in ToolName]: string } = {
  list_pods: 'List the pods in a namespace with their phase, readiness, restart count and age. Read-only.',
  get_pod_logs:
    'Read the recent log lines of a pod (or of one of its containers). Use previous=true to read the logs of ' +
    'the container that crashed before the current one. Read-only.',
  describe_resource:
    'Describe one Kubernetes object (pod, deployment, statefulset, daemonset, service, ingress, configmap, node, ' +
    'job, cronjob or hpa): its spec, status, conditions and recent events. Read-only.',
  list_events:
    'List recent Kubernetes events in a namespace, newest first, optionally only those about one object. ' +
    'Useful to find why something fails to start or schedule. Read-only.',
  list_deployments: 'List the deployments in a namespace with desired, ready and available replicas and their images. Read-only.',
  get_rollout_history: 'Show the rollout history (revisions) of a deployment. Read-only.',
  list_nodes: 'List the cluster nodes with their status, roles, version and resource pressure. Read-only.',
  restart_deployment: 'Restart all pods of a deployment with a rolling restart. Changes the cluster: a person must approve it first.',
  scale_deployment:
    'Set the number of replicas of a deployment (0-100). Changes the cluster: a person must approve it first; ' +
    'scaling to 0 stops the service.',
  rollback_deployment:
    'Roll a deployment back to an earlier revision (the previous one when no revision is given). Changes the ' +
    'cluster: a person must approve it first.',
  delete_resource: 'Delete one Kubernetes object. Destructive and irreversible: a person must approve it first.',
  apply_manifest:
    'Create or update the Kubernetes objects in a YAML manifest (server-side apply). Changes the cluster: a ' +
    'person must approve it first.',
};

export interface CatalogEntry<N extends ToolName> {
  name: N;
  risk: Risk;
  description: string;
  schema: ToolSchemas[N];
}

function entry<N extends ToolName>(name: N): CatalogEntry<N> {
  return { name, risk: BASE_RISK[name], description: DESCRIPTIONS[name], schema: toolSchemas[name] };
}

export const toolCatalog: { readonly [N in ToolName]: CatalogEntry<N> } = {
  list_pods: entry('list_pods'),
  get_pod_logs: entry('get_pod_logs'),
  describe_resource: entry('describe_resource'),
  list_events: entry('list_events'),
  list_deployments: entry('list_deployments'),
  get_rollout_history: entry('get_rollout_history'),
  list_nodes: entry('list_nodes'),
  restart_deployment: entry('restart_deployment'),
  scale_deployment: entry('scale_deployment'),
  rollback_deployment: entry('rollback_deployment'),
  delete_resource: entry('delete_resource'),
  apply_manifest: entry('apply_manifest'),
};

export interface OpenAiTool {
  type: 'function';
  function: { name: ToolName; description: string; parameters: Record<string, unknown> };
}

/** JSON schema for one tool, generated from its zod schema (the single source). */
// Derived once: the schemas never change, and rebuilding them on every model turn was a fifth of a worker's CPU.
const jsonSchemas = new Map<ToolName, Record<string, unknown>>();

/** The JSON schema models see for one tool. Shared and cached: read it, never change it. */
export function toolJsonSchema(name: ToolName): Readonly<Record<string, unknown>> {
  let schema = jsonSchemas.get(name);
  if (!schema) {
    // `$schema` is noise to model APIs; some OpenAI-compatible servers reject unknown top-level keys.
    const { $schema: _ignored, ...rest } = z.toJSONSchema(toolSchemas[name]) as Record<string, unknown>;
    schema = rest;
    jsonSchemas.set(name, schema);
  }
  return schema;
}

/** The OpenAI-style `tools` array for a chat completion request, optionally only some tools. */
export function openAiTools(filter: (name: ToolName) => boolean = () => true): OpenAiTool[] {
  return TOOL_NAMES.filter(filter).map((name) => ({
    type: 'function',
    function: { name, description: DESCRIPTIONS[name], parameters: toolJsonSchema(name) },
  }));
}
