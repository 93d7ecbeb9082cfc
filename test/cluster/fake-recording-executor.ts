import type { ClusterExecutor } from '../../src/cluster/executor.js';
import type { ChangeResult } from '../../src/cluster/results.js';

/**
 * A fake backend that answers with empty results and records every call: it proves the scoped wrapper
 * works the same for any backend, not only the simulated cluster.
 */
export function createFakeRecordingExecutor() {
  const received: Array<{ method: string; arguments: unknown }> = [];
  const record = (method: string, args: unknown) => {
    received.push({ method, arguments: args });
  };
  const change = (action: ChangeResult['action']): ChangeResult => ({
    action,
    kind: 'fake',
    name: 'fake',
    changed: false,
    message: 'fake executor: nothing happened',
  });
  const executor: ClusterExecutor = {
    backend: 'kubernetes',
    description: 'fake recording executor (test only)',
    list_pods: async (args) => (record('list_pods', args), []),
    get_pod_logs: async (args) => (
      record('get_pod_logs', args),
      { pod: args.pod, namespace: '', container: '', previous: false, lines: [], truncated: false }
    ),
    describe_resource: async (args) => (
      record('describe_resource', args),
      { kind: args.kind, name: args.name, createdAt: '', age: '', labels: {}, annotations: {}, details: {}, events: [] }
    ),
    list_events: async (args) => (record('list_events', args), []),
    list_deployments: async (args) => (record('list_deployments', args), []),
    get_rollout_history: async (args) => (record('get_rollout_history', args), []),
    list_nodes: async () => (record('list_nodes', {}), []),
    restart_deployment: async (args) => (record('restart_deployment', args), change('restart')),
    scale_deployment: async (args) => (record('scale_deployment', args), change('scale')),
    rollback_deployment: async (args) => (record('rollback_deployment', args), change('rollback')),
    delete_resource: async (args) => (record('delete_resource', args), change('delete')),
    apply_manifest: async (args) => (record('apply_manifest', args), change('apply')),
    preview: async (call) => (
      record('preview', call),
      { action: 'scale', target: { kind: 'fake', name: 'fake' }, current: null, after: null, affectedPods: [], dryRun: 'server' }
    ),
    listNamespaces: async () => ['default', 'prod', 'staging', 'kube-system', 'monitoring'],
    ping: async () => ({ ok: true, latencyMs: 1 }),
  };
  return { executor, received };
}
