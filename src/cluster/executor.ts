import type {
  DeploymentRef,
  EventQuery,
  ManifestRequest,
  NamespaceQuery,
  ObjectRef,
  PodLogQuery,
  PodQuery,
  RollbackRequest,
  ScaleRequest,
} from './capability-inputs.js';
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

/** What a cluster can show. */
export interface ClusterReads {
  list_pods(query: PodQuery): Promise<PodSummary[]>;
  get_pod_logs(query: PodLogQuery): Promise<PodLogs>;
  describe_resource(ref: ObjectRef): Promise<ResourceDescription>;
  list_events(query: EventQuery): Promise<EventSummary[]>;
  list_deployments(query: NamespaceQuery): Promise<DeploymentSummary[]>;
  get_rollout_history(ref: DeploymentRef): Promise<RolloutRevision[]>;
  list_nodes(): Promise<NodeSummary[]>;
}

/** What a cluster can change. Only a call a person approved reaches these. */
export interface ClusterChanges {
  restart_deployment(ref: DeploymentRef): Promise<ChangeResult>;
  scale_deployment(request: ScaleRequest): Promise<ChangeResult>;
  rollback_deployment(request: RollbackRequest): Promise<ChangeResult>;
  delete_resource(ref: ObjectRef): Promise<ChangeResult>;
  apply_manifest(request: ManifestRequest): Promise<ChangeResult>;
}

export type ReadCapability = keyof ClusterReads;
export type ChangeCapability = keyof ClusterChanges;

/** One change as a value, to preview it: the name of a ClusterChanges method and what it would be given. */
export type ChangeRequest = { [C in ChangeCapability]: { name: C; arguments: Parameters<ClusterChanges[C]>[0] } }[ChangeCapability];

/**
 * The cluster's capabilities. Inputs arrive already validated by the tool catalog (src/tools/catalog/); the
 * scoped wrapper (scoped-executor.ts) fills the default namespace and enforces scope before any backend sees
 * a call. Failures are thrown as ClusterError.
 */
export interface ClusterExecutor extends ClusterReads, ClusterChanges {
  readonly backend: ClusterBackend;
  /** Shown in /status, e.g. "simulated cluster (no real Kubernetes)". */
  readonly description: string;

  /** What a change would do, for the approval card. Makes no change. */
  preview(change: ChangeRequest): Promise<ChangePreview>;
  /** Namespace names, for the guided /run flow's buttons. */
  listNamespaces(): Promise<string[]>;
  /** Reachability, for /status and doctor. */
  ping(): Promise<ClusterPing>;
}
