import { describe, expect, it } from 'vitest';
import { TOOL_NAMES } from '../../tools/registry.js';
import { toolParameters, usageLine } from './tool-parameters.js';

describe('tool parameters from the catalog schema', () => {
  it('mark required ones and carry integer bounds and enum options', () => {
    expect(toolParameters('scale_deployment')).toEqual([
      { key: 'name', required: true, type: 'string', options: [] },
      { key: 'replicas', required: true, type: 'integer', options: [], minimum: 0, maximum: 100 },
      { key: 'namespace', required: false, type: 'string', options: [] },
    ]);
    const kind = toolParameters('describe_resource')[0];
    expect(kind).toMatchObject({ key: 'kind', type: 'enum' });
    expect(kind?.options).toEqual(expect.arrayContaining(['pod', 'hpa']));
    expect(toolParameters('list_nodes')).toEqual([]);
  });

  it('drop the safe-integer ceiling zod adds to an unbounded integer', () => {
    expect(toolParameters('rollback_deployment').find((p) => p.key === 'revision')).toEqual({
      key: 'revision',
      required: false,
      type: 'integer',
      options: [],
      minimum: 1,
    });
  });
});

describe('usageLine', () => {
  it('shows required values plain and optional ones in brackets', () => {
    expect(usageLine('scale_deployment')).toBe('/run scale_deployment name=<name> replicas=0-100 [namespace=<namespace>]');
    expect(usageLine('get_pod_logs')).toBe(
      '/run get_pod_logs pod=<pod> [namespace=<namespace>] [container=<container>] [tail_lines=1-5000] [previous=true|false]',
    );
    expect(usageLine('list_nodes')).toBe('/run list_nodes');
  });

  it('puts the manifest of apply_manifest on the next line', () => {
    expect(usageLine('apply_manifest')).toBe('/run apply_manifest [namespace=<namespace>]\n<manifest YAML>');
  });

  it('exists for every tool', () => {
    for (const tool of TOOL_NAMES) expect(usageLine(tool).startsWith(`/run ${tool}`)).toBe(true);
  });
});
