/** Result shapes of the cluster tools: plain JSON-serialisable objects, the same for every backend. */
import type { ResourceKind } from './resource-kinds.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface PodSummary {
  name: string;
  namespace: string;
  /** Pending | Running | Succeeded | Failed | Unknown */
  phase: string;
  /** ready containers / all containers, e.g. "1/1" */
  ready: string;
  restarts: number;
  /** kubectl-style age, e.g. "47m", "3d4h" */
  age: string;
  createdAt: string;
  node: string | null;
  /** Why the pod is not fine, as kubectl's STATUS column shows it (e.g. CrashLoopBackOff); null when fine */
  reason: string | null;
  ip: string | null;
  /** e.g. "Deployment/api"; null for a bare pod */
  owner: string | null;
  images: string[];
  labels: Record<string, string>;
}

export interface PodLogs {
  pod: string;
  namespace: string;
  container: string;
  previous: boolean;
  lines: string[];
  /** true when older lines exist that were not returned */
  truncated: boolean;
}

export interface ContainerState {
  name: string;
  image: string;
  ready: boolean;
  restarts: number;
  /** Running | Waiting | Terminated */
  state: string;
  reason: string | null;
}

export interface EventSummary {
  namespace: string;
  /** Normal | Warning */
  type: string;
  reason: string;
  /** Kind/name of the involved object, e.g. "Pod/api-7c9d-x2k4p" */
  object: string;
  message: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface ResourceDescription {
  kind: ResourceKind;
  name: string;
  /** absent for cluster-scoped kinds (node) */
  namespace?: string;
  createdAt: string;
  age: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** kind-specific fields an operator reads in `kubectl describe` (spec and status, summarised) */
  details: JsonObject;
  events: EventSummary[];
}

export interface DeploymentSummary {
  name: string;
  namespace: string;
  /** ready / desired, e.g. "0/3" */
  ready: string;
  desired: number;
  updated: number;
  available: number;
  images: string[];
  revision: number;
  strategy: string;
  age: string;
  createdAt: string;
}

export interface RolloutRevision {
  revision: number;
  images: string[];
  changeCause: string | null;
  createdAt: string;
  current: boolean;
}

export type NodeResources = {
  cpu: string;
  memory: string;
  pods: string;
};

export type NodeCondition = {
  type: string;
  status: string;
  reason: string;
  message: string;
};

export interface NodeSummary {
  name: string;
  /** Ready | NotReady, with ",SchedulingDisabled" when cordoned, as kubectl shows it */
  status: string;
  roles: string[];
  version: string;
  age: string;
  createdAt: string;
  internalIP: string;
  capacity: NodeResources;
  allocatable: NodeResources;
  conditions: NodeCondition[];
  /** taints as key:effect */
  taints: string[];
  podCount: number;
}

export type ChangeAction = 'restart' | 'scale' | 'rollback' | 'delete' | 'apply';

export interface ChangeTarget {
  /** resource kind (lowercase for catalog kinds, manifest Kind otherwise) */
  kind: string;
  name: string;
  namespace?: string;
}

export interface AppliedObject extends ChangeTarget {
  outcome: 'created' | 'configured' | 'unchanged';
}

export interface ChangeResult extends ChangeTarget {
  action: ChangeAction;
  /** false when the call was accepted but nothing needed to change */
  changed: boolean;
  before?: JsonObject;
  after?: JsonObject;
  /** every object of an applied manifest, in order */
  objects?: AppliedObject[];
  message: string;
}

export interface ChangePreview {
  action: ChangeAction;
  target: ChangeTarget;
  current: JsonObject | null;
  after: JsonObject | null;
  /** pods that are deleted or replaced by the change */
  affectedPods: string[];
  currentRevision?: number;
  targetRevision?: number;
  /** unified diff of live objects against the manifest (apply) */
  diff?: string;
  dryRun: 'simulated' | 'server';
  notes?: string[];
}
