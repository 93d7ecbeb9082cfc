import { describe, expect, it } from 'vitest';
import type { ToolCall } from './registry.js';
import { validateToolCall } from './validate-tool-call.js';

function valid(name: string, args: unknown): ToolCall {
  const result = validateToolCall(name, args);
  if (!result.ok) throw new Error(`expected ${name} to validate: ${result.reason}`);
  return result.call;
}

function reason(name: string, args: unknown): string {
  const result = validateToolCall(name, args);
  if (result.ok) throw new Error(`expected ${name} ${JSON.stringify(args)} to be refused`);
  return result.reason;
}

describe('validateToolCall', () => {
  it('accepts a well-formed call and leaves an omitted namespace omitted', () => {
    expect(valid('scale_deployment', { name: 'web', replicas: 5 })).toEqual({
      name: 'scale_deployment',
      arguments: { name: 'web', replicas: 5 },
    });
    expect(valid('list_nodes', {})).toEqual({ name: 'list_nodes', arguments: {} });
    expect(valid('list_nodes', undefined)).toEqual({ name: 'list_nodes', arguments: {} });
  });

  it('coerces only unambiguous values: integer text, boolean text, null as absent, a kind in capitals', () => {
    expect(valid('get_pod_logs', { pod: 'api-1', tail_lines: '200', previous: 'true', container: null })).toEqual({
      name: 'get_pod_logs',
      arguments: { pod: 'api-1', tail_lines: 200, previous: true },
    });
    expect(valid('describe_resource', { kind: 'Deployment', name: 'web' }).arguments).toEqual({ kind: 'deployment', name: 'web' });
    expect(reason('scale_deployment', { name: 'web', replicas: '3.5' })).toContain('integer');
    expect(reason('scale_deployment', { name: 'web', replicas: 'three' })).toContain('replicas');
    expect(reason('get_pod_logs', { pod: 'a', previous: 'yes' })).toContain('previous');
    expect(reason('get_pod_logs', { pod: 'a', previous: 1 })).toContain('previous');
    expect(reason('restart_deployment', { name: 42 })).toContain('name');
  });

  it('refuses an unknown tool', () => {
    expect(reason('delete_namespace', { name: 'prod' })).toContain('unknown tool "delete_namespace"');
  });

  it('refuses missing required arguments and names them', () => {
    expect(reason('scale_deployment', { name: 'web' })).toContain('missing required argument "replicas"');
    expect(reason('get_pod_logs', { pod: null })).toContain('missing required argument "pod"');
  });

  it('refuses invented arguments instead of dropping them', () => {
    expect(reason('delete_resource', { kind: 'pod', name: 'web-1', force: true })).toContain('unknown argument "force"');
  });

  it('refuses values out of bounds', () => {
    expect(reason('scale_deployment', { name: 'web', replicas: 101 })).toContain('at most 100');
    expect(reason('scale_deployment', { name: 'web', replicas: -1 })).toContain('at least 0');
    expect(reason('get_pod_logs', { pod: 'a', tail_lines: 0 })).toContain('at least 1');
    expect(reason('get_pod_logs', { pod: 'a', tail_lines: 5001 })).toContain('at most 5000');
    expect(reason('list_events', { limit: 501 })).toContain('at most 500');
    expect(reason('rollback_deployment', { name: 'web', revision: 0 })).toContain('at least 1');
    expect(valid('list_events', { limit: '500' }).arguments).toEqual({ limit: 500 });
  });

  it('refuses names that are not Kubernetes names', () => {
    expect(reason('restart_deployment', { name: 'Web' })).toContain('Kubernetes name');
    expect(reason('restart_deployment', { name: 'web; rm -rf /' })).toContain('Kubernetes name');
    expect(reason('list_pods', { namespace: 'my.ns' })).toContain('namespace');
    expect(reason('list_pods', { namespace: '' })).toContain('namespace');
    expect(reason('get_pod_logs', { pod: 'a', container: 'side.car' })).toContain('container');
    expect(reason('list_events', { involved_object: 'Api' })).toContain('involved_object');
    expect(reason('describe_resource', { kind: 'secret', name: 'db' })).toContain('must be one of');
  });

  it('refuses a malformed label selector', () => {
    expect(reason('list_pods', { label_selector: 'app=web)' })).toContain('label selector');
    expect(valid('list_pods', { label_selector: 'app=web,tier in (a,b)' }).arguments).toEqual({ label_selector: 'app=web,tier in (a,b)' });
  });

  it('accepts a manifest only when it is YAML made of objects', () => {
    const manifest =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect(valid('apply_manifest', { manifest }).arguments).toEqual({ manifest });
    expect(reason('apply_manifest', { manifest: '' })).toContain('manifest');
    expect(reason('apply_manifest', { manifest: '   ' })).toContain('manifest');
    expect(reason('apply_manifest', { manifest: 'just words' })).toContain('manifest');
    expect(reason('apply_manifest', { manifest: 'a: [1, 2' })).toContain('manifest');
  });

  it('refuses arguments that are not an object', () => {
    expect(reason('list_pods', ['prod'])).toContain('JSON object');
    expect(reason('list_pods', 'namespace=prod')).toContain('JSON object');
  });
});
