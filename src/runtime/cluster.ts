import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import { createScopedExecutor } from '../cluster/scoped-executor.js';
import { createSimulatedCluster } from '../cluster/simulated.js';
import type { ClusterHealth } from '../status/snapshot.js';

export interface ClusterRuntime {
  /** Scope checks (allowed and protected namespaces, default namespace) wrap every backend. */
  executor: ClusterExecutor;
  health(): Promise<ClusterHealth>;
}

/** Picks the cluster backend. The simulated cluster lives in this process's memory. */
export function createClusterRuntime(config: Config, logger: Logger, override?: ClusterExecutor): ClusterRuntime {
  const backend = config.cluster.backend ?? 'simulated';
  if (backend === 'kubernetes' && !override) {
    throw new Error('CLUSTER_BACKEND=kubernetes is not available in this version; use CLUSTER_BACKEND=simulated');
  }
  const inner = override ?? createSimulatedCluster();
  logger.info({ backend: inner.backend, description: inner.description }, 'cluster backend');
  const executor = createScopedExecutor(inner, {
    defaultNamespace: config.cluster.defaultNamespace,
    allowedNamespaces: config.cluster.allowedNamespaces,
    protectedNamespaces: config.cluster.protectedNamespaces,
  });
  return {
    executor,
    async health() {
      const ping = await executor.ping();
      return {
        backend: executor.backend,
        description: executor.description,
        ok: ping.ok,
        latencyMs: ping.latencyMs,
        ...(ping.detail ? { detail: ping.detail } : {}),
      };
    },
  };
}
