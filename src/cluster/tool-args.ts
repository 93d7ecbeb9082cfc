/**
 * Argument types of the twelve cluster tools, exactly as DESIGN.md's tool catalog names them.
 * The catalog's zod schemas (src/tools/) validate model output; their inferred types are assignable to these.
 */

import { RESOURCE_KINDS, TOOL_NAMES, isToolName, type ResourceKind, type ToolName } from '../tools/tool-schemas.js';

// One list of kinds and tool names for the whole codebase: the catalog's.
export { RESOURCE_KINDS, TOOL_NAMES, isToolName, type ResourceKind, type ToolName };

export const READ_TOOL_NAMES = [
  'list_pods',
  'get_pod_logs',
  'describe_resource',
  'list_events',
  'list_deployments',
  'get_rollout_history',
  'list_nodes',
] as const;
export const WRITE_TOOL_NAMES = [
  'restart_deployment',
  'scale_deployment',
  'rollback_deployment',
  'delete_resource',
  'apply_manifest',
] as const;

export type ReadToolName = (typeof READ_TOOL_NAMES)[number];
export type WriteToolName = (typeof WRITE_TOOL_NAMES)[number];

export interface ListPodsArgs {
  namespace?: string;
  label_selector?: string;
}
export interface GetPodLogsArgs {
  pod: string;
  namespace?: string;
  container?: string;
  /** 1–5000 */
  tail_lines?: number;
  previous?: boolean;
}
export interface DescribeResourceArgs {
  kind: ResourceKind;
  name: string;
  namespace?: string;
}
export interface ListEventsArgs {
  namespace?: string;
  /** An object's name, or kind/name (e.g. "pod/api-7c9d-x2k4p"). */
  involved_object?: string;
  /** 1–500 */
  limit?: number;
}
export interface ListDeploymentsArgs {
  namespace?: string;
}
export interface GetRolloutHistoryArgs {
  name: string;
  namespace?: string;
}
export type ListNodesArgs = Record<string, never>;
export interface RestartDeploymentArgs {
  name: string;
  namespace?: string;
}
export interface ScaleDeploymentArgs {
  name: string;
  /** integer 0–100 */
  replicas: number;
  namespace?: string;
}
export interface RollbackDeploymentArgs {
  name: string;
  /** integer ≥ 1; absent means the revision before the current one */
  revision?: number;
  namespace?: string;
}
export interface DeleteResourceArgs {
  kind: ResourceKind;
  name: string;
  namespace?: string;
}
export interface ApplyManifestArgs {
  /** YAML text, one or more documents */
  manifest: string;
  namespace?: string;
}

export interface ToolArgsByName {
  list_pods: ListPodsArgs;
  get_pod_logs: GetPodLogsArgs;
  describe_resource: DescribeResourceArgs;
  list_events: ListEventsArgs;
  list_deployments: ListDeploymentsArgs;
  get_rollout_history: GetRolloutHistoryArgs;
  list_nodes: ListNodesArgs;
  restart_deployment: RestartDeploymentArgs;
  scale_deployment: ScaleDeploymentArgs;
  rollback_deployment: RollbackDeploymentArgs;
  delete_resource: DeleteResourceArgs;
  apply_manifest: ApplyManifestArgs;
}

/** A call with its arguments, discriminated by name. */
export type ToolCallOf<N extends ToolName> = { [K in N]: { name: K; arguments: ToolArgsByName[K] } }[N];
export type ToolCall = ToolCallOf<ToolName>;
export type WriteToolCall = ToolCallOf<WriteToolName>;
export type ReadToolCall = ToolCallOf<ReadToolName>;

export function isWriteToolName(name: string): name is WriteToolName {
  return (WRITE_TOOL_NAMES as readonly string[]).includes(name);
}
