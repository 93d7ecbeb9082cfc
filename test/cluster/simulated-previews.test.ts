import { describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/cluster/executor.js';
import { expectClusterError, simulatedClusterAt } from './helpers.js';

const allWrites: ChangeRequest[] = [
  { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } },
  { name: 'scale_deployment', arguments: { name: 'web', namespace: 'prod', replicas: 1 } },
  { name: 'rollback_deployment', arguments: { name: 'api', namespace: 'prod' } },
  { name: 'delete_resource', arguments: { kind: 'deployment', name: 'worker', namespace: 'prod' } },
  { name: 'delete_resource', arguments: { kind: 'node', name: 'sim-node-2' } },
  {
    name: 'apply_manifest',
    arguments: {
      namespace: 'prod',
      manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: api-config }\ndata: { LOG_LEVEL: debug }\n',
    },
  },
];

describe('previews of the simulated cluster', () => {
  it('change nothing: same fingerprint, same reads, no mutation counted', async () => {
    const { cluster } = simulatedClusterAt();
    const fingerprint = cluster.fingerprint();
    const podsBefore = await cluster.list_pods({ namespace: 'prod' });
    for (const call of allWrites) {
      const preview = await cluster.preview(call);
      expect(preview.dryRun).toBe('simulated');
    }
    expect(cluster.fingerprint()).toBe(fingerprint);
    expect(await cluster.list_pods({ namespace: 'prod' })).toEqual(podsBefore);
    expect(cluster.mutationCount()).toBe(0);
    expect(cluster.calls().filter((call) => call.effect === 'preview')).toHaveLength(allWrites.length);
  });

  it('show scale as replicas now → after, and the pods a scale-down removes', async () => {
    const { cluster } = simulatedClusterAt();
    const web = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' })).map((pod) => pod.name);
    const preview = await cluster.preview({ name: 'scale_deployment', arguments: { name: 'web', namespace: 'prod', replicas: 1 } });
    expect(preview).toMatchObject({
      action: 'scale',
      target: { kind: 'deployment', name: 'web', namespace: 'prod' },
      current: { replicas: 2, ready: 2 },
      after: { replicas: 1 },
    });
    expect(preview.affectedPods).toHaveLength(1);
    expect(web).toContain(preview.affectedPods[0]);
    expect(preview.notes?.join(' ')).toContain('HorizontalPodAutoscaler web');
  });

  it('show restart with the current and next revision and every pod it replaces', async () => {
    const { cluster } = simulatedClusterAt();
    const api = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' })).map((pod) => pod.name);
    const preview = await cluster.preview({ name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } });
    expect(preview).toMatchObject({ action: 'restart', currentRevision: 3, targetRevision: 4 });
    expect(preview.affectedPods).toEqual(api);
  });

  it('show rollback with the current revision, the revision restored and the images', async () => {
    const { cluster } = simulatedClusterAt();
    const preview = await cluster.preview({ name: 'rollback_deployment', arguments: { name: 'api', namespace: 'prod', revision: 1 } });
    expect(preview).toMatchObject({
      currentRevision: 3,
      targetRevision: 1,
      current: { images: ['registry.example.com/shop/api:1.8.0'] },
      after: { images: ['registry.example.com/shop/api:1.7.0'] },
    });
    expect(preview.affectedPods).toHaveLength(3);
  });

  it('show what a delete takes away', async () => {
    const { cluster } = simulatedClusterAt();
    const worker = await cluster.preview({ name: 'delete_resource', arguments: { kind: 'deployment', name: 'worker', namespace: 'prod' } });
    expect(worker).toMatchObject({ action: 'delete', after: null, current: { replicas: 1 } });
    expect(worker.affectedPods).toEqual([expect.stringMatching(/^worker-/)]);

    const node = await cluster.preview({ name: 'delete_resource', arguments: { kind: 'node', name: 'sim-node-2' } });
    expect(node.target).toEqual({ kind: 'node', name: 'sim-node-2' });
    expect(node.affectedPods.length).toBeGreaterThan(2);
    expect(node.affectedPods.every((pod) => pod.includes('/'))).toBe(true);

    const pod = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }))[0].name;
    const podPreview = await cluster.preview({ name: 'delete_resource', arguments: { kind: 'pod', name: pod, namespace: 'prod' } });
    expect(podPreview.affectedPods).toEqual([pod]);
    expect(podPreview.notes).toEqual(['owned by Deployment/web: its controller creates a replacement pod']);
  });

  it('show apply as a diff against the live objects', async () => {
    const { cluster } = simulatedClusterAt();
    const preview = await cluster.preview({
      name: 'apply_manifest',
      arguments: {
        namespace: 'prod',
        manifest: [
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: api-config }\ndata: { LOG_LEVEL: debug, FEATURE_NEW_CHECKOUT: "false" }',
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: brand-new }\ndata: { a: "1" }',
        ].join('\n---\n'),
      },
    });
    expect(preview.after).toEqual({
      objects: [
        { kind: 'configmap', name: 'api-config', namespace: 'prod', outcome: 'configured' },
        { kind: 'configmap', name: 'brand-new', namespace: 'prod', outcome: 'created' },
      ],
    });
    expect(preview.diff).toContain('--- live/configmap/prod/api-config\n+++ manifest/configmap/prod/api-config');
    expect(preview.diff).toContain('-  LOG_LEVEL: info\n+  LOG_LEVEL: debug');
    expect(preview.diff).toContain('+++ manifest/configmap/prod/brand-new\n@@ -0,0 +1,7 @@');
    expect(preview.affectedPods).toEqual([]);
  });

  it('show an apply that replaces pods, and never show Secret values', async () => {
    const { cluster } = simulatedClusterAt();
    const preview = await cluster.preview({
      name: 'apply_manifest',
      arguments: {
        namespace: 'prod',
        manifest: 'apiVersion: v1\nkind: Secret\nmetadata: { name: worker-db }\nstringData: { url: "postgres://worker:hunter2@db/shop" }\n',
      },
    });
    expect(preview.diff).not.toContain('hunter2');
    expect(preview.diff).toContain('(redacted)');
    expect(preview.notes).toContain('secret worker-db: values are not shown');
  });

  it('say there is nothing to do for a no-op', async () => {
    const { cluster } = simulatedClusterAt();
    const preview = await cluster.preview({ name: 'scale_deployment', arguments: { name: 'web', namespace: 'prod', replicas: 2 } });
    expect(preview.notes?.[0]).toBe('no change: deployment.apps/web already has 2 replicas');
    expect(preview.affectedPods).toEqual([]);
  });

  it('fail like the write would', async () => {
    const { cluster } = simulatedClusterAt();
    await expectClusterError(cluster.preview({ name: 'restart_deployment', arguments: { name: 'ghost', namespace: 'prod' } }), 'not_found');
    await expectClusterError(cluster.preview({ name: 'apply_manifest', arguments: { manifest: '- just\n- a list\n' } }), 'invalid');
  });

  it('predict the pods the write then replaces', async () => {
    const { cluster } = simulatedClusterAt();
    const preview = await cluster.preview({ name: 'restart_deployment', arguments: { name: 'web', namespace: 'prod' } });
    const result = await cluster.restart_deployment({ name: 'web', namespace: 'prod' });
    expect(result.before?.['pods']).toEqual(preview.affectedPods);
    expect(result.after?.['pods']).toEqual(preview.after?.['pods']);
  });
});
