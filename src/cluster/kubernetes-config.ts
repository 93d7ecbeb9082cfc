/** Loads the Kubernetes client configuration (kubeconfig files or the in-cluster service account) and names its target. */

import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { SERVICE_ACCOUNT_TOKEN_PATH, splitKubeconfigList } from './select-backend.js';

export interface KubeConfigSource {
  /** One file, or several joined by ':' as KUBECONFIG lists them (the first one's current context wins). */
  kubeconfigPath?: string;
  /** KUBE_CONTEXT: a context of the kubeconfig other than its current one */
  context?: string;
  /** Use the pod's service account (KUBERNETES_SERVICE_HOST and the mounted token). */
  inCluster?: boolean;
  /** An already loaded configuration (tests). */
  kubeConfig?: KubeConfig;
}

/** kubectl's merge of KUBECONFIG files: the first file's current context stays, and the first of each name wins. */
function mergeInto(config: KubeConfig, next: KubeConfig): void {
  const known = (names: Array<{ name: string }>, name: string) => names.some((entry) => entry.name === name);
  for (const cluster of next.getClusters()) if (!known(config.getClusters(), cluster.name)) config.addCluster(cluster);
  for (const user of next.getUsers()) if (!known(config.getUsers(), user.name)) config.addUser(user);
  for (const context of next.getContexts()) if (!known(config.getContexts(), context.name)) config.addContext(context);
  if (!config.getCurrentContext() && next.getCurrentContext()) config.setCurrentContext(next.getCurrentContext());
}

function loadFiles(list: string): KubeConfig {
  const files = splitKubeconfigList(list);
  if (files.length === 0) throw new Error('KUBECONFIG is empty');
  const config = new KubeConfig();
  files.forEach((file, index) => {
    if (!existsSync(file)) throw new Error(`kubeconfig file not found: ${file}`);
    try {
      if (index === 0) {
        config.loadFromFile(file);
      } else {
        const next = new KubeConfig();
        next.loadFromFile(file);
        mergeInto(config, next);
      }
    } catch (cause) {
      throw new Error(`kubeconfig ${file} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  });
  return config;
}

function loadInCluster(): KubeConfig {
  if (!existsSync(SERVICE_ACCOUNT_TOKEN_PATH)) {
    throw new Error(
      `no kubeconfig and no in-cluster service account (${SERVICE_ACCOUNT_TOKEN_PATH} not found); set KUBECONFIG or CLUSTER_BACKEND=simulated`,
    );
  }
  const config = new KubeConfig();
  config.loadFromCluster();
  return config;
}

/** Throws an Error naming what is wrong (missing file, unknown context, no cluster): a start-up failure. */
export function loadKubeConfig(source: KubeConfigSource): KubeConfig {
  const config =
    source.kubeConfig ?? (source.kubeconfigPath !== undefined && !source.inCluster ? loadFiles(source.kubeconfigPath) : loadInCluster());
  if (source.context !== undefined && source.context !== '') {
    if (!config.getContextObject(source.context)) {
      const known = config.getContexts().map((context) => context.name);
      throw new Error(`kubeconfig has no context "${source.context}" (contexts: ${known.join(', ') || 'none'})`);
    }
    config.setCurrentContext(source.context);
  }
  if (!config.getCurrentCluster()) {
    throw new Error(`kubeconfig context "${config.getCurrentContext() || '(none)'}" names no cluster`);
  }
  return config;
}

/** The server URL without user info or query, so no credential can reach a log or /status. */
export function safeServerUrl(server: string): string {
  try {
    const url = new URL(server);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(invalid server URL)';
  }
}

export function kubeServerUrl(config: KubeConfig): string {
  return safeServerUrl(config.getCurrentCluster()?.server ?? '');
}

/** "Kubernetes context prod-admin at https://1.2.3.4:6443" (for /status and the start-up log; no credentials). */
export function describeKubeTarget(config: KubeConfig): string {
  const context = config.getCurrentContext();
  const server = kubeServerUrl(config);
  return context === 'inClusterContext'
    ? `Kubernetes in-cluster service account at ${server}`
    : `Kubernetes context ${context} at ${server}`;
}
