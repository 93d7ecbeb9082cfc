import type { ResourceKind } from '../cluster/resource-kinds.js';

/** What the offline provider understood a request to be. Namespaces are always filled (default when unsaid). */
export type OfflineIntent =
  | { kind: 'list_pods'; namespace: string }
  /** namespaceSaid: false when the namespace is only the default, so the target may be looked for elsewhere. */
  | { kind: 'pod_logs'; target: string; namespace: string; namespaceSaid: boolean; previous: boolean }
  | { kind: 'describe'; resourceKind: ResourceKind; name: string; namespace: string }
  | { kind: 'list_events'; namespace: string; object: string | null }
  | { kind: 'list_deployments'; namespace: string }
  | { kind: 'rollout_history'; name: string; namespace: string }
  | { kind: 'list_nodes' }
  | { kind: 'restart'; name: string; namespace: string }
  | { kind: 'scale'; name: string; replicas: number; namespace: string }
  | { kind: 'rollback'; name: string; revision: number | null; namespace: string }
  | { kind: 'delete'; resourceKind: ResourceKind; name: string; namespace: string }
  /** "why is api failing": list pods, read the failing pod's previous logs, read events, summarise. */
  | { kind: 'investigate'; target: string | null; namespace: string; namespaceSaid: boolean }
  /** A change was asked for but a needed part is missing. */
  | { kind: 'clarify'; missing: 'name' | 'replicas'; action: 'restart' | 'scale' | 'rollback' | 'delete' | 'logs' | 'describe' | 'history' }
  | { kind: 'unknown' };

export type OfflineIntentKind = OfflineIntent['kind'];
