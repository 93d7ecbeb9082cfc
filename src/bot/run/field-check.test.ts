import { describe, expect, it } from 'vitest';
import { checkField } from './field-check.js';

describe('checkField', () => {
  it('applies the catalog coercions to one typed value', () => {
    expect(checkField('scale_deployment', 'replicas', ' 3 ')).toEqual({ ok: true, value: 3 });
    expect(checkField('get_pod_logs', 'previous', 'TRUE')).toEqual({ ok: true, value: true });
    expect(checkField('describe_resource', 'kind', 'Deployment')).toEqual({ ok: true, value: 'deployment' });
  });

  it('names the problem with a value out of range, of the wrong type, or not a Kubernetes name', () => {
    expect(checkField('scale_deployment', 'replicas', '500')).toEqual({ ok: false, reason: 'replicas = "500": must be at most 100' });
    expect(checkField('scale_deployment', 'replicas', 'three')).toEqual({ ok: false, reason: 'replicas = "three": must be an integer' });
    const name = checkField('restart_deployment', 'name', 'Bad_Name');
    expect(name.ok).toBe(false);
    if (!name.ok) expect(name.reason).toContain('must be a Kubernetes name');
    const kind = checkField('describe_resource', 'kind', 'widget');
    if (!kind.ok) expect(kind.reason).toContain('must be one of pod, deployment');
    expect(kind.ok).toBe(false);
  });

  it('refuses a key the tool does not have, inherited names included', () => {
    expect(checkField('list_pods', 'replicas', '3').ok).toBe(false);
    expect(checkField('list_pods', 'toString', 'x').ok).toBe(false);
  });

  it('refuses an empty manifest and accepts YAML objects', () => {
    expect(checkField('apply_manifest', 'manifest', '   ').ok).toBe(false);
    expect(checkField('apply_manifest', 'manifest', 'kind: ConfigMap\nmetadata:\n  name: a').ok).toBe(true);
  });
});
