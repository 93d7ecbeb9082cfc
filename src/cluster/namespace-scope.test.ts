import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import {
  checkClusterScopedWrite,
  checkNamespaceAccess,
  DEFAULT_PROTECTED_NAMESPACES,
  namespacesInScope,
  type NamespaceScope,
} from './namespace-scope.js';

const everywhere: NamespaceScope = {
  defaultNamespace: 'default',
  allowedNamespaces: [],
  protectedNamespaces: DEFAULT_PROTECTED_NAMESPACES,
};
const prodAndStaging: NamespaceScope = { ...everywhere, allowedNamespaces: ['prod', 'staging', 'kube-system'] };
const context = { tool: 'scale_deployment', kind: 'deployment', name: 'web' };

function refusal(run: () => void): ClusterError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClusterError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('namespace scope', () => {
  it('protects kube-system, kube-public and kube-node-lease by default', () => {
    expect(DEFAULT_PROTECTED_NAMESPACES).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
  });

  it('allows reads and writes anywhere outside the protected namespaces when the allow-list is empty', () => {
    expect(() => checkNamespaceAccess(everywhere, 'prod', 'write', context)).not.toThrow();
    expect(() => checkNamespaceAccess(everywhere, 'anything', 'read', context)).not.toThrow();
  });

  it('allows reads but refuses writes in a protected namespace', () => {
    expect(() => checkNamespaceAccess(everywhere, 'kube-system', 'read', context)).not.toThrow();
    const error = refusal(() => checkNamespaceAccess(everywhere, 'kube-system', 'write', context));
    expect(error.code).toBe('protected_namespace');
    expect(error.details).toMatchObject({ namespace: 'kube-system', verb: 'write', tool: 'scale_deployment' });
  });

  it('keeps a protected namespace read-only even when it is on the allow-list', () => {
    expect(() => checkNamespaceAccess(prodAndStaging, 'kube-system', 'read', context)).not.toThrow();
    expect(refusal(() => checkNamespaceAccess(prodAndStaging, 'kube-system', 'write', context)).code).toBe('protected_namespace');
  });

  it('refuses reads and writes outside a non-empty allow-list', () => {
    for (const access of ['read', 'write'] as const) {
      const error = refusal(() => checkNamespaceAccess(prodAndStaging, 'monitoring', access, context));
      expect(error.code).toBe('out_of_scope');
      expect(error.details).toMatchObject({ namespace: 'monitoring', verb: access, allowed: 'prod,staging,kube-system' });
    }
  });

  it('refuses a namespace that is not a DNS-1123 label', () => {
    expect(refusal(() => checkNamespaceAccess(everywhere, 'Prod_1', 'read', context)).code).toBe('invalid');
  });

  it('refuses cluster-scoped writes only when the bot is limited to an allow-list', () => {
    const node = { tool: 'delete_resource', kind: 'node', name: 'sim-node-3' };
    expect(() => checkClusterScopedWrite(everywhere, node)).not.toThrow();
    const error = refusal(() => checkClusterScopedWrite(prodAndStaging, node));
    expect(error.code).toBe('out_of_scope');
    expect(error.details).toMatchObject({ resource: 'cluster-scoped', kind: 'node', name: 'sim-node-3' });
  });

  it('lists only the allowed namespaces, or all when the allow-list is empty', () => {
    const all = ['default', 'prod', 'staging', 'kube-system', 'monitoring'];
    expect(namespacesInScope(everywhere, all)).toEqual(all);
    expect(namespacesInScope(prodAndStaging, all)).toEqual(['prod', 'staging', 'kube-system']);
  });
});
