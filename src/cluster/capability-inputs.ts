/**
 * What the cluster's capabilities (the methods of ClusterExecutor) take. The tool catalog (src/tools/catalog/)
 * validates what models and people ask for; each tool's validated arguments must fit the capability it calls.
 */

import type { ResourceKind } from './resource-kinds.js';

/** Pods of a namespace, optionally only those a label selector matches. */
export interface PodQuery {
  namespace?: string;
  label_selector?: string;
}

/** The log of one container of a pod. */
export interface PodLogQuery {
  pod: string;
  namespace?: string;
  container?: string;
  /** 1–5000 */
  tail_lines?: number;
  previous?: boolean;
}

/** One object of a catalog kind. */
export interface ObjectRef {
  kind: ResourceKind;
  name: string;
  namespace?: string;
}

export interface EventQuery {
  namespace?: string;
  /** An object's name, or kind/name (e.g. "pod/api-7c9d-x2k4p"). */
  involved_object?: string;
  /** 1–500 */
  limit?: number;
}

export interface NamespaceQuery {
  namespace?: string;
}

export interface DeploymentRef {
  name: string;
  namespace?: string;
}

export interface ScaleRequest extends DeploymentRef {
  /** integer 0–100 */
  replicas: number;
}

export interface RollbackRequest extends DeploymentRef {
  /** integer ≥ 1; absent means the revision before the current one */
  revision?: number;
}

export interface ManifestRequest {
  /** YAML text, one or more documents */
  manifest: string;
  namespace?: string;
}
