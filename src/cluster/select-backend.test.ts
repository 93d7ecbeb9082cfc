import { describe, expect, it } from 'vitest';
import { describeBackendSelection, resolveClusterBackend, SERVICE_ACCOUNT_TOKEN_PATH, type ClusterBackendInput } from './select-backend.js';

function input(files: string[], overrides: Partial<ClusterBackendInput> = {}): ClusterBackendInput {
  const existing = new Set(files);
  return { env: {}, homeDir: '/home/ops', fileExists: (path) => existing.has(path), ...overrides };
}

const IN_CLUSTER_ENV = { KUBERNETES_SERVICE_HOST: '10.43.0.1', KUBERNETES_SERVICE_PORT: '443' };

describe('resolveClusterBackend', () => {
  it('uses the simulated cluster when CLUSTER_BACKEND=simulated, even with a kubeconfig present', () => {
    const selection = resolveClusterBackend(input(['/home/ops/.kube/config'], { configured: 'simulated' }));
    expect(selection).toEqual({ backend: 'simulated', source: 'configured' });
  });

  it('defaults to kubernetes when ~/.kube/config exists', () => {
    expect(resolveClusterBackend(input(['/home/ops/.kube/config']))).toEqual({
      backend: 'kubernetes',
      source: 'kubeconfig',
      kubeconfigPath: '/home/ops/.kube/config',
    });
  });

  it('prefers the files KUBECONFIG names, keeping those that exist in order', () => {
    const selection = resolveClusterBackend(
      input(['/etc/kube/a', '/etc/kube/c', '/home/ops/.kube/config'], { env: { KUBECONFIG: '/etc/kube/a:/etc/kube/b:/etc/kube/c' } }),
    );
    expect(selection).toEqual({ backend: 'kubernetes', source: 'kubeconfig', kubeconfigPath: '/etc/kube/a:/etc/kube/c' });
  });

  it('takes the configured kubeconfig path over the environment', () => {
    const selection = resolveClusterBackend(
      input(['/srv/bot.kubeconfig', '/etc/kube/a'], { kubeconfigPath: '/srv/bot.kubeconfig', env: { KUBECONFIG: '/etc/kube/a' } }),
    );
    expect(selection.kubeconfigPath).toBe('/srv/bot.kubeconfig');
  });

  it('does not fall back to ~/.kube/config when KUBECONFIG names only missing files, as kubectl does not', () => {
    const selection = resolveClusterBackend(input(['/home/ops/.kube/config'], { env: { KUBECONFIG: '/missing' } }));
    expect(selection).toEqual({ backend: 'simulated', source: 'none' });
  });

  it('uses the in-cluster service account when KUBERNETES_SERVICE_HOST is set and the token file exists', () => {
    const selection = resolveClusterBackend(input([SERVICE_ACCOUNT_TOKEN_PATH], { env: IN_CLUSTER_ENV }));
    expect(selection).toEqual({ backend: 'kubernetes', source: 'service-account' });
  });

  it('does not count a service host without the token file as in-cluster', () => {
    expect(resolveClusterBackend(input([], { env: IN_CLUSTER_ENV }))).toEqual({ backend: 'simulated', source: 'none' });
  });

  it('prefers a kubeconfig over the service account, as the Kubernetes client does', () => {
    const selection = resolveClusterBackend(input([SERVICE_ACCOUNT_TOKEN_PATH, '/home/ops/.kube/config'], { env: IN_CLUSTER_ENV }));
    expect(selection.source).toBe('kubeconfig');
  });

  it('falls back to the simulated cluster when nothing is found', () => {
    expect(resolveClusterBackend(input([]))).toEqual({ backend: 'simulated', source: 'none' });
  });

  it('keeps an explicitly configured kubeconfig that does not exist, so loading it names the missing file', () => {
    const selection = resolveClusterBackend(input([], { configured: 'kubernetes', kubeconfigPath: '/srv/missing' }));
    expect(selection).toEqual({ backend: 'kubernetes', source: 'configured', kubeconfigPath: '/srv/missing' });
  });

  it('leaves the kubeconfig out when CLUSTER_BACKEND=kubernetes and only a service account exists', () => {
    const selection = resolveClusterBackend(input([SERVICE_ACCOUNT_TOKEN_PATH], { configured: 'kubernetes', env: IN_CLUSTER_ENV }));
    expect(selection).toEqual({ backend: 'kubernetes', source: 'configured' });
  });
});

describe('describeBackendSelection', () => {
  it('says plainly which backend is in use and why', () => {
    expect(describeBackendSelection({ backend: 'simulated', source: 'none' })).toBe(
      'simulated (no kubeconfig or service account found; no real Kubernetes)',
    );
    expect(describeBackendSelection({ backend: 'kubernetes', source: 'kubeconfig', kubeconfigPath: '/k' })).toBe(
      'kubernetes (found kubeconfig /k)',
    );
    expect(describeBackendSelection({ backend: 'kubernetes', source: 'configured' })).toBe(
      'kubernetes (CLUSTER_BACKEND=kubernetes, in-cluster service account)',
    );
  });
});
