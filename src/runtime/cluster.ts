import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createClusterExecutor } from '../cluster/create-cluster-executor.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import { protectedNamespacesOf } from '../cluster/namespace-scope.js';
import { ownNamespace } from '../cluster/own-namespace.js';
import { createScopedExecutor } from '../cluster/scoped-executor.js';
import { describeBackendSelection, resolveClusterBackend } from '../cluster/select-backend.js';
import type { ClusterHealth } from '../status/snapshot.js';

export interface ClusterRuntime {
  /** Scope checks (allowed and protected namespaces, default namespace) wrap every backend. */
  executor: ClusterExecutor;
  /** Every protected namespace: the cluster's own, the bot's own (when known) and PROTECTED_NAMESPACES. */
  protectedNamespaces: readonly string[];
  health(): Promise<ClusterHealth>;
}

/**
 * Picks the cluster backend: CLUSTER_BACKEND if set, else Kubernetes where a kubeconfig or a service account is
 * found, else the simulated cluster (which lives in this process's memory). Start-up says which, plainly.
 */
export async function createClusterRuntime(config: Config, logger: Logger, override?: ClusterExecutor): Promise<ClusterRuntime> {
  const own = ownNamespace({ env: process.env, readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined) });
  const scope = {
    defaultNamespace: config.cluster.defaultNamespace,
    allowedNamespaces: config.cluster.allowedNamespaces,
    protectedNamespaces: config.cluster.protectedNamespaces,
    ...(own === undefined ? {} : { ownNamespace: own }),
    manifestPolicy: { allow: config.cluster.manifestAllow },
  };
  const protectedNamespaces = protectedNamespacesOf(scope.protectedNamespaces, own);
  if (own !== undefined) logger.info({ namespace: own }, 'the namespace the bot runs in is protected: reads only');
  let executor: ClusterExecutor;
  if (override) {
    executor = createScopedExecutor(override, scope);
    logger.info({ backend: override.backend, description: override.description }, 'cluster backend: given by the caller');
  } else {
    const selection = resolveClusterBackend({
      ...(config.cluster.backend ? { configured: config.cluster.backend } : {}),
      ...(config.cluster.kubeconfig ? { kubeconfigPath: config.cluster.kubeconfig } : {}),
      env: process.env,
      homeDir: homedir(),
      fileExists: existsSync,
    });
    // The Kubernetes client is big; a simulated or CLI-only process does not load it.
    const kubernetes = selection.backend === 'kubernetes' ? await import('../cluster/kubernetes.js') : undefined;
    const kubernetesOptions = {
      ...(selection.kubeconfigPath ? { kubeconfigPath: selection.kubeconfigPath } : { inCluster: true }),
      ...(config.cluster.context ? { context: config.cluster.context } : {}),
    };
    executor = createClusterExecutor({
      backend: selection.backend,
      scope,
      ...(kubernetes ? { createKubernetesExecutor: () => kubernetes.createKubernetesExecutor(kubernetesOptions) } : {}),
    });
    logger.info(
      { backend: executor.backend, source: selection.source, description: executor.description },
      `cluster backend: ${describeBackendSelection(selection)}`,
    );
  }
  return {
    executor,
    protectedNamespaces,
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
