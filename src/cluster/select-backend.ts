/**
 * Which cluster backend to run: CLUSTER_BACKEND when set, otherwise a real cluster where credentials are
 * found (a kubeconfig, then an in-cluster service account) and the simulated cluster where none are.
 * Pure: the environment, home directory and file check are passed in.
 */

export type ClusterBackendChoice = 'kubernetes' | 'simulated';
export type ClusterBackendSource = 'configured' | 'kubeconfig' | 'service-account' | 'none';

export interface ClusterBackendSelection {
  backend: ClusterBackendChoice;
  source: ClusterBackendSource;
  /** The kubeconfig file(s) to load, joined by ':' as KUBECONFIG is; absent means the in-cluster service account. */
  kubeconfigPath?: string;
}

export interface ClusterBackendInput {
  /** CLUSTER_BACKEND */
  configured?: ClusterBackendChoice;
  /** KUBECONFIG from the parsed configuration; falls back to env.KUBECONFIG */
  kubeconfigPath?: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  fileExists: (path: string) => boolean;
}

export const SERVICE_ACCOUNT_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** KUBECONFIG may list several files, as kubectl reads it (':' separated on Linux and macOS). */
export function splitKubeconfigList(value: string): string[] {
  return value
    .split(':')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The kubeconfig kubectl would read: the files KUBECONFIG names that exist (kubectl does not fall back to
 * ~/.kube/config when KUBECONFIG is set), else ~/.kube/config when it exists.
 */
function findKubeconfig(input: ClusterBackendInput): string | undefined {
  const listed = input.kubeconfigPath ?? input.env['KUBECONFIG'];
  if (listed !== undefined && listed.trim() !== '') {
    const existing = splitKubeconfigList(listed).filter((path) => input.fileExists(path));
    return existing.length > 0 ? existing.join(':') : undefined;
  }
  const home = input.homeDir.replace(/\/+$/, '');
  const defaultPath = `${home}/.kube/config`;
  return home !== '' && input.fileExists(defaultPath) ? defaultPath : undefined;
}

function inCluster(input: ClusterBackendInput): boolean {
  const host = input.env['KUBERNETES_SERVICE_HOST'];
  return host !== undefined && host !== '' && input.fileExists(SERVICE_ACCOUNT_TOKEN_PATH);
}

export function resolveClusterBackend(input: ClusterBackendInput): ClusterBackendSelection {
  if (input.configured === 'simulated') return { backend: 'simulated', source: 'configured' };
  const kubeconfigPath = findKubeconfig(input);
  if (input.configured === 'kubernetes') {
    // An explicit KUBECONFIG that does not exist is kept, so loading it fails with the path named
    // instead of quietly using another identity.
    const explicit = input.kubeconfigPath ?? input.env['KUBECONFIG'];
    const path = kubeconfigPath ?? (explicit !== undefined && explicit.trim() !== '' ? explicit : undefined);
    return { backend: 'kubernetes', source: 'configured', ...(path === undefined ? {} : { kubeconfigPath: path }) };
  }
  if (kubeconfigPath !== undefined) return { backend: 'kubernetes', source: 'kubeconfig', kubeconfigPath };
  if (inCluster(input)) return { backend: 'kubernetes', source: 'service-account' };
  return { backend: 'simulated', source: 'none' };
}

/** One plain sentence for the start-up log, e.g. "kubernetes (found kubeconfig /home/ops/.kube/config)". */
export function describeBackendSelection(selection: ClusterBackendSelection): string {
  const where = selection.kubeconfigPath !== undefined ? `kubeconfig ${selection.kubeconfigPath}` : 'in-cluster service account';
  switch (selection.source) {
    case 'configured':
      return selection.backend === 'simulated'
        ? 'simulated (CLUSTER_BACKEND=simulated; no real Kubernetes)'
        : `kubernetes (CLUSTER_BACKEND=kubernetes, ${where})`;
    case 'kubeconfig':
      return `kubernetes (found ${where})`;
    case 'service-account':
      return 'kubernetes (found in-cluster service account)';
    case 'none':
      return 'simulated (no kubeconfig or service account found; no real Kubernetes)';
  }
}
