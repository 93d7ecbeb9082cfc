/**
 * The simulated cluster: a ClusterExecutor over in-memory state, for CLUSTER_BACKEND=simulated, the demo
 * and tests. No real Kubernetes is contacted. Each instance has its own state.
 */

import type { ChangeCapability, ChangeRequest, ClusterExecutor, ReadCapability } from './executor.js';
import type { ChangePreview, ChangeResult } from './results.js';
import { describeResource } from './simulated/describe.js';
import { previewSimulatedWrite } from './simulated/preview.js';
import { getPodLogs, getRolloutHistory, listDeployments, listEvents, listNodes, listPods } from './simulated/reads.js';
import { seedSimulatedState } from './simulated/seed.js';
import { cloneState, fingerprintState } from './simulated/state.js';
import { runSimulatedWrite } from './simulated/writes.js';

export const SIMULATED_CLUSTER_DESCRIPTION = 'simulated cluster (no real Kubernetes)';

export interface SimulatedClusterOptions {
  /** Clock in epoch milliseconds; ages, logs, crash loops and event expiry follow it. */
  now?: () => number;
  /** Seed for generated names and addresses: equal seeds and clocks give equal clusters. */
  seed?: number;
}

/** One call the simulated cluster received, kept so tests can prove what ran and what did not. */
export interface SimulatedCall {
  name: ReadCapability | ChangeCapability | 'preview';
  effect: 'read' | 'write' | 'preview';
  arguments: unknown;
  at: string;
  outcome: 'ok' | 'error';
}

export interface SimulatedCluster extends ClusterExecutor {
  readonly backend: 'simulated';
  /** Every tool call and preview received, in order. */
  calls(): readonly SimulatedCall[];
  /** Write-tool calls received (successful or not). Zero means nothing ever tried to change this cluster. */
  mutationCount(): number;
  /** Hash of the whole state: unchanged fingerprint, unchanged cluster. */
  fingerprint(): string;
}

export function createSimulatedCluster(options: SimulatedClusterOptions = {}): SimulatedCluster {
  const now = options.now ?? Date.now;
  let state = seedSimulatedState(now(), options.seed ?? 1);
  const log: SimulatedCall[] = [];

  async function track<T>(name: SimulatedCall['name'], effect: SimulatedCall['effect'], args: unknown, run: () => T): Promise<T> {
    const at = new Date(now()).toISOString();
    const entry: SimulatedCall = { name, effect, arguments: structuredClone(args), at, outcome: 'ok' };
    log.push(entry);
    try {
      return run();
    } catch (error) {
      entry.outcome = 'error';
      throw error;
    }
  }

  // Writes run on a copy that replaces the state only when every step succeeded: no half-applied manifest.
  const write = (call: ChangeRequest): Promise<ChangeResult> =>
    track(call.name, 'write', call.arguments, () => {
      const working = cloneState(state);
      const { result } = runSimulatedWrite(working, call, now());
      state = working;
      return result;
    });

  return {
    backend: 'simulated',
    description: SIMULATED_CLUSTER_DESCRIPTION,

    list_pods: (args) => track('list_pods', 'read', args, () => listPods(state, args, now())),
    get_pod_logs: (args) => track('get_pod_logs', 'read', args, () => getPodLogs(state, args, now())),
    describe_resource: (args) => track('describe_resource', 'read', args, () => describeResource(state, args, now())),
    list_events: (args) => track('list_events', 'read', args, () => listEvents(state, args, now())),
    list_deployments: (args) => track('list_deployments', 'read', args, () => listDeployments(state, args, now())),
    get_rollout_history: (args) => track('get_rollout_history', 'read', args, () => getRolloutHistory(state, args)),
    list_nodes: () => track('list_nodes', 'read', {}, () => listNodes(state, now())),

    restart_deployment: (args) => write({ name: 'restart_deployment', arguments: args }),
    scale_deployment: (args) => write({ name: 'scale_deployment', arguments: args }),
    rollback_deployment: (args) => write({ name: 'rollback_deployment', arguments: args }),
    delete_resource: (args) => write({ name: 'delete_resource', arguments: args }),
    apply_manifest: (args) => write({ name: 'apply_manifest', arguments: args }),

    preview: (call: ChangeRequest): Promise<ChangePreview> =>
      track('preview', 'preview', call, () => previewSimulatedWrite(state, call, now())),
    listNamespaces: async () => [...state.namespaces.keys()].sort(),
    ping: async () => ({
      ok: true,
      latencyMs: 0,
      detail: `${SIMULATED_CLUSTER_DESCRIPTION}: ${state.namespaces.size} namespaces, ${state.nodes.size} nodes`,
    }),

    calls: () => [...log],
    mutationCount: () => log.filter((entry) => entry.effect === 'write').length,
    fingerprint: () => fingerprintState(state),
  };
}
