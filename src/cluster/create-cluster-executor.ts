import type { ClusterBackend, ClusterExecutor } from './executor.js';
import { createScopedExecutor, type ScopedExecutorOptions } from './scoped-executor.js';
import { createSimulatedCluster, type SimulatedClusterOptions } from './simulated.js';

export interface ClusterExecutorOptions {
  /** CLUSTER_BACKEND */
  backend: ClusterBackend;
  scope: ScopedExecutorOptions;
  simulated?: SimulatedClusterOptions;
  /** Builds the real Kubernetes executor; it comes in a later issue, so callers pass it in when it exists. */
  createKubernetesExecutor?: () => ClusterExecutor;
}

/** The executor the rest of the app uses: the selected backend, always behind the namespace-scope wrapper. */
export function createClusterExecutor(options: ClusterExecutorOptions): ClusterExecutor {
  const inner = selectBackend(options);
  return createScopedExecutor(inner, options.scope);
}

function selectBackend(options: ClusterExecutorOptions): ClusterExecutor {
  switch (options.backend) {
    case 'simulated':
      return createSimulatedCluster(options.simulated);
    case 'kubernetes':
      if (!options.createKubernetesExecutor) {
        throw new Error(
          'CLUSTER_BACKEND=kubernetes: the Kubernetes executor is not available in this build; use CLUSTER_BACKEND=simulated',
        );
      }
      return options.createKubernetesExecutor();
  }
}
