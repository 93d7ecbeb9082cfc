import { describe, expect, it } from 'vitest';
import type { ToolCall } from './registry.js';
import { effectiveRisk, namespacesTouched } from './risk.js';
import { validateToolCall } from './validate-tool-call.js';

function valid(name: string, args: unknown): ToolCall {
  const result = validateToolCall(name, args);
  if (!result.ok) throw new Error(`expected ${name} to validate: ${result.reason}`);
  return result.call;
}

describe('effectiveRisk', () => {
  const opts = { protectedNamespaces: ['payments'], defaultNamespace: 'default' };
  const call = (name: string, args: unknown): ToolCall => valid(name, args);

  it('keeps a read tool read, even in a protected namespace', () => {
    expect(effectiveRisk(call('list_pods', { namespace: 'kube-system' }), opts)).toBe('read');
    expect(effectiveRisk(call('get_pod_logs', { pod: 'x', namespace: 'payments' }), opts)).toBe('read');
  });

  it('keeps a change write in an ordinary namespace', () => {
    expect(effectiveRisk(call('scale_deployment', { name: 'web', replicas: 3 }), opts)).toBe('write');
    expect(effectiveRisk(call('restart_deployment', { name: 'web', namespace: 'prod' }), opts)).toBe('write');
  });

  it('makes scaling to zero critical', () => {
    expect(effectiveRisk(call('scale_deployment', { name: 'web', replicas: 0 }), opts)).toBe('critical');
    expect(effectiveRisk(call('scale_deployment', { name: 'web', replicas: '0' }), opts)).toBe('critical');
  });

  it('makes a change in kube-system or a configured namespace critical, also when it is the default', () => {
    expect(effectiveRisk(call('restart_deployment', { name: 'coredns', namespace: 'kube-system' }), opts)).toBe('critical');
    expect(effectiveRisk(call('rollback_deployment', { name: 'api', namespace: 'payments' }), opts)).toBe('critical');
    const inPayments = { protectedNamespaces: ['payments'], defaultNamespace: 'payments' };
    expect(effectiveRisk(call('restart_deployment', { name: 'api' }), inPayments)).toBe('critical');
    const noList = { protectedNamespaces: [], defaultNamespace: 'default' };
    expect(effectiveRisk(call('restart_deployment', { name: 'coredns', namespace: 'kube-system' }), noList)).toBe('critical');
  });

  it('keeps delete and apply critical whatever their arguments', () => {
    expect(effectiveRisk(call('delete_resource', { kind: 'pod', name: 'web-1', namespace: 'dev' }), opts)).toBe('critical');
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: kube-system\n';
    expect(effectiveRisk(call('apply_manifest', { manifest }), opts)).toBe('critical');
  });

  it('finds the namespaces a manifest touches, including a Namespace object itself', () => {
    const manifest =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: team-a\n';
    expect(namespacesTouched(call('apply_manifest', { manifest }), 'default')).toEqual(['default', 'kube-system', 'team-a']);
    expect(namespacesTouched(call('list_nodes', {}), 'default')).toEqual([]);
  });
});
