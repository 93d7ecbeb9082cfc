/**
 * The real Kubernetes executor: the twelve tools against an API server through @kubernetes/client-node,
 * configured from a kubeconfig (KUBECONFIG or ~/.kube/config, KUBE_CONTEXT) or the in-cluster service account.
 * Writes are the requests kubectl sends; previews are the same requests with dryRun=All.
 */

import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterExecutor, ClusterPing } from './executor.js';
import { applyManifest, previewApply } from './k8s-apply.js';
import { createKubeClient, DEFAULT_REQUEST_TIMEOUT_MS } from './k8s-client.js';
import type { KubeExecutorContext } from './k8s-context.js';
import { deleteResource, previewDelete } from './k8s-delete.js';
import {
  previewRestart,
  previewRollback,
  previewScale,
  restartDeployment,
  rollbackDeployment,
  scaleDeployment,
} from './k8s-deployment-writes.js';
import { describeResource } from './k8s-describe.js';
import { toClusterError } from './k8s-errors.js';
import { DEFAULT_LOG_LIMITS, readPodLogs } from './k8s-logs.js';
import { getRolloutHistory, listDeployments, listEvents, listNamespaceNames, listNodes, listPods } from './k8s-reads.js';
import { describeKubeTarget, kubeServerUrl, loadKubeConfig } from './kubernetes-config.js';
import type { ChangePreview } from './results.js';
import type { ChangeRequest } from './executor.js';

export const DEFAULT_FIELD_MANAGER = 'kube-chatops-bot';
const DEFAULT_PING_TIMEOUT_MS = 3000;
// The scoped wrapper always fills the namespace; this only covers direct use without it.
const FALLBACK_NAMESPACE = 'default';

export interface KubernetesExecutorOptions {
  /** KUBECONFIG (one file or several joined by ':') */
  kubeconfigPath?: string;
  /** KUBE_CONTEXT */
  context?: string;
  /** Use the pod's service account instead of a kubeconfig. */
  inCluster?: boolean;
  /** Name in managedFields for every change the bot makes. */
  fieldManager?: string;
  logLimits?: { maxLines?: number; maxBytes?: number };
  /** An already loaded configuration (tests). */
  kubeConfig?: KubeConfig;
  /** Per-request timeout; default 15 s. */
  requestTimeoutMs?: number;
  /** ping()'s shorter timeout, so /status and doctor answer fast; default 3 s. */
  pingTimeoutMs?: number;
  /** Clock for ages and the restart annotation (tests). */
  now?: () => number;
}

export interface KubernetesExecutor extends ClusterExecutor {
  readonly backend: 'kubernetes';
}

/** Throws an Error at start-up when the configuration cannot be loaded (missing file, unknown context). */
export function createKubernetesExecutor(options: KubernetesExecutorOptions = {}): KubernetesExecutor {
  const kubeConfig = loadKubeConfig({
    ...(options.kubeConfig ? { kubeConfig: options.kubeConfig } : {}),
    ...(options.kubeconfigPath !== undefined ? { kubeconfigPath: options.kubeconfigPath } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(options.inCluster !== undefined ? { inCluster: options.inCluster } : {}),
  });
  const client = createKubeClient(kubeConfig, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const server = kubeServerUrl(kubeConfig);
  const description = describeKubeTarget(kubeConfig);
  const context: KubeExecutorContext = {
    client,
    server,
    fieldManager: options.fieldManager ?? DEFAULT_FIELD_MANAGER,
    logLimits: {
      maxLines: options.logLimits?.maxLines ?? DEFAULT_LOG_LIMITS.maxLines,
      maxBytes: options.logLimits?.maxBytes ?? DEFAULT_LOG_LIMITS.maxBytes,
    },
    now: options.now ?? Date.now,
  };
  const ns = <A extends { namespace?: string }>(args: A): A & { namespace: string } => ({
    ...args,
    namespace: args.namespace ?? FALLBACK_NAMESPACE,
  });

  function preview(call: ChangeRequest): Promise<ChangePreview> {
    switch (call.name) {
      case 'restart_deployment':
        return previewRestart(context, ns(call.arguments));
      case 'scale_deployment':
        return previewScale(context, ns(call.arguments));
      case 'rollback_deployment':
        return previewRollback(context, ns(call.arguments));
      case 'delete_resource':
        return previewDelete(context, call.arguments.kind === 'node' ? call.arguments : ns(call.arguments));
      case 'apply_manifest':
        return previewApply(context, call.arguments);
    }
  }

  async function ping(): Promise<ClusterPing> {
    const started = performance.now();
    try {
      const info = await client.version.getCode({}, client.withTimeout(options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS));
      return { ok: true, latencyMs: Math.round(performance.now() - started), detail: `Kubernetes ${info.gitVersion} at ${server}` };
    } catch (error) {
      const mapped = toClusterError(error, { verb: 'get', resource: 'version', group: '', server });
      return { ok: false, latencyMs: Math.round(performance.now() - started), detail: mapped.message };
    }
  }

  return {
    backend: 'kubernetes',
    description,
    list_pods: (args) => listPods(context, ns(args)),
    get_pod_logs: (args) => readPodLogs(context, ns(args)),
    describe_resource: (args) => describeResource(context, args.kind === 'node' ? args : ns(args)),
    list_events: (args) => listEvents(context, ns(args)),
    list_deployments: (args) => listDeployments(context, ns(args)),
    get_rollout_history: (args) => getRolloutHistory(context, ns(args)),
    list_nodes: () => listNodes(context),
    restart_deployment: (args) => restartDeployment(context, ns(args)),
    scale_deployment: (args) => scaleDeployment(context, ns(args)),
    rollback_deployment: (args) => rollbackDeployment(context, ns(args)),
    delete_resource: (args) => deleteResource(context, args.kind === 'node' ? args : ns(args)),
    apply_manifest: (args) => applyManifest(context, ns(args)),
    preview,
    listNamespaces: () => listNamespaceNames(context),
    ping,
  };
}
