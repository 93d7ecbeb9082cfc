import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectClusterError } from '../cluster/helpers.js';
import { WEB_PODS } from './fake-cluster-fixture.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';
import type { Json, JsonMap, RecordedRequest } from './fake-kube-api.js';

let cluster: FakeCluster;
beforeEach(async () => {
  cluster = await startFakeCluster();
});
afterEach(async () => {
  await cluster.close();
});

const BOT = { fieldManager: 'kube-chatops-bot' };

/** The writes that were not dry runs. */
function committed(): RecordedRequest[] {
  return cluster.fake.writes().filter((request) => request.query['dryRun'] === undefined);
}

function field(object: JsonMap | undefined, path: string): Json | undefined {
  let value: Json | undefined = object;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  return value;
}

const webDeployment = () => cluster.fake.get('Deployment', 'web', 'prod');

describe('scale_deployment', () => {
  it('sends exactly the PATCH kubectl scale sends: a merge patch of the scale subresource', async () => {
    const result = await cluster.executor.scale_deployment({ namespace: 'prod', name: 'web', replicas: 3 });
    expect(cluster.fake.writes()).toEqual([
      {
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/prod/deployments/web/scale',
        query: BOT,
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: 3 } },
        authenticated: true,
      },
    ]);
    expect(field(webDeployment(), 'spec.replicas')).toBe(3);
    expect(result).toEqual({
      action: 'scale',
      kind: 'deployment',
      name: 'web',
      namespace: 'prod',
      changed: true,
      before: { replicas: 2, ready: 2 },
      after: { replicas: 3 },
      message: 'deployment.apps/web scaled from 2 to 3',
    });
  });

  it('reports no change when the deployment already has that many replicas', async () => {
    const result = await cluster.executor.scale_deployment({ namespace: 'prod', name: 'web', replicas: 2 });
    expect(result.changed).toBe(false);
    expect(result.message).toBe('deployment.apps/web already has 2 replicas');
  });
});

describe('restart_deployment', () => {
  it("sends kubectl rollout restart's strategic merge patch with the restart time", async () => {
    const result = await cluster.executor.restart_deployment({ namespace: 'prod', name: 'web' });
    expect(committed()).toEqual([
      {
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/prod/deployments/web',
        query: BOT,
        contentType: 'application/strategic-merge-patch+json',
        body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T12:00:00Z' } } } } },
        authenticated: true,
      },
    ]);
    expect(field(webDeployment(), 'spec.template.metadata.annotations')).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2025-06-01T12:00:00Z',
    });
    // The rest of the template is untouched by the merge.
    expect(field(webDeployment(), 'spec.template.metadata.labels')).toEqual({ app: 'web' });
    expect(result).toMatchObject({
      action: 'restart',
      changed: true,
      before: { revision: 3, pods: WEB_PODS },
      after: { restartedAt: '2025-06-01T12:00:00Z' },
    });
    expect(result.message).toBe('deployment.apps/web restarted');
  });

  it('refuses a paused deployment, as kubectl does, and sends nothing', async () => {
    const deployment = webDeployment()!;
    cluster.fake.put({ ...deployment, spec: { ...(deployment['spec'] as JsonMap), paused: true } });
    const error = await expectClusterError(cluster.executor.restart_deployment({ namespace: 'prod', name: 'web' }), 'invalid');
    expect(error.message).toContain("can't restart paused deployment");
    expect(cluster.fake.writes()).toEqual([]);
  });
});

describe('rollback_deployment', () => {
  it("sends kubectl rollout undo's JSON patch: the previous revision's template and the annotations", async () => {
    const result = await cluster.executor.rollback_deployment({ namespace: 'prod', name: 'web' });
    expect(committed()).toEqual([
      {
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/prod/deployments/web',
        query: BOT,
        contentType: 'application/json-patch+json',
        body: [
          {
            op: 'replace',
            path: '/spec/template',
            // Revision 2's ReplicaSet template, without the pod-template-hash label.
            value: {
              metadata: { labels: { app: 'web' } },
              spec: {
                containers: [
                  {
                    name: 'web',
                    image: 'nginx:1.26',
                    ports: [{ containerPort: 8080, protocol: 'TCP' }],
                    resources: { requests: { cpu: '100m', memory: '128Mi' } },
                  },
                ],
                restartPolicy: 'Always',
                terminationGracePeriodSeconds: 30,
              },
            },
          },
          {
            op: 'replace',
            path: '/metadata/annotations',
            // Bookkeeping annotations stay from the Deployment; the others come from the ReplicaSet.
            value: {
              'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}',
              'deployment.kubernetes.io/revision': '3',
              'kubernetes.io/change-cause': 'image nginx:1.26',
            },
          },
        ],
        authenticated: true,
      },
    ]);
    expect(field(webDeployment(), 'spec.template.spec.containers')).toMatchObject([{ image: 'nginx:1.26' }]);
    expect(result).toMatchObject({
      action: 'rollback',
      changed: true,
      before: { revision: 3, images: ['nginx:1.27'] },
      after: { revision: 4, images: ['nginx:1.26'], restoredRevision: 2 },
      message: 'deployment.apps/web rolled back to revision 2',
    });
  });

  it('rolls back to a named revision', async () => {
    await cluster.executor.rollback_deployment({ namespace: 'prod', name: 'web', revision: 1 });
    expect(field(webDeployment(), 'spec.template.spec.containers')).toMatchObject([{ image: 'nginx:1.25' }]);
  });

  it("skips the patch when the template already is that revision's, as kubectl does", async () => {
    const result = await cluster.executor.rollback_deployment({ namespace: 'prod', name: 'web', revision: 3 });
    expect(result.changed).toBe(false);
    expect(result.message).toContain('skipped rollback (current template already matches revision 3)');
    expect(cluster.fake.writes()).toEqual([]);
  });

  it('refuses a revision that is not in the history and sends nothing', async () => {
    const error = await expectClusterError(
      cluster.executor.rollback_deployment({ namespace: 'prod', name: 'web', revision: 9 }),
      'not_found',
    );
    expect(error.message).toContain('unable to find specified revision 9');
    expect(cluster.fake.writes()).toEqual([]);
  });
});

describe('delete_resource', () => {
  it('deletes a deployment as kubectl delete does, saying which pods go with it', async () => {
    const result = await cluster.executor.delete_resource({ namespace: 'prod', kind: 'deployment', name: 'web' });
    expect(committed()).toEqual([
      {
        method: 'DELETE',
        path: '/apis/apps/v1/namespaces/prod/deployments/web',
        query: {},
        contentType: 'application/json',
        body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
        authenticated: true,
      },
    ]);
    expect(webDeployment()).toBeUndefined();
    expect(result).toEqual({
      action: 'delete',
      kind: 'deployment',
      name: 'web',
      namespace: 'prod',
      changed: true,
      before: { kind: 'Deployment', createdAt: '2025-05-29T12:00:00.000Z', replicas: 2, images: ['nginx:1.27'], pods: WEB_PODS },
      message: 'deployment.apps "web" deleted',
    });
  });

  it('deletes a config map and a node at their own paths', async () => {
    const configMap = await cluster.executor.delete_resource({ namespace: 'prod', kind: 'configmap', name: 'web-config' });
    expect(configMap.before).toMatchObject({ keys: ['LOG_LEVEL', 'CACHE_TTL'] });
    await cluster.executor.delete_resource({ kind: 'node', name: 'node-c' });
    expect(committed().map((request) => request.path)).toEqual(['/api/v1/namespaces/prod/configmaps/web-config', '/api/v1/nodes/node-c']);
  });
});

describe('apply_manifest', () => {
  const MANIFEST = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: web-config',
    'data:',
    '  LOG_LEVEL: debug',
    '  CACHE_TTL: "60"',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    '  labels: {app: web}',
    'spec:',
    '  rules:',
    '  - host: shop.example.com',
  ].join('\n');

  it('applies each object server-side with the bot as field manager, after a dry run of all of them', async () => {
    const result = await cluster.executor.apply_manifest({ namespace: 'prod', manifest: MANIFEST });
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'prod' },
      data: { LOG_LEVEL: 'debug', CACHE_TTL: '60' },
    };
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
      spec: { rules: [{ host: 'shop.example.com' }] },
    };
    const apply = (path: string, body: unknown, dryRun: boolean): RecordedRequest => ({
      method: 'PATCH',
      path,
      query: { ...(dryRun ? { dryRun: 'All' } : {}), fieldManager: 'kube-chatops-bot', force: 'false' },
      contentType: 'application/apply-patch+yaml',
      body,
      authenticated: true,
    });
    expect(cluster.fake.writes()).toEqual([
      apply('/api/v1/namespaces/prod/configmaps/web-config', configMap, true),
      apply('/apis/networking.k8s.io/v1/namespaces/prod/ingresses/web', ingress, true),
      apply('/api/v1/namespaces/prod/configmaps/web-config', configMap, false),
      apply('/apis/networking.k8s.io/v1/namespaces/prod/ingresses/web', ingress, false),
    ]);
    expect(field(cluster.fake.get('ConfigMap', 'web-config', 'prod'), 'data.LOG_LEVEL')).toBe('debug');
    expect(cluster.fake.get('Ingress', 'web', 'prod')).toBeDefined();
    expect(result).toEqual({
      action: 'apply',
      kind: 'configmap',
      name: 'web-config',
      namespace: 'prod',
      changed: true,
      objects: [
        { kind: 'configmap', name: 'web-config', namespace: 'prod', outcome: 'configured' },
        { kind: 'ingress', name: 'web', namespace: 'prod', outcome: 'created' },
      ],
      message: 'configmap/web-config configured\ningress.networking.k8s.io/web created',
    });
  });

  it('reports an object that the manifest does not change as unchanged', async () => {
    const same = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: info\n  CACHE_TTL: "60"\n';
    const result = await cluster.executor.apply_manifest({ namespace: 'prod', manifest: same });
    expect(result.changed).toBe(false);
    expect(result.objects).toEqual([{ kind: 'configmap', name: 'web-config', namespace: 'prod', outcome: 'unchanged' }]);
  });

  it('refuses a kind it does not support before sending anything', async () => {
    const manifest = `${MANIFEST}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: everyone-admin\n`;
    const error = await expectClusterError(cluster.executor.apply_manifest({ namespace: 'prod', manifest }), 'invalid');
    expect(error.message).toContain('kind "ClusterRoleBinding" (rbac.authorization.k8s.io/v1) is not supported by the bot');
    expect(cluster.fake.requests()).toEqual([]);
  });

  it('applies nothing when the server refuses one object of the manifest', async () => {
    const broken = `${MANIFEST}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: other}}\n    spec: {containers: [{name: w, image: busybox}]}\n`;
    const error = await expectClusterError(cluster.executor.apply_manifest({ namespace: 'prod', manifest: broken }), 'invalid');
    expect(error.details['field']).toBe('spec.template.metadata.labels');
    expect(committed()).toEqual([]);
    expect(field(cluster.fake.get('ConfigMap', 'web-config', 'prod'), 'data.LOG_LEVEL')).toBe('info');
  });
});
