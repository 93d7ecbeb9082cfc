import type { ToolCall } from '../tools/registry.js';
import type { OfflineIntent } from './intent.js';
import type {
  OfflineDeployment,
  OfflineDescription,
  OfflineEvent,
  OfflineNode,
  OfflinePod,
  OfflinePodLogs,
  OfflineRevision,
} from './result-shapes.js';

/** The likely cause an investigation points at, from the pod status, its logs and its events. */
export type SuspectedCause = 'missing_config' | 'crash' | 'image' | 'oom' | 'scheduling' | 'config';

export interface Investigation {
  target: string | null;
  namespace: string;
  /** The pod that looks worst; null when there are no pods to look at. */
  suspect: OfflinePod | null;
  /** The pods looked at (the target's, or the whole namespace's). */
  pods: OfflinePod[];
  healthy: boolean;
  logs: { previous: boolean; lines: string[] } | { error: string } | null;
  warnings: OfflineEvent[];
  /** The first log line that reads like the reason (ERROR, FATAL, panic...). */
  keyLine: string | null;
  cause: SuspectedCause | null;
}

/** A final answer of the offline provider as data; render-answer.ts turns it into Markdown in one language. */
export type OfflineAnswer =
  | { kind: 'pods'; namespace: string; pods: OfflinePod[] }
  | { kind: 'logs'; namespace: string; logs: OfflinePodLogs }
  | { kind: 'description'; description: OfflineDescription }
  | { kind: 'events'; namespace: string; object: string | null; events: OfflineEvent[] }
  | { kind: 'deployments'; namespace: string; deployments: OfflineDeployment[] }
  | { kind: 'history'; name: string; namespace: string; revisions: OfflineRevision[] }
  | { kind: 'nodes'; nodes: OfflineNode[] }
  | { kind: 'change'; call: ToolCall; status: 'approved' | 'declined' | 'expired' | 'failed'; detail: string | null }
  | { kind: 'tool_error'; tool: string; code: string; message: string }
  /** No pod of the target in any namespace looked at; `pods` are those of the first one. */
  | { kind: 'no_pod'; target: string; namespaces: string[]; pods: string[] }
  | { kind: 'investigation'; investigation: Investigation }
  | {
      kind: 'clarify';
      missing: Extract<OfflineIntent, { kind: 'clarify' }>['missing'];
      action: Extract<OfflineIntent, { kind: 'clarify' }>['action'];
    }
  | { kind: 'invalid'; reason: string }
  | { kind: 'unreadable'; tool: string }
  | { kind: 'help' };
