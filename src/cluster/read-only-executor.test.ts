import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import { createReadOnlyExecutor } from './read-only-executor.js';
import { createSimulatedCluster } from './simulated.js';

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the read-only executor (the bot process)', () => {
  it('passes reads through', async () => {
    const inner = createSimulatedCluster();
    const readOnly = createReadOnlyExecutor(inner);
    expect((await readOnly.list_pods({ namespace: 'prod' })).length).toBeGreaterThan(0);
    expect(await readOnly.listNamespaces()).toContain('prod');
    expect((await readOnly.ping()).ok).toBe(true);
  });

  it('refuses every change and every preview without reaching the cluster', async () => {
    const inner = createSimulatedCluster();
    const readOnly = createReadOnlyExecutor(inner);
    const attempts = [
      readOnly.restart_deployment({ name: 'web', namespace: 'prod' }),
      readOnly.scale_deployment({ name: 'web', replicas: 0, namespace: 'prod' }),
      readOnly.rollback_deployment({ name: 'web', namespace: 'prod' }),
      readOnly.delete_resource({ kind: 'pod', name: 'x', namespace: 'prod' }),
      readOnly.apply_manifest({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n', namespace: 'prod' }),
      readOnly.preview({ name: 'restart_deployment', arguments: { name: 'web', namespace: 'prod' } }),
    ];
    for (const attempt of attempts) {
      const error = await refusal(attempt);
      expect(error).toBeInstanceOf(ClusterError);
      expect((error as ClusterError).code).toBe('forbidden');
    }
    expect(inner.calls()).toEqual([]);
  });
});
