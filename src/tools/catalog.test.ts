import { describe, expect, it } from 'vitest';
import {
  TOOL_NAMES,
  baseRisk,
  effectiveRisk,
  isReadOnly,
  namespacesTouched,
  openAiTools,
  toolCatalog,
  toolSchemas,
  validateToolCall,
  type ToolCall,
} from './catalog.js';

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

describe('the tool catalog', () => {
  it('holds exactly the twelve tools of DESIGN.md', () => {
    expect(TOOL_NAMES).toEqual([
      'list_pods',
      'get_pod_logs',
      'describe_resource',
      'list_events',
      'list_deployments',
      'get_rollout_history',
      'list_nodes',
      'restart_deployment',
      'scale_deployment',
      'rollback_deployment',
      'delete_resource',
      'apply_manifest',
    ]);
    expect(Object.keys(toolCatalog)).toEqual([...TOOL_NAMES]);
    for (const name of TOOL_NAMES) {
      expect(toolCatalog[name].name).toBe(name);
      expect(toolCatalog[name].schema).toBe(toolSchemas[name]);
      expect(toolCatalog[name].description.length).toBeGreaterThan(20);
    }
  });

  it('gives each tool the risk DESIGN.md lists', () => {
    const risks = Object.fromEntries(TOOL_NAMES.map((name) => [name, baseRisk(name)]));
    expect(risks).toEqual({
      list_pods: 'read',
      get_pod_logs: 'read',
      describe_resource: 'read',
      list_events: 'read',
      list_deployments: 'read',
      get_rollout_history: 'read',
      list_nodes: 'read',
      restart_deployment: 'write',
      scale_deployment: 'write',
      rollback_deployment: 'write',
      delete_resource: 'critical',
      apply_manifest: 'critical',
    });
    expect(TOOL_NAMES.filter(isReadOnly)).toHaveLength(7);
  });

  it('names every parameter exactly as DESIGN.md does', () => {
    const params = Object.fromEntries(TOOL_NAMES.map((name) => [name, Object.keys(toolSchemas[name].shape)]));
    expect(params).toEqual({
      list_pods: ['namespace', 'label_selector'],
      get_pod_logs: ['pod', 'namespace', 'container', 'tail_lines', 'previous'],
      describe_resource: ['kind', 'name', 'namespace'],
      list_events: ['namespace', 'involved_object', 'limit'],
      list_deployments: ['namespace'],
      get_rollout_history: ['name', 'namespace'],
      list_nodes: [],
      restart_deployment: ['name', 'namespace'],
      scale_deployment: ['name', 'replicas', 'namespace'],
      rollback_deployment: ['name', 'revision', 'namespace'],
      delete_resource: ['kind', 'name', 'namespace'],
      apply_manifest: ['manifest', 'namespace'],
    });
  });
});

describe('openAiTools', () => {
  it('generates each JSON schema from the zod schema: types, bounds, required keys, no extra keys', () => {
    const tools = openAiTools();
    expect(tools.map((tool) => tool.function.name)).toEqual([...TOOL_NAMES]);
    const scale = tools.find((tool) => tool.function.name === 'scale_deployment')!;
    expect(scale.type).toBe('function');
    expect(scale.function.description).toBe(toolCatalog.scale_deployment.description);
    expect(scale.function.parameters).toMatchObject({
      type: 'object',
      required: ['name', 'replicas'],
      additionalProperties: false,
      properties: {
        replicas: { type: 'integer', minimum: 0, maximum: 100 },
        name: { type: 'string', maxLength: 253 },
        namespace: { type: 'string', maxLength: 63 },
      },
    });
    expect(scale.function.parameters).not.toHaveProperty('$schema');
    const describe = tools.find((tool) => tool.function.name === 'describe_resource')!;
    expect(describe.function.parameters).toMatchObject({
      properties: {
        kind: {
          enum: ['pod', 'deployment', 'statefulset', 'daemonset', 'service', 'ingress', 'configmap', 'node', 'job', 'cronjob', 'hpa'],
        },
      },
    });
  });

  it('offers only the tools the filter keeps, such as the read-only ones', () => {
    const names = openAiTools(isReadOnly).map((tool) => tool.function.name);
    expect(names).toEqual([
      'list_pods',
      'get_pod_logs',
      'describe_resource',
      'list_events',
      'list_deployments',
      'get_rollout_history',
      'list_nodes',
    ]);
  });
});

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
