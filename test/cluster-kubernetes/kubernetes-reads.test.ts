import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_POD, WEB_PODS } from './fake-cluster-fixture.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
beforeEach(async () => {
  cluster = await startFakeCluster();
});
afterEach(async () => {
  await cluster.close();
});

/** The requests since the last clear, as method + path + query. */
function sent() {
  return cluster.fake.requests().map(({ method, path, query }) => ({ method, path, query }));
}

describe('the Kubernetes executor reads over HTTP through the kubeconfig', () => {
  it("authenticates every request with the kubeconfig user's bearer token", async () => {
    await cluster.executor.list_pods({ namespace: 'prod' });
    await cluster.executor.list_nodes();
    expect(cluster.fake.requests().length).toBeGreaterThan(0);
    expect(cluster.fake.requests().every((request) => request.authenticated)).toBe(true);
  });

  it('says which context and server it talks to, without credentials', () => {
    expect(cluster.executor.backend).toBe('kubernetes');
    expect(cluster.executor.description).toBe(`Kubernetes context fake-admin at ${cluster.fake.url}`);
    expect(cluster.executor.description).not.toContain(cluster.fake.token);
  });

  it("list_pods lists the namespace's pods with kubectl's status, owner and readiness", async () => {
    const pods = await cluster.executor.list_pods({ namespace: 'prod' });
    expect(sent()).toEqual([{ method: 'GET', path: '/api/v1/namespaces/prod/pods', query: {} }]);
    expect(pods.map((pod) => pod.name)).toEqual([API_POD, 'batch-runner', ...WEB_PODS]);
    expect(pods[0]).toMatchObject({
      phase: 'Running',
      ready: '0/1',
      restarts: 7,
      reason: 'CrashLoopBackOff',
      owner: 'Deployment/api',
      node: 'node-a',
      age: '45m',
    });
    expect(pods[1]).toMatchObject({ phase: 'Pending', reason: 'Unschedulable', node: null, owner: null });
    expect(pods[2]).toMatchObject({ ready: '1/1', reason: null, owner: 'Deployment/web', ip: '10.42.0.15', images: ['nginx:1.27'] });
  });

  it('list_pods passes the label selector to the server', async () => {
    const pods = await cluster.executor.list_pods({ namespace: 'prod', label_selector: 'app=web' });
    expect(sent()).toEqual([{ method: 'GET', path: '/api/v1/namespaces/prod/pods', query: { labelSelector: 'app=web' } }]);
    expect(pods.map((pod) => pod.name)).toEqual(WEB_PODS);
  });

  it('get_pod_logs reads the pod for its container, then the log with one line more than asked and the byte cap', async () => {
    const logs = await cluster.executor.get_pod_logs({ namespace: 'prod', pod: API_POD, tail_lines: 2 });
    expect(sent()).toEqual([
      { method: 'GET', path: `/api/v1/namespaces/prod/pods/${API_POD}`, query: {} },
      {
        method: 'GET',
        path: `/api/v1/namespaces/prod/pods/${API_POD}/log`,
        query: { container: 'api', tailLines: '3', limitBytes: '262144' },
      },
    ]);
    expect(logs).toEqual({
      pod: API_POD,
      namespace: 'prod',
      container: 'api',
      previous: false,
      lines: [
        '2025-06-01T11:58:00Z ERROR config: required environment variable DATABASE_URL is not set',
        '2025-06-01T11:58:01Z FATAL cannot start without DATABASE_URL; exiting with code 1',
      ],
      truncated: true,
    });
  });

  it('get_pod_logs asks for the previous container and says when nothing was cut', async () => {
    const logs = await cluster.executor.get_pod_logs({ namespace: 'prod', pod: API_POD, container: 'api', previous: true });
    expect(sent()[1]).toEqual({
      method: 'GET',
      path: `/api/v1/namespaces/prod/pods/${API_POD}/log`,
      query: { container: 'api', tailLines: '201', limitBytes: '262144', previous: 'true' },
    });
    expect(logs.previous).toBe(true);
    expect(logs.lines).toHaveLength(2);
    expect(logs.truncated).toBe(false);
  });

  it('get_pod_logs caps lines and bytes, keeping the newest lines when the byte cap cuts the answer', async () => {
    await cluster.close();
    cluster = await startFakeCluster({ logLimits: { maxLines: 250, maxBytes: 2000 } });
    const logs = await cluster.executor.get_pod_logs({ namespace: 'prod', pod: WEB_PODS[0], tail_lines: 5000 });
    const logRequests = cluster.fake.requests().filter((request) => request.path.endsWith('/log'));
    expect(logRequests[0].query).toMatchObject({ tailLines: '251', limitBytes: '2000' });
    // The first answer stopped at 2000 bytes, before the newest lines: it is asked again for fewer lines.
    expect(logRequests).toHaveLength(2);
    expect(logs.truncated).toBe(true);
    expect(logs.lines.at(-1)).toBe('10.42.0.1 - - "GET /products/299 HTTP/1.1" 200 1299');
    expect(logs.lines.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0)).toBeLessThanOrEqual(2000);
  });

  it("list_events lists the namespace's events newest first", async () => {
    const events = await cluster.executor.list_events({ namespace: 'prod' });
    expect(sent()).toEqual([{ method: 'GET', path: '/api/v1/namespaces/prod/events', query: {} }]);
    expect(events.map((event) => event.object)).toEqual([
      `Pod/${API_POD}`,
      'Pod/api-gateway-6d8f7c9b5-r2t4w',
      'ConfigMap/web-config',
      'ReplicaSet/web-6b9f5c8d7',
      'Deployment/web',
    ]);
    expect(events[0]).toEqual({
      namespace: 'prod',
      type: 'Warning',
      reason: 'BackOff',
      object: `Pod/${API_POD}`,
      message: `Back-off restarting failed container api in pod ${API_POD}_prod`,
      count: 12,
      firstSeen: '2025-06-01T11:20:00.000Z',
      lastSeen: '2025-06-01T11:59:00.000Z',
    });
  });

  it('list_events for a workload name includes its pods and ReplicaSets, not a longer name that shares the prefix', async () => {
    const web = await cluster.executor.list_events({ namespace: 'prod', involved_object: 'web' });
    expect(web.map((event) => event.object)).toEqual(['ReplicaSet/web-6b9f5c8d7', 'Deployment/web']);
    const api = await cluster.executor.list_events({ namespace: 'prod', involved_object: 'api', limit: 5 });
    expect(api.map((event) => event.object)).toEqual([`Pod/${API_POD}`]);
  });

  it('list_events for one pod lets the server filter by field selector', async () => {
    await cluster.executor.list_events({ namespace: 'prod', involved_object: `pod/${API_POD}` });
    expect(sent()).toEqual([
      {
        method: 'GET',
        path: '/api/v1/namespaces/prod/events',
        query: { fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${API_POD}` },
      },
    ]);
  });

  it('list_deployments summarises each deployment as kubectl get deployments does', async () => {
    const deployments = await cluster.executor.list_deployments({ namespace: 'prod' });
    expect(sent()).toEqual([{ method: 'GET', path: '/apis/apps/v1/namespaces/prod/deployments', query: {} }]);
    expect(deployments).toEqual([
      {
        name: 'api',
        namespace: 'prod',
        ready: '0/1',
        desired: 1,
        updated: 1,
        available: 0,
        images: ['registry.example.com/api:1.8.0'],
        revision: 1,
        strategy: 'RollingUpdate',
        age: '45m',
        createdAt: '2025-06-01T11:15:00.000Z',
      },
      expect.objectContaining({ name: 'web', ready: '2/2', desired: 2, revision: 3, images: ['nginx:1.27'], age: '3d' }),
    ]);
  });

  it('get_rollout_history reads the deployment and its ReplicaSets by selector, leaving out one it does not own', async () => {
    const history = await cluster.executor.get_rollout_history({ namespace: 'prod', name: 'web' });
    expect(sent()).toEqual([
      { method: 'GET', path: '/apis/apps/v1/namespaces/prod/deployments/web', query: {} },
      { method: 'GET', path: '/apis/apps/v1/namespaces/prod/replicasets', query: { labelSelector: 'app=web' } },
    ]);
    expect(history.map((entry) => [entry.revision, entry.images[0], entry.changeCause, entry.current])).toEqual([
      [1, 'nginx:1.25', 'initial release', false],
      [2, 'nginx:1.26', 'image nginx:1.26', false],
      [3, 'nginx:1.27', 'image nginx:1.27', true],
    ]);
  });

  it('list_nodes shows status, roles, taints and the pods each node runs', async () => {
    const nodes = await cluster.executor.list_nodes();
    expect(sent()).toEqual([
      { method: 'GET', path: '/api/v1/nodes', query: {} },
      { method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' } },
    ]);
    expect(nodes.map((node) => [node.name, node.status, node.roles, node.podCount])).toEqual([
      ['node-a', 'Ready', ['control-plane'], 2],
      ['node-b', 'Ready,SchedulingDisabled', ['worker'], 1],
      ['node-c', 'NotReady', ['worker'], 0],
    ]);
    expect(nodes[1]).toMatchObject({
      internalIP: '10.0.0.12',
      version: 'v1.31.4',
      taints: ['node.kubernetes.io/unschedulable:NoSchedule'],
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
    });
  });

  it('describe_resource of a deployment reads it, its pods, its ReplicaSets and its events', async () => {
    const description = await cluster.executor.describe_resource({ namespace: 'prod', kind: 'deployment', name: 'web' });
    expect(sent()).toEqual([
      { method: 'GET', path: '/apis/apps/v1/namespaces/prod/deployments/web', query: {} },
      { method: 'GET', path: '/api/v1/namespaces/prod/pods', query: { labelSelector: 'app=web' } },
      { method: 'GET', path: '/apis/apps/v1/namespaces/prod/replicasets', query: { labelSelector: 'app=web' } },
      {
        method: 'GET',
        path: '/api/v1/namespaces/prod/events',
        query: { fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=web' },
      },
    ]);
    expect(description).toMatchObject({
      kind: 'deployment',
      name: 'web',
      namespace: 'prod',
      age: '3d',
      annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'image nginx:1.27' },
      details: {
        replicas: { desired: 2, updated: 2, total: 2, available: 2, unavailable: 0 },
        selector: 'app=web',
        pods: WEB_PODS,
        strategy: 'RollingUpdate',
        revision: 3,
        newReplicaSet: 'web-6b9f5c8d7 (2/2 replicas created)',
      },
    });
    // The last-applied annotation repeats the object (and would show a Secret's values): it is left out.
    expect(Object.keys(description.annotations)).not.toContain('kubectl.kubernetes.io/last-applied-configuration');
    expect(description.events.map((event) => event.reason)).toEqual(['ScalingReplicaSet']);
  });

  it('describe_resource of a crash-looping pod shows the waiting reason and the last exit', async () => {
    const description = await cluster.executor.describe_resource({ namespace: 'prod', kind: 'pod', name: API_POD });
    expect(description.details).toMatchObject({
      status: 'CrashLoopBackOff',
      controlledBy: 'ReplicaSet/api-7d4b9c6f5',
      containers: [
        {
          name: 'api',
          state: 'Waiting',
          reason: 'CrashLoopBackOff',
          lastState: { terminated: { reason: 'Error', exitCode: 1, finishedAt: '2025-06-01T11:58:00.000Z' } },
          ready: false,
          restarts: 7,
        },
      ],
    });
    expect(description.events.map((event) => event.reason)).toEqual(['BackOff']);
  });

  it('describe_resource of a service lists the ready pods behind it as endpoints', async () => {
    const description = await cluster.executor.describe_resource({ namespace: 'prod', kind: 'service', name: 'web' });
    expect(sent()[0]).toEqual({ method: 'GET', path: '/api/v1/namespaces/prod/services/web', query: {} });
    expect(description.details).toMatchObject({ spec: { clusterIP: '10.43.0.10' }, endpoints: ['10.42.0.15:8080', '10.42.1.16:8080'] });
  });

  it('describe_resource of a config map and of a node', async () => {
    const configMap = await cluster.executor.describe_resource({ namespace: 'prod', kind: 'configmap', name: 'web-config' });
    expect(configMap.details).toEqual({ data: { LOG_LEVEL: 'info', CACHE_TTL: '60' } });
    const node = await cluster.executor.describe_resource({ kind: 'node', name: 'node-a' });
    expect(node.namespace).toBeUndefined();
    expect(node.details).toMatchObject({ status: 'Ready', unschedulable: false, pods: [`prod/${API_POD}`, `prod/${WEB_PODS[0]}`] });
  });

  it('lists namespaces and answers ping with the server version', async () => {
    expect(await cluster.executor.listNamespaces()).toEqual(['default', 'kube-system', 'prod', 'staging']);
    const ping = await cluster.executor.ping();
    expect(ping.ok).toBe(true);
    expect(ping.detail).toBe(`Kubernetes v1.31.4-fake at ${cluster.fake.url}`);
  });

  it('never changes anything while reading', async () => {
    const executor = cluster.executor;
    await executor.list_pods({ namespace: 'prod' });
    await executor.get_pod_logs({ namespace: 'prod', pod: API_POD });
    await executor.describe_resource({ namespace: 'prod', kind: 'hpa', name: 'api' });
    await executor.list_events({ namespace: 'prod' });
    await executor.list_deployments({ namespace: 'prod' });
    await executor.get_rollout_history({ namespace: 'prod', name: 'web' });
    await executor.list_nodes();
    expect(cluster.fake.writes()).toEqual([]);
  });
});
