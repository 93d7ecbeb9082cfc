import { describe, expect, it } from 'vitest';
import { runTool } from '../../src/tools/run-tool.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { expectClusterError, HOUR, MINUTE, simulatedClusterAt, START } from './helpers.js';

describe('the simulated cluster, read tools', () => {
  it('says it is simulated, lists its namespaces and answers ping', async () => {
    const { cluster } = simulatedClusterAt();
    expect(cluster.backend).toBe('simulated');
    expect(cluster.description).toBe('simulated cluster (no real Kubernetes)');
    expect(await cluster.listNamespaces()).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'monitoring',
      'prod',
      'staging',
    ]);
    const ping = await cluster.ping();
    expect(ping.ok).toBe(true);
    expect(ping.detail).toContain('simulated');
  });

  describe('list_pods', () => {
    it("shows prod's api pods in CrashLoopBackOff and the rest running", async () => {
      const { cluster } = simulatedClusterAt();
      const pods = await cluster.list_pods({ namespace: 'prod' });
      const api = pods.filter((pod) => pod.owner === 'Deployment/api');
      expect(api).toHaveLength(3);
      for (const pod of api) {
        expect(pod).toMatchObject({ namespace: 'prod', phase: 'Running', ready: '0/1', reason: 'CrashLoopBackOff', age: '47m' });
        expect(pod.restarts).toBeGreaterThan(5);
        expect(pod.name).toMatch(/^api-[a-z0-9]{10}-[a-z0-9]{5}$/);
        expect(pod.images).toEqual(['registry.example.com/shop/api:1.8.0']);
      }
      const healthy = pods.filter((pod) => pod.owner !== 'Deployment/api');
      expect(healthy.map((pod) => pod.owner).sort()).toEqual([
        'Deployment/web',
        'Deployment/web',
        'Deployment/worker',
        'StatefulSet/redis',
      ]);
      for (const pod of healthy) expect(pod).toMatchObject({ ready: '1/1', restarts: 0, reason: null, phase: 'Running' });
      expect(healthy.find((pod) => pod.name === 'redis-0')).toBeDefined();
    });

    it('filters by label selector', async () => {
      const { cluster } = simulatedClusterAt();
      const web = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' });
      expect(web.map((pod) => pod.owner)).toEqual(['Deployment/web', 'Deployment/web']);
      const notApi = await cluster.list_pods({ namespace: 'prod', label_selector: 'app notin (api,web)' });
      expect(notApi.map((pod) => pod.labels['app']).sort()).toEqual(['redis', 'worker']);
      await expectClusterError(cluster.list_pods({ namespace: 'prod', label_selector: 'app in web' }), 'invalid');
    });

    it('uses the default namespace when none is given, and refuses one that does not exist', async () => {
      const { cluster } = simulatedClusterAt();
      expect(await cluster.list_pods({})).toEqual([]);
      const error = await expectClusterError(cluster.list_pods({ namespace: 'prd' }), 'not_found');
      expect(error.details).toEqual({ kind: 'namespace', name: 'prd' });
    });

    it('counts more restarts as the crash loop goes on', async () => {
      const { cluster, clock } = simulatedClusterAt();
      const before = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' }))[0].restarts;
      clock.advance(HOUR);
      const after = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' }))[0].restarts;
      expect(after - before).toBeGreaterThanOrEqual(11);
    });
  });

  describe('get_pod_logs', () => {
    async function apiPod(cluster: ReturnType<typeof createSimulatedCluster>) {
      return (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' }))[0].name;
    }

    it("explains the crash in the previous container's logs: DATABASE_URL is not set", async () => {
      const { cluster } = simulatedClusterAt();
      const logs = await cluster.get_pod_logs({ namespace: 'prod', pod: await apiPod(cluster), previous: true });
      expect(logs).toMatchObject({ namespace: 'prod', container: 'api', previous: true, truncated: false });
      const text = logs.lines.join('\n');
      expect(text).toContain('required environment variable DATABASE_URL is not set');
      expect(text).toContain('exiting with code 1');
    });

    it('respects tail_lines and says when older lines were left out', async () => {
      const { cluster } = simulatedClusterAt();
      const web = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }))[0].name;
      const tail = await cluster.get_pod_logs({ namespace: 'prod', pod: web, tail_lines: 5 });
      expect(tail.lines).toHaveLength(5);
      expect(tail.truncated).toBe(true);
      expect(tail.lines[4] >= tail.lines[0]).toBe(true);
      const crashTail = await cluster.get_pod_logs({ namespace: 'prod', pod: await apiPod(cluster), tail_lines: 2 });
      expect(crashTail.lines).toHaveLength(2);
      expect(crashTail.lines[1]).toContain('FATAL');
      expect(crashTail.truncated).toBe(true);
    });

    it('returns 200 lines by default', async () => {
      const { cluster } = simulatedClusterAt();
      const web = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=web' }))[0].name;
      expect((await cluster.get_pod_logs({ namespace: 'prod', pod: web })).lines).toHaveLength(200);
    });

    it('refuses previous logs of a container that never restarted, and unknown pods or containers', async () => {
      const { cluster } = simulatedClusterAt();
      await expectClusterError(cluster.get_pod_logs({ namespace: 'prod', pod: 'redis-0', previous: true }), 'not_found');
      await expectClusterError(cluster.get_pod_logs({ namespace: 'prod', pod: 'redis-0', container: 'sidecar' }), 'not_found');
      const error = await expectClusterError(cluster.get_pod_logs({ namespace: 'prod', pod: 'nope-0' }), 'not_found');
      expect(error.details).toEqual({ kind: 'pod', name: 'nope-0', namespace: 'prod' });
    });
  });

  describe('describe_resource', () => {
    it('describes a crashing pod with its waiting state, last termination and events', async () => {
      const { cluster } = simulatedClusterAt();
      const pod = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' }))[0];
      const description = await cluster.describe_resource({ kind: 'pod', name: pod.name, namespace: 'prod' });
      expect(description.details).toMatchObject({
        status: 'CrashLoopBackOff',
        controlledBy: 'Deployment/api',
        containers: [
          {
            name: 'api',
            state: 'Waiting',
            reason: 'CrashLoopBackOff',
            ready: false,
            lastState: { terminated: { reason: 'Error', exitCode: 1 } },
            env: { DB_HOST: 'postgres.prod.svc.cluster.local', DB_PORT: '5432', LOG_LEVEL: 'info' },
          },
        ],
      });
      expect(description.events.map((event) => event.reason)).toContain('BackOff');
    });

    it('describes the api deployment as stuck past its progress deadline', async () => {
      const { cluster } = simulatedClusterAt();
      const description = await cluster.describe_resource({ kind: 'deployment', name: 'api', namespace: 'prod' });
      expect(description.details).toMatchObject({
        strategy: 'Recreate',
        revision: 3,
        replicas: { desired: 3, updated: 3, available: 0, unavailable: 3 },
        conditions: [
          { type: 'Available', status: 'False' },
          { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
        ],
      });
      expect(description.events.some((event) => event.reason === 'ScalingReplicaSet')).toBe(true);
    });

    it('shows a service without endpoints when none of its pods is ready', async () => {
      const { cluster } = simulatedClusterAt();
      const api = await cluster.describe_resource({ kind: 'service', name: 'api', namespace: 'prod' });
      expect(api.details['endpoints']).toEqual([]);
      const web = await cluster.describe_resource({ kind: 'service', name: 'web', namespace: 'prod' });
      expect(web.details['endpoints']).toHaveLength(2);
    });

    it('describes every other kind of the catalog', async () => {
      const { cluster } = simulatedClusterAt();
      const kinds = [
        { kind: 'statefulset', name: 'redis', namespace: 'prod' },
        { kind: 'daemonset', name: 'kube-proxy', namespace: 'kube-system' },
        { kind: 'ingress', name: 'web', namespace: 'prod' },
        { kind: 'configmap', name: 'api-config', namespace: 'prod' },
        { kind: 'job', name: 'db-backup-28731120', namespace: 'prod' },
        { kind: 'cronjob', name: 'db-backup', namespace: 'prod' },
        { kind: 'hpa', name: 'web', namespace: 'prod' },
      ] as const;
      for (const args of kinds) {
        const description = await cluster.describe_resource(args);
        expect(description).toMatchObject({ kind: args.kind, name: args.name, namespace: args.namespace });
      }
      const configMap = await cluster.describe_resource({ kind: 'configmap', name: 'api-config', namespace: 'prod' });
      expect(configMap.details['data']).toEqual({ LOG_LEVEL: 'info', FEATURE_NEW_CHECKOUT: 'false' });
      const daemonSet = await cluster.describe_resource({ kind: 'daemonset', name: 'kube-proxy', namespace: 'kube-system' });
      expect(daemonSet.details).toMatchObject({ replicas: { desired: 3, available: 3 } });
    });

    it('describes a node under memory pressure, without a namespace', async () => {
      const { cluster } = simulatedClusterAt();
      const node = await cluster.describe_resource({ kind: 'node', name: 'sim-node-3' });
      expect(node.namespace).toBeUndefined();
      expect(node.details['conditions']).toContainEqual(expect.objectContaining({ type: 'MemoryPressure', status: 'True' }));
      expect(node.events.map((event) => event.reason)).toContain('EvictionThresholdMet');
    });

    it('says not_found with the kind, name and namespace', async () => {
      const { cluster } = simulatedClusterAt();
      const error = await expectClusterError(
        cluster.describe_resource({ kind: 'deployment', name: 'ghost', namespace: 'prod' }),
        'not_found',
      );
      expect(error.details).toEqual({ kind: 'deployment', name: 'ghost', namespace: 'prod' });
      await expectClusterError(cluster.describe_resource({ kind: 'node', name: 'sim-node-9' }), 'not_found');
      await expectClusterError(cluster.describe_resource({ kind: 'hpa', name: 'api', namespace: 'prod' }), 'not_found');
    });
  });

  describe('list_events', () => {
    it('lists BackOff warnings for the crashing pods, newest first', async () => {
      const { cluster } = simulatedClusterAt();
      const events = await cluster.list_events({ namespace: 'prod' });
      const backOff = events.filter((event) => event.reason === 'BackOff');
      expect(backOff).toHaveLength(3);
      for (const event of backOff) {
        expect(event.type).toBe('Warning');
        expect(event.object).toMatch(/^Pod\/api-/);
        expect(event.count).toBeGreaterThan(5);
      }
      const seen = events.map((event) => event.lastSeen);
      expect([...seen].sort().reverse()).toEqual(seen);
    });

    it('filters by involved object: a deployment name includes its pods, kind/name is exact', async () => {
      const { cluster } = simulatedClusterAt();
      const api = await cluster.list_events({ namespace: 'prod', involved_object: 'api' });
      expect(api.length).toBeGreaterThan(0);
      expect(api.every((event) => /^(Deployment|ReplicaSet|Pod)\/api/.test(event.object))).toBe(true);
      const pod = (await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' }))[0].name;
      const onePod = await cluster.list_events({ namespace: 'prod', involved_object: `pod/${pod}` });
      expect(new Set(onePod.map((event) => event.object))).toEqual(new Set([`Pod/${pod}`]));
      expect(await cluster.list_events({ namespace: 'prod', involved_object: 'deployment/web' })).toEqual([]);
    });

    it('respects limit', async () => {
      const { cluster } = simulatedClusterAt();
      expect(await cluster.list_events({ namespace: 'prod', limit: 2 })).toHaveLength(2);
    });

    it('forgets events older than an hour, as Kubernetes does', async () => {
      const { cluster, clock } = simulatedClusterAt();
      expect((await cluster.list_events({ namespace: 'default' })).length).toBeGreaterThan(0);
      clock.advance(2 * HOUR);
      expect(await cluster.list_events({ namespace: 'default' })).toEqual([]);
      const prod = await cluster.list_events({ namespace: 'prod' });
      expect(prod.some((event) => event.reason === 'ScalingReplicaSet')).toBe(false);
      expect(prod.some((event) => event.reason === 'BackOff')).toBe(true);
    });
  });

  describe('list_deployments and get_rollout_history', () => {
    it("lists prod's deployments with readiness, images and revision", async () => {
      const { cluster } = simulatedClusterAt();
      const deployments = await cluster.list_deployments({ namespace: 'prod' });
      expect(deployments.map((deployment) => deployment.name)).toEqual(['api', 'web', 'worker']);
      expect(deployments[0]).toMatchObject({
        ready: '0/3',
        desired: 3,
        updated: 3,
        available: 0,
        revision: 3,
        images: ['registry.example.com/shop/api:1.8.0'],
      });
      expect(deployments[1]).toMatchObject({ ready: '2/2', desired: 2, available: 2, revision: 3 });
      expect(await cluster.list_deployments({ namespace: 'staging' })).toHaveLength(2);
    });

    it('shows three revisions of api with changing images and the current one marked', async () => {
      const { cluster } = simulatedClusterAt();
      const history = await cluster.get_rollout_history({ name: 'api', namespace: 'prod' });
      expect(history.map((revision) => [revision.revision, revision.images[0], revision.current])).toEqual([
        [1, 'registry.example.com/shop/api:1.7.0', false],
        [2, 'registry.example.com/shop/api:1.7.2', false],
        [3, 'registry.example.com/shop/api:1.8.0', true],
      ]);
      expect(await cluster.get_rollout_history({ name: 'web', namespace: 'prod' })).toHaveLength(3);
      await expectClusterError(cluster.get_rollout_history({ name: 'redis', namespace: 'prod' }), 'not_found');
    });
  });

  it('lists three nodes, one under memory pressure and tainted', async () => {
    const { cluster } = simulatedClusterAt();
    const nodes = await cluster.list_nodes();
    expect(nodes.map((node) => node.name)).toEqual(['sim-node-1', 'sim-node-2', 'sim-node-3']);
    for (const node of nodes) {
      expect(node).toMatchObject({ status: 'Ready', version: 'v1.30.4' });
      expect(node.capacity.cpu).toMatch(/^\d+$/);
      expect(node.allocatable.memory).toMatch(/Gi$/);
    }
    expect(nodes[2].conditions).toContainEqual(expect.objectContaining({ type: 'MemoryPressure', status: 'True' }));
    expect(nodes[2].taints).toEqual(['node.kubernetes.io/memory-pressure:NoSchedule']);
    expect(nodes[0].roles).toEqual(['control-plane']);
  });

  it('gives JSON-serialisable results', async () => {
    const { cluster } = simulatedClusterAt();
    const pods = await cluster.list_pods({ namespace: 'prod' });
    expect(JSON.parse(JSON.stringify(pods))).toEqual(pods);
    const description = await cluster.describe_resource({ kind: 'deployment', name: 'api', namespace: 'prod' });
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('keeps state per instance, and equal seeds and clocks give equal clusters', async () => {
    const a = createSimulatedCluster({ now: () => START, seed: 7 });
    const b = createSimulatedCluster({ now: () => START, seed: 7 });
    const c = createSimulatedCluster({ now: () => START, seed: 8 });
    expect(a.fingerprint()).toBe(b.fingerprint());
    expect(a.fingerprint()).not.toBe(c.fingerprint());
    await a.scale_deployment({ name: 'web', namespace: 'prod', replicas: 4 });
    expect((await b.list_pods({ namespace: 'prod', label_selector: 'app=web' })).length).toBe(2);
  });

  it('records reads in its call log without counting them as mutations', async () => {
    const { cluster } = simulatedClusterAt();
    await cluster.list_nodes();
    await cluster.list_pods({ namespace: 'nowhere' }).catch(() => undefined);
    expect(cluster.calls().map((call) => [call.name, call.effect, call.outcome])).toEqual([
      ['list_nodes', 'read', 'ok'],
      ['list_pods', 'read', 'error'],
    ]);
    expect(cluster.mutationCount()).toBe(0);
  });
});

describe('runTool', () => {
  it('runs a call through its tool module, which calls the executor capability of the same name', async () => {
    const { cluster } = simulatedClusterAt();
    expect(await runTool(cluster, { name: 'list_deployments', arguments: { namespace: 'prod' } })).toEqual(
      await cluster.list_deployments({ namespace: 'prod' }),
    );
    expect(await runTool(cluster, { name: 'list_nodes', arguments: {} })).toHaveLength(3);
    await runTool(cluster, { name: 'scale_deployment', arguments: { name: 'web', namespace: 'prod', replicas: 3 } });
    expect(cluster.mutationCount()).toBe(1);
  });

  it('refuses a name that is not a tool', async () => {
    const { cluster } = simulatedClusterAt();
    // A name that slipped past validation at runtime.
    const call = { name: 'exec_pod', arguments: {} };
    await expectClusterError(runTool(cluster, call), 'invalid');
  });
});

describe('age on the clock', () => {
  it('moves with the injected clock', async () => {
    const { cluster, clock } = simulatedClusterAt();
    clock.advance(10 * MINUTE);
    const api = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
    expect(api[0].age).toBe('57m');
  });
});

describe('logs of a pod recreated by a restart', () => {
  it('say the container is waiting to start instead of claiming a missing previous run', async () => {
    const cluster = createSimulatedCluster();
    await cluster.restart_deployment({ name: 'api', namespace: 'prod' });
    const pods = await cluster.list_pods({ namespace: 'prod', label_selector: 'app=api' });
    const fresh = pods.find((p) => p.restarts === 0) ?? pods[0];
    const outcome = await cluster.get_pod_logs({ pod: fresh.name, namespace: 'prod' }).then(
      () => 'lines',
      (error: Error) => error.message,
    );
    expect(outcome === 'lines' || /waiting to start/.test(outcome)).toBe(true);
    expect(outcome).not.toMatch(/no previous terminated container/);
  });
});
