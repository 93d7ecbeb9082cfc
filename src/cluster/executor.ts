import type {
  ChangePreview,
  ChangeResult,
  DeploymentSummary,
  EventSummary,
  NodeSummary,
  PodLogs,
  PodSummary,
  ResourceDescription,
  RolloutRevision,
} from './results.js';
import type {
  ApplyManifestArgs,
  DeleteResourceArgs,
  DescribeResourceArgs,
  GetPodLogsArgs,
  GetRolloutHistoryArgs,
  ListDeploymentsArgs,
  ListEventsArgs,
  ListPodsArgs,
  RestartDeploymentArgs,
  RollbackDeploymentArgs,
  ScaleDeploymentArgs,
  ToolArgsByName,
  ToolName,
  WriteToolCall,
} from './tool-args.js';

import { ClusterError } from './cluster-error.js';

export { ClusterError, isClusterError, type ClusterErrorCode } from './cluster-error.js';

export type ClusterBackend = 'simulated' | 'kubernetes';

/** Lines returned by get_pod_logs when tail_lines is absent (every backend). */
export const DEFAULT_LOG_TAIL_LINES = 200;
/** Events returned by list_events when limit is absent (every backend). */
export const DEFAULT_EVENT_LIMIT = 100;

export interface ClusterPing {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

/**
 * One method per catalog tool. Methods receive arguments already validated by the catalog; the scoped
 * wrapper (scoped-executor.ts) fills the default namespace and enforces scope before any backend sees a call.
 * Failures are thrown as ClusterError.
 */
export interface ClusterExecutor {
  readonly backend: ClusterBackend;
  /** Shown in /status, e.g. "simulated cluster (no real Kubernetes)". */
  readonly description: string;

  list_pods(args: ListPodsArgs): Promise<PodSummary[]>;
  get_pod_logs(args: GetPodLogsArgs): Promise<PodLogs>;
  describe_resource(args: DescribeResourceArgs): Promise<ResourceDescription>;
  list_events(args: ListEventsArgs): Promise<EventSummary[]>;
  list_deployments(args: ListDeploymentsArgs): Promise<DeploymentSummary[]>;
  get_rollout_history(args: GetRolloutHistoryArgs): Promise<RolloutRevision[]>;
  list_nodes(): Promise<NodeSummary[]>;

  restart_deployment(args: RestartDeploymentArgs): Promise<ChangeResult>;
  scale_deployment(args: ScaleDeploymentArgs): Promise<ChangeResult>;
  rollback_deployment(args: RollbackDeploymentArgs): Promise<ChangeResult>;
  delete_resource(args: DeleteResourceArgs): Promise<ChangeResult>;
  apply_manifest(args: ApplyManifestArgs): Promise<ChangeResult>;

  /** What a write call would do, for the approval card. Makes no change. */
  preview(call: WriteToolCall): Promise<ChangePreview>;
  /** Namespace names, for the guided /run flow's buttons. */
  listNamespaces(): Promise<string[]>;
  /** Reachability, for /status and doctor. */
  ping(): Promise<ClusterPing>;
}

export type ToolResult =
  PodSummary[] | PodLogs | ResourceDescription | EventSummary[] | DeploymentSummary[] | RolloutRevision[] | NodeSummary[] | ChangeResult;

/**
 * Dispatches a catalog tool call to the executor method of the same name.
 * `arguments` must already have been validated against the catalog schema for `name`.
 */
export function runTool(executor: ClusterExecutor, call: { name: ToolName; arguments: unknown }): Promise<ToolResult> {
  // The caller validated the arguments against the catalog schema for this name, so the cast is sound.
  const args = <N extends ToolName>(_name: N): ToolArgsByName[N] => call.arguments as ToolArgsByName[N];
  switch (call.name) {
    case 'list_pods':
      return executor.list_pods(args('list_pods'));
    case 'get_pod_logs':
      return executor.get_pod_logs(args('get_pod_logs'));
    case 'describe_resource':
      return executor.describe_resource(args('describe_resource'));
    case 'list_events':
      return executor.list_events(args('list_events'));
    case 'list_deployments':
      return executor.list_deployments(args('list_deployments'));
    case 'get_rollout_history':
      return executor.get_rollout_history(args('get_rollout_history'));
    case 'list_nodes':
      return executor.list_nodes();
    case 'restart_deployment':
      return executor.restart_deployment(args('restart_deployment'));
    case 'scale_deployment':
      return executor.scale_deployment(args('scale_deployment'));
    case 'rollback_deployment':
      return executor.rollback_deployment(args('rollback_deployment'));
    case 'delete_resource':
      return executor.delete_resource(args('delete_resource'));
    case 'apply_manifest':
      return executor.apply_manifest(args('apply_manifest'));
    default: {
      // Unreachable for typed callers; guards a name that slipped past validation at runtime.
      const name: string = call.name;
      return Promise.reject(new ClusterError('invalid', `unknown tool: ${name}`, { tool: name }));
    }
  }
}
