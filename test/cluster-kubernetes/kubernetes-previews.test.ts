import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../src/cluster/executor.js';
import { API_POD, WEB_PODS } from './fake-cluster-fixture.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
beforeEach(async () => {
  cluster = await startFakeCluster();
});
afterEach(async () => {
  await cluster.close();
});

/** Every object the previews could touch, to prove nothing changed. */
function snapshot() {
  const fake = cluster.fake;
  return JSON.stringify([
    fake.get('Deployment', 'web', 'prod'),
    fake.get('Deployment', 'api', 'prod'),
    fake.get('ConfigMap', 'web-config', 'prod'),
    fake.get('Secret', 'web-secret', 'prod'),
    fake.get('Pod', API_POD, 'prod'),
    fake.get('Node', 'node-c'),
    fake.get('Service', 'web-new', 'prod'),
  ]);
}

const SECRET_MANIFEST = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: web-secret',
  'stringData:',
  '  password: hunter2-new',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: web-config',
  'data:',
  '  LOG_LEVEL: debug',
  '  CACHE_TTL: "60"',
].join('\n');

const CALLS: ChangeRequest[] = [
  { name: 'scale_deployment', arguments: { namespace: 'prod', name: 'web', replicas: 5 } },
  { name: 'restart_deployment', arguments: { namespace: 'prod', name: 'web' } },
  { name: 'rollback_deployment', arguments: { namespace: 'prod', name: 'web' } },
  { name: 'delete_resource', arguments: { namespace: 'prod', kind: 'pod', name: API_POD } },
  { name: 'delete_resource', arguments: { kind: 'node', name: 'node-c' } },
  { name: 'apply_manifest', arguments: { namespace: 'prod', manifest: SECRET_MANIFEST } },
];

describe('previews of write calls', () => {
  it.each(CALLS.map((call) => [call.name, call] as const))(
    '%s: every write is the same request with dryRun=All, and nothing changes',
    async (_name, call) => {
      const before = snapshot();
      const preview = await cluster.executor.preview(call);
      expect(preview.dryRun).toBe('server');
      const writes = cluster.fake.writes();
      expect(writes.length).toBeGreaterThan(0);
      for (const write of writes) expect(write.query['dryRun']).toBe('All');
      expect(snapshot()).toBe(before);
    },
  );

  it('scale shows replicas now and after, and warns about the autoscaler that manages the deployment', async () => {
    const preview = await cluster.executor.preview({
      name: 'scale_deployment',
      arguments: { namespace: 'prod', name: 'api', replicas: 3 },
    });
    expect(cluster.fake.writes()).toEqual([
      expect.objectContaining({
        path: '/apis/apps/v1/namespaces/prod/deployments/api/scale',
        contentType: 'application/merge-patch+json',
        query: { dryRun: 'All', fieldManager: 'kube-chatops-bot' },
        body: { spec: { replicas: 3 } },
      }),
    ]);
    expect(preview).toMatchObject({
      action: 'scale',
      target: { kind: 'deployment', name: 'api', namespace: 'prod' },
      current: { replicas: 1 },
      after: { replicas: 3 },
    });
    expect(preview.notes).toEqual([
      'HorizontalPodAutoscaler api manages this deployment (min 1, max 5); it may change the replica count again',
    ]);
  });

  it('restart shows the current and next revision, the pods replaced and the annotation it adds', async () => {
    const preview = await cluster.executor.preview({ name: 'restart_deployment', arguments: { namespace: 'prod', name: 'web' } });
    expect(preview).toMatchObject({ action: 'restart', currentRevision: 3, targetRevision: 4, affectedPods: WEB_PODS });
    expect(preview.diff).toContain('+++ dry-run/deployment/prod/web');
    expect(preview.diff).toContain('+        kubectl.kubernetes.io/restartedAt: 2025-06-01T12:00:00Z');
    // Server bookkeeping is not part of the diff.
    expect(preview.diff).not.toMatch(/resourceVersion|managedFields|generation/);
  });

  it('rollback shows the revision it restores and the image change', async () => {
    const preview = await cluster.executor.preview({ name: 'rollback_deployment', arguments: { namespace: 'prod', name: 'web' } });
    expect(preview).toMatchObject({
      currentRevision: 3,
      targetRevision: 2,
      affectedPods: WEB_PODS,
      after: { images: ['nginx:1.26'], revision: 4 },
    });
    expect(preview.diff).toContain('-        - image: nginx:1.27');
    expect(preview.diff).toContain('+        - image: nginx:1.26');
    expect(preview.notes).toEqual(['revision 2 becomes revision 4, as kubectl rollout undo does']);
  });

  it('delete of a deployment says what goes away: the object and its pods', async () => {
    const preview = await cluster.executor.preview({
      name: 'delete_resource',
      arguments: { namespace: 'prod', kind: 'deployment', name: 'web' },
    });
    expect(cluster.fake.writes()).toEqual([
      expect.objectContaining({ method: 'DELETE', path: '/apis/apps/v1/namespaces/prod/deployments/web', query: { dryRun: 'All' } }),
    ]);
    expect(preview).toMatchObject({
      action: 'delete',
      current: { kind: 'Deployment', replicas: 2, images: ['nginx:1.27'], pods: WEB_PODS },
      after: null,
      affectedPods: WEB_PODS,
      notes: ['its 2 pods are deleted with it'],
    });
  });

  it('apply diffs live objects against the dry-run result and never shows a Secret value', async () => {
    const preview = await cluster.executor.preview({ name: 'apply_manifest', arguments: { namespace: 'prod', manifest: SECRET_MANIFEST } });
    expect(preview.after).toEqual({
      objects: [
        { kind: 'Secret', name: 'web-secret', namespace: 'prod', outcome: 'configured' },
        { kind: 'configmap', name: 'web-config', namespace: 'prod', outcome: 'configured' },
      ],
    });
    expect(preview.diff).toContain('-  LOG_LEVEL: info');
    expect(preview.diff).toContain('+  LOG_LEVEL: debug');
    expect(preview.diff).toContain('+  password: "*** (after)"');
    const shown = JSON.stringify(preview);
    for (const secret of ['hunter2-new', 'hunter2-old', Buffer.from('hunter2-old').toString('base64')]) expect(shown).not.toContain(secret);
    expect(preview.notes).toContain('secret web-secret: values are not shown');
  });

  it('apply of a manifest that changes nothing says so', async () => {
    const same = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: info\n  CACHE_TTL: "60"\n';
    const preview = await cluster.executor.preview({ name: 'apply_manifest', arguments: { namespace: 'prod', manifest: same } });
    expect(preview.diff).toBe('');
    expect(preview.notes).toEqual(['no change: configmap/web-config unchanged']);
  });
});
