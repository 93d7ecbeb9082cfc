import { describe, expect, it } from 'vitest';
import { match } from '../support/matchers.js';
import { expectClusterError, MINUTE, simulatedClusterAt } from './helpers.js';

const names = (pods: Array<{ name: string }>) => pods.map((pod) => pod.name);

describe('the simulated cluster, write tools', () => {
  describe('restart_deployment', () => {
    it('sets restartedAt, makes a new revision and replaces every pod', async () => {
      const { cluster, clock } = simulatedClusterAt();
      const before = names(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }));
      const result = await cluster.restart_deployment({ name: 'web', namespace: 'prod' });
      expect(result).toMatchObject({ action: 'restart', kind: 'deployment', name: 'web', namespace: 'prod', changed: true });
      expect(result.before).toMatchObject({ revision: 3, pods: before });
      expect(result.after).toMatchObject({ revision: 4, restartedAt: '2025-06-01T12:00:00.000Z' });

      clock.advance(MINUTE);
      const after = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' });
      expect(after).toHaveLength(2);
      expect(names(after).filter((name) => before.includes(name))).toEqual([]);
      expect(after.every((pod) => pod.ready === '1/1')).toBe(true);
      const history = await cluster.get_rollout_history({ name: 'web', namespace: 'prod' });
      expect(history.at(-1)).toMatchObject({ revision: 4, current: true, images: ['registry.example.com/shop/web:2.4.1'] });
      const description = await cluster.describe_resource({ kind: 'deployment', name: 'web', namespace: 'prod' });
      expect(description.details).toMatchObject({
        template: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T12:00:00.000Z' } },
      });
    });

    it('does not fix a configuration error: the new api pods crash too', async () => {
      const { cluster, clock } = simulatedClusterAt();
      await cluster.restart_deployment({ name: 'api', namespace: 'prod' });
      clock.advance(2 * MINUTE);
      const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
      expect(pods.map((pod) => pod.reason)).toEqual(['CrashLoopBackOff', 'CrashLoopBackOff', 'CrashLoopBackOff']);
      expect(pods.every((pod) => pod.restarts >= 1 && pod.restarts < 5)).toBe(true);
    });

    it('refuses a deployment that does not exist', async () => {
      const { cluster } = simulatedClusterAt();
      const error = await expectClusterError(cluster.restart_deployment({ name: 'ghost', namespace: 'prod' }), 'not_found');
      expect(error.details).toEqual({ kind: 'deployment', name: 'ghost', namespace: 'prod' });
    });
  });

  describe('scale_deployment', () => {
    it('changes replicas and pods, keeping new pods off the node under memory pressure', async () => {
      const { cluster } = simulatedClusterAt();
      const result = await cluster.scale_deployment({ name: 'web', namespace: 'prod', replicas: 5 });
      expect(result).toMatchObject({
        changed: true,
        before: { replicas: 2 },
        after: { replicas: 5 },
        message: 'deployment.apps/web scaled from 2 to 5',
      });
      const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' });
      expect(pods).toHaveLength(5);
      const newPods = pods.filter((pod) => pod.age !== '3d');
      expect(newPods).toHaveLength(3);
      expect(newPods.some((pod) => pod.node === 'sim-node-3')).toBe(false);
      expect((await cluster.list_deployments({ namespace: 'prod' }))[1]).toMatchObject({ name: 'web', desired: 5 });
    });

    it('scales down to zero', async () => {
      const { cluster } = simulatedClusterAt();
      await cluster.scale_deployment({ name: 'worker', namespace: 'prod', replicas: 0 });
      expect(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=worker' })).toEqual([]);
    });

    it('reports no change when the count is already right', async () => {
      const { cluster } = simulatedClusterAt();
      const fingerprint = cluster.fingerprint();
      const result = await cluster.scale_deployment({ name: 'web', namespace: 'prod', replicas: 2 });
      expect(result.changed).toBe(false);
      expect(cluster.fingerprint()).toBe(fingerprint);
    });
  });

  describe('rollback_deployment', () => {
    it('restores the previous revision as a new revision number, and api comes back', async () => {
      const { cluster, clock } = simulatedClusterAt();
      const result = await cluster.rollback_deployment({ name: 'api', namespace: 'prod' });
      expect(result).toMatchObject({
        changed: true,
        before: { revision: 3, images: ['registry.example.com/shop/api:1.8.0'] },
        after: { revision: 4, images: ['registry.example.com/shop/api:1.7.2'], restoredRevision: 2 },
      });
      const history = await cluster.get_rollout_history({ name: 'api', namespace: 'prod' });
      expect(history.map((revision) => revision.revision)).toEqual([1, 3, 4]);
      expect(history.at(-1)).toMatchObject({ current: true, changeCause: 'hotfix 1.7.2: order totals rounding' });

      clock.advance(MINUTE);
      const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
      expect(pods.map((pod) => [pod.ready, pod.reason])).toEqual([
        ['1/1', null],
        ['1/1', null],
        ['1/1', null],
      ]);
      const service = await cluster.describe_resource({ kind: 'service', name: 'api', namespace: 'prod' });
      expect(service.details['endpoints']).toHaveLength(3);
    });

    it('rolls back to a named revision', async () => {
      const { cluster } = simulatedClusterAt();
      const result = await cluster.rollback_deployment({ name: 'web', namespace: 'prod', revision: 1 });
      expect(result.after).toMatchObject({ revision: 4, images: ['registry.example.com/shop/web:2.3.0'] });
    });

    it('skips a rollback to the current revision, and refuses one that does not exist', async () => {
      const { cluster } = simulatedClusterAt();
      const skipped = await cluster.rollback_deployment({ name: 'api', namespace: 'prod', revision: 3 });
      expect(skipped.changed).toBe(false);
      expect(skipped.message).toContain('skipped rollback');
      const error = await expectClusterError(cluster.rollback_deployment({ name: 'api', namespace: 'prod', revision: 9 }), 'not_found');
      expect(error.details).toMatchObject({ kind: 'revision', name: '9', deployment: 'api' });
      await expectClusterError(cluster.rollback_deployment({ name: 'worker', namespace: 'prod' }), 'not_found');
    });
  });

  describe('delete_resource', () => {
    it("deletes a pod and its deployment's controller replaces it", async () => {
      const { cluster } = simulatedClusterAt();
      const [victim] = names(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }));
      const result = await cluster.delete_resource({ kind: 'pod', name: victim, namespace: 'prod' });
      expect(result).toMatchObject({ action: 'delete', kind: 'pod', changed: true, message: `pod "${victim}" deleted` });
      const after = names(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }));
      expect(after).toHaveLength(2);
      expect(after).not.toContain(victim);
    });

    it('deletes a deployment with its pods', async () => {
      const { cluster } = simulatedClusterAt();
      const result = await cluster.delete_resource({ kind: 'deployment', name: 'worker', namespace: 'prod' });
      expect(result.message).toBe('deployment.apps "worker" deleted');
      expect((await cluster.list_deployments({ namespace: 'prod' })).map((d) => d.name)).toEqual(['api', 'web']);
      expect(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=worker' })).toEqual([]);
    });

    it('deletes a statefulset, a service and a configmap', async () => {
      const { cluster } = simulatedClusterAt();
      await cluster.delete_resource({ kind: 'statefulset', name: 'redis', namespace: 'prod' });
      expect(await cluster.list_pods({ namespace: 'prod', label_selector: 'app=redis' })).toEqual([]);
      const configMap = await cluster.delete_resource({ kind: 'configmap', name: 'api-config', namespace: 'prod' });
      expect(configMap.before).toMatchObject({ keys: ['LOG_LEVEL', 'FEATURE_NEW_CHECKOUT'] });
      await cluster.delete_resource({ kind: 'service', name: 'web', namespace: 'prod' });
      await expectClusterError(cluster.describe_resource({ kind: 'service', name: 'web', namespace: 'prod' }), 'not_found');
      await expectClusterError(cluster.describe_resource({ kind: 'configmap', name: 'api-config', namespace: 'prod' }), 'not_found');
    });

    it('deletes a node: its pods are recreated elsewhere', async () => {
      const { cluster } = simulatedClusterAt();
      await cluster.delete_resource({ kind: 'node', name: 'sim-node-1' });
      const nodes = await cluster.list_nodes();
      expect(nodes.map((node) => node.name)).toEqual(['sim-node-2', 'sim-node-3']);
      const prod = await cluster.list_pods({ namespace: 'prod' });
      expect(prod.some((pod) => pod.node === 'sim-node-1')).toBe(false);
      expect(prod.filter((pod) => pod.owner === 'Deployment/web')).toHaveLength(2);
      expect(await cluster.list_pods({ namespace: 'kube-system', label_selector: 'app=kube-proxy' })).toHaveLength(2);
    });

    it('says not_found for anything that is not there', async () => {
      const { cluster } = simulatedClusterAt();
      await expectClusterError(cluster.delete_resource({ kind: 'pod', name: 'ghost', namespace: 'prod' }), 'not_found');
      await expectClusterError(cluster.delete_resource({ kind: 'ingress', name: 'api', namespace: 'prod' }), 'not_found');
      await expectClusterError(cluster.delete_resource({ kind: 'node', name: 'sim-node-7' }), 'not_found');
      await expectClusterError(cluster.delete_resource({ kind: 'deployment', name: 'web', namespace: 'qa' }), 'not_found');
    });
  });

  describe('apply_manifest', () => {
    const fixManifest = `
apiVersion: v1
kind: Secret
metadata: { name: api-db }
stringData:
  url: postgres://api@postgres.prod.svc.cluster.local:5432/shop
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, labels: { app: api } }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: registry.example.com/shop/api:1.8.0
          env:
            - { name: DATABASE_URL, valueFrom: { secretKeyRef: { name: api-db, key: url } } }
`;

    it('creates a new deployment and service, and their pods run', async () => {
      const { cluster, clock } = simulatedClusterAt();
      const result = await cluster.apply_manifest({
        namespace: 'staging',
        manifest: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: search }
spec:
  replicas: 2
  selector: { matchLabels: { app: search } }
  template:
    metadata: { labels: { app: search } }
    spec: { containers: [{ name: search, image: "docker.io/library/nginx:1.27" }] }
---
apiVersion: v1
kind: Service
metadata: { name: search }
spec: { selector: { app: search }, ports: [{ port: 80 }] }
`,
      });
      expect(result).toMatchObject({
        action: 'apply',
        kind: 'deployment',
        name: 'search',
        namespace: 'staging',
        changed: true,
        objects: [
          { kind: 'deployment', name: 'search', namespace: 'staging', outcome: 'created' },
          { kind: 'service', name: 'search', namespace: 'staging', outcome: 'created' },
        ],
        message: 'deployment.apps/search created\nservice/search created',
      });
      clock.advance(MINUTE);
      const pods = await cluster.list_pods({ namespace: 'staging', label_selector: 'app=search' });
      expect(pods.map((pod) => pod.ready)).toEqual(['1/1', '1/1']);
      const service = await cluster.describe_resource({ kind: 'service', name: 'search', namespace: 'staging' });
      expect(service.details).toMatchObject({ spec: { type: 'ClusterIP', clusterIP: match.stringMatching(/^10\.43\./) } });
      expect(await cluster.get_rollout_history({ name: 'search', namespace: 'staging' })).toHaveLength(1);
    });

    it('fixes api by configuring DATABASE_URL from a new secret, keeping replicas it does not mention', async () => {
      const { cluster, clock } = simulatedClusterAt();
      const result = await cluster.apply_manifest({ namespace: 'prod', manifest: fixManifest });
      expect(result.objects?.map((object) => object.outcome)).toEqual(['created', 'configured']);
      clock.advance(MINUTE);
      const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
      expect(pods.map((pod) => pod.ready)).toEqual(['1/1', '1/1', '1/1']);
      expect((await cluster.list_deployments({ namespace: 'prod' }))[0]).toMatchObject({ revision: 4, desired: 3 });
    });

    it('reports unchanged when the same manifest is applied again', async () => {
      const { cluster } = simulatedClusterAt();
      await cluster.apply_manifest({ namespace: 'prod', manifest: fixManifest });
      const again = await cluster.apply_manifest({ namespace: 'prod', manifest: fixManifest });
      expect(again.changed).toBe(false);
      expect(again.objects?.map((object) => object.outcome)).toEqual(['unchanged', 'unchanged']);
      expect((await cluster.list_deployments({ namespace: 'prod' }))[0].revision).toBe(4);
    });

    it('leaves pods waiting with CreateContainerConfigError when a referenced secret is missing', async () => {
      const { cluster, clock } = simulatedClusterAt();
      await cluster.apply_manifest({ namespace: 'prod', manifest: fixManifest.split('---')[1] });
      clock.advance(MINUTE);
      const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
      expect(pods.map((pod) => pod.reason)).toEqual([
        'CreateContainerConfigError',
        'CreateContainerConfigError',
        'CreateContainerConfigError',
      ]);
      const events = await cluster.list_events({ namespace: 'prod', involved_object: `pod/${pods[0].name}` });
      expect(events).toContainEqual(expect.objectContaining({ reason: 'Failed', message: 'Error: secret "api-db" not found' }));
      await expectClusterError(cluster.get_pod_logs({ namespace: 'prod', pod: pods[0].name }), 'invalid');
    });

    it('changes nothing when any object is refused (bad YAML, unknown namespace, selector mismatch, immutable selector)', async () => {
      const { cluster } = simulatedClusterAt();
      const fingerprint = cluster.fingerprint();
      await expectClusterError(cluster.apply_manifest({ manifest: 'kind: [', namespace: 'prod' }), 'invalid');
      await expectClusterError(
        cluster.apply_manifest({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x, namespace: qa }\n' }),
        'not_found',
      );
      const mismatch = `apiVersion: apps/v1
kind: Deployment
metadata: { name: odd }
spec:
  selector: { matchLabels: { app: odd } }
  template: { metadata: { labels: { app: other } }, spec: { containers: [{ name: odd, image: "busybox:1.36" }] } }`;
      await expectClusterError(cluster.apply_manifest({ manifest: mismatch, namespace: 'prod' }), 'invalid');
      const newSelector = fixManifest.split('---')[1].replaceAll('app: api', 'app: api2');
      const renamed = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: created-first }\n---\n${newSelector.replace('name: api2', 'name: api')}`;
      await expectClusterError(cluster.apply_manifest({ manifest: renamed, namespace: 'prod' }), 'invalid');
      expect(cluster.fingerprint()).toBe(fingerprint);
      await expectClusterError(cluster.describe_resource({ kind: 'configmap', name: 'created-first', namespace: 'prod' }), 'not_found');
    });

    it('creates a namespace from a manifest and objects in it', async () => {
      const { cluster } = simulatedClusterAt();
      await cluster.apply_manifest({
        manifest:
          'apiVersion: v1\nkind: Namespace\nmetadata: { name: qa }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: qa }\ndata: { a: "1" }\n',
      });
      expect(await cluster.listNamespaces()).toContain('qa');
      expect((await cluster.describe_resource({ kind: 'configmap', name: 'settings', namespace: 'qa' })).details).toEqual({
        data: { a: '1' },
      });
    });
  });

  it('counts every write call, failed ones too, and logs them in order', async () => {
    const { cluster } = simulatedClusterAt();
    await cluster.scale_deployment({ name: 'web', namespace: 'prod', replicas: 3 });
    await cluster.restart_deployment({ name: 'ghost', namespace: 'prod' }).catch(() => undefined);
    expect(cluster.mutationCount()).toBe(2);
    expect(cluster.calls().map((call) => [call.name, call.effect, call.outcome])).toEqual([
      ['scale_deployment', 'write', 'ok'],
      ['restart_deployment', 'write', 'error'],
    ]);
    expect(cluster.calls()[0].arguments).toEqual({ name: 'web', namespace: 'prod', replicas: 3 });
  });
});
