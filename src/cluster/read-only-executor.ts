import { ClusterError } from './cluster-error.js';
import type { ChangeCapability, ClusterExecutor } from './executor.js';

export const READ_ONLY_REFUSAL = 'this process only reads the cluster: changes and their previews run in the worker';

/**
 * The bot's view of the cluster: every read passes through, every change and every preview (a server-side dry
 * run needs the change's own permissions) is refused, so no code path in the bot process can write, whatever
 * its ServiceAccount could do.
 */
export function createReadOnlyExecutor(inner: ClusterExecutor): ClusterExecutor {
  const refuse = (what: ChangeCapability | 'preview') => async (): Promise<never> => {
    throw new ClusterError('forbidden', `${what}: ${READ_ONLY_REFUSAL}`, { tool: what, verb: 'write' });
  };
  return {
    backend: inner.backend,
    description: inner.description,
    list_pods: (query) => inner.list_pods(query),
    get_pod_logs: (query) => inner.get_pod_logs(query),
    describe_resource: (ref) => inner.describe_resource(ref),
    list_events: (query) => inner.list_events(query),
    list_deployments: (query) => inner.list_deployments(query),
    get_rollout_history: (ref) => inner.get_rollout_history(ref),
    list_nodes: () => inner.list_nodes(),
    restart_deployment: refuse('restart_deployment'),
    scale_deployment: refuse('scale_deployment'),
    rollback_deployment: refuse('rollback_deployment'),
    delete_resource: refuse('delete_resource'),
    apply_manifest: refuse('apply_manifest'),
    preview: refuse('preview'),
    listNamespaces: () => inner.listNamespaces(),
    ping: () => inner.ping(),
  };
}
