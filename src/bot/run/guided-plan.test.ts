import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../tools/registry.js';
import { guidedSteps, needsNamespace, unaskedOptions } from './guided-plan.js';
import { toolParameters } from './tool-parameters.js';

const shape = (tool: Parameters<typeof guidedSteps>[0]) =>
  guidedSteps(tool).map(
    (s) =>
      `${s.kind}:${s.parameter.key}${s.kind === 'resource' ? `@${s.source}` : ''}${s.kind === 'value' && !s.parameter.required ? '?' : ''}`,
  );

describe('the questions of the guided /run flow', () => {
  it('ask namespace, then a deployment from the cluster, then the remaining values for deployment tools', () => {
    expect(shape('scale_deployment')).toEqual(['namespace:namespace', 'resource:name@deployments', 'value:replicas']);
    expect(shape('rollback_deployment')).toEqual(['namespace:namespace', 'resource:name@deployments', 'value:revision?']);
    expect(shape('get_rollout_history')).toEqual(['namespace:namespace', 'resource:name@deployments']);
  });

  it('pick a pod for logs and run a read tool with its defaults, its options left to the typed form', () => {
    expect(shape('get_pod_logs')).toEqual(['namespace:namespace', 'resource:pod@pods']);
    expect(unaskedOptions('get_pod_logs').map((p) => p.key)).toEqual(['container', 'tail_lines', 'previous']);
    expect(shape('list_pods')).toEqual(['namespace:namespace']);
    expect(unaskedOptions('list_pods').map((p) => p.key)).toEqual(['label_selector']);
    expect(unaskedOptions('scale_deployment')).toEqual([]);
  });

  it('ask the kind first for describe and delete, then names of that kind', () => {
    expect(shape('describe_resource')).toEqual(['resource-kind:kind', 'namespace:namespace', 'resource:name@by-kind']);
    expect(shape('delete_resource')).toEqual(['resource-kind:kind', 'namespace:namespace', 'resource:name@by-kind']);
  });

  it('ask nothing for list_nodes and the manifest as a required value for apply_manifest', () => {
    expect(shape('list_nodes')).toEqual([]);
    expect(shape('apply_manifest')).toEqual(['namespace:namespace', 'value:manifest']);
  });

  it('ask every parameter of every tool at most once, and every required one', () => {
    for (const tool of TOOL_NAMES) {
      const asked = guidedSteps(tool).map((s) => s.parameter.key);
      expect(new Set(asked).size).toBe(asked.length);
      expect([...asked, ...unaskedOptions(tool).map((p) => p.key)].sort()).toEqual(
        toolParameters(tool)
          .map((p) => p.key)
          .sort(),
      );
      for (const p of toolParameters(tool).filter((x) => x.required)) expect(asked).toContain(p.key);
    }
  });

  it('skip the namespace for nodes only', () => {
    expect(needsNamespace('node')).toBe(false);
    expect(needsNamespace('pod')).toBe(true);
    expect(needsNamespace(undefined)).toBe(true);
  });
});
