import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { describeKubeTarget, loadKubeConfig, safeServerUrl } from './kubernetes-config.js';

function config(server: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: false }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [
      { name: 'prod-admin', cluster: 'c', user: 'u' },
      { name: 'staging', cluster: 'c', user: 'u' },
    ],
    currentContext: 'prod-admin',
  });
  return kubeConfig;
}

describe('safeServerUrl', () => {
  it('drops user info and query from the server URL', () => {
    expect(safeServerUrl('https://admin:hunter2@1.2.3.4:6443/?token=x')).toBe('https://1.2.3.4:6443');
    expect(safeServerUrl('not a url')).toBe('(invalid server URL)');
  });
});

describe('describeKubeTarget', () => {
  it('names the context and the server, and no credential', () => {
    const description = describeKubeTarget(config('https://1.2.3.4:6443'));
    expect(description).toBe('Kubernetes context prod-admin at https://1.2.3.4:6443');
    expect(description).not.toContain('secret-token');
  });
});

describe('loadKubeConfig', () => {
  it('switches to the context KUBE_CONTEXT names', () => {
    expect(loadKubeConfig({ kubeConfig: config('https://1.2.3.4:6443'), context: 'staging' }).getCurrentContext()).toBe('staging');
  });

  it('refuses an unknown context, listing the known ones', () => {
    expect(() => loadKubeConfig({ kubeConfig: config('https://1.2.3.4:6443'), context: 'nope' })).toThrow(
      'kubeconfig has no context "nope" (contexts: prod-admin, staging)',
    );
  });

  it('names a kubeconfig file that does not exist', () => {
    expect(() => loadKubeConfig({ kubeconfigPath: '/nonexistent/kubeconfig' })).toThrow(
      'kubeconfig file not found: /nonexistent/kubeconfig',
    );
  });
});
