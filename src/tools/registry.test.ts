import { describe, expect, it } from 'vitest';
import { openAiTools } from './json-schemas.js';
import { READ_TOOL_NAMES, standardTools, TOOL_NAMES, WRITE_TOOL_NAMES } from './registry.js';
import { baseRisk, isReadOnly } from './risk.js';
import { isReadTool } from './tool-module.js';
import { createToolRegistry, toolOf } from './tool-registry.js';
import { listPods } from './catalog/list-pods.js';

describe('the tool catalog', () => {
  it('holds exactly the twelve tools of the catalog contract', () => {
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
    expect(standardTools.tools.map((tool) => tool.name)).toEqual([...TOOL_NAMES]);
    for (const name of TOOL_NAMES) {
      expect(toolOf(standardTools, { name }).name).toBe(name);
      expect(toolOf(standardTools, { name }).description.length).toBeGreaterThan(20);
    }
    expect(READ_TOOL_NAMES).toEqual(TOOL_NAMES.slice(0, 7));
    expect(WRITE_TOOL_NAMES).toEqual(TOOL_NAMES.slice(7));
  });

  it('gives each tool the risk the catalog contract lists', () => {
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
    expect(TOOL_NAMES.filter((name) => isReadOnly(name))).toHaveLength(7);
  });

  it('names every parameter exactly as the catalog contract does', () => {
    const params = Object.fromEntries(TOOL_NAMES.map((name) => [name, Object.keys(toolOf(standardTools, { name }).schema.shape)]));
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

  it('refuses two tools with one name', () => {
    expect(() => createToolRegistry([listPods, listPods])).toThrow('two tools are named list_pods');
  });
});

describe('openAiTools', () => {
  it('generates each JSON schema from the zod schema: types, bounds, required keys, no extra keys', () => {
    const tools = openAiTools();
    expect(tools.map((tool) => tool.function.name)).toEqual([...TOOL_NAMES]);
    const scale = tools.find((tool) => tool.function.name === 'scale_deployment')!;
    expect(scale.type).toBe('function');
    expect(scale.function.description).toBe(toolOf(standardTools, { name: 'scale_deployment' }).description);
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

  it('offers only the tools it is given, such as the read-only ones', () => {
    const names = openAiTools(standardTools.tools.filter(isReadTool)).map((tool) => tool.function.name);
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
