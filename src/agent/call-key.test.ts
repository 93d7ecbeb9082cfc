import { describe, expect, it } from 'vitest';
import { callKey } from './call-key.js';

describe('identical tool calls', () => {
  it('are the same tool with the same arguments in any key order', () => {
    expect(callKey({ name: 'get_pod_logs', arguments: { pod: 'a', namespace: 'prod', previous: true } }, 'default')).toBe(
      callKey({ name: 'get_pod_logs', arguments: { previous: true, namespace: 'prod', pod: 'a' } }, 'default'),
    );
  });

  it('count an omitted namespace as the default one', () => {
    expect(callKey({ name: 'list_pods', arguments: {} }, 'default')).toBe(
      callKey({ name: 'list_pods', arguments: { namespace: 'default' } }, 'default'),
    );
    expect(callKey({ name: 'list_pods', arguments: {} }, 'default')).not.toBe(
      callKey({ name: 'list_pods', arguments: { namespace: 'prod' } }, 'default'),
    );
  });

  it('ignore the namespace of cluster-scoped calls', () => {
    expect(callKey({ name: 'describe_resource', arguments: { kind: 'node', name: 'n1', namespace: 'prod' } }, 'default')).toBe(
      callKey({ name: 'describe_resource', arguments: { kind: 'node', name: 'n1' } }, 'default'),
    );
  });

  it('differ when any argument differs', () => {
    expect(callKey({ name: 'scale_deployment', arguments: { name: 'web', replicas: 3 } }, 'default')).not.toBe(
      callKey({ name: 'scale_deployment', arguments: { name: 'web', replicas: 4 } }, 'default'),
    );
  });
});
