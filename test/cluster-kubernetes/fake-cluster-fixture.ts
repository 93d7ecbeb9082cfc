/**
 * The objects the fake API server starts with: namespace prod with deployment web (three revisions) and a
 * crash-looping deployment api, pods, a Service, a ConfigMap, a Secret, an HPA, events, three nodes and logs.
 */

import type { FakeKubeApi, JsonMap } from './fake-kube-api.js';

export const FIXTURE_NOW = Date.parse('2025-06-01T12:00:00Z');
const at = (minutesAgo: number) => new Date(FIXTURE_NOW - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const WEB_UID = '5b0c7d3e-0000-4000-8000-00000000web1';
const API_UID = '5b0c7d3e-0000-4000-8000-00000000api1';

export const WEB_REVISIONS = [
  { hash: '7c6d8b9f4', revision: 1, image: 'nginx:1.25', cause: 'initial release', minutesAgo: 3 * 24 * 60 },
  { hash: '5f8d7c6b9', revision: 2, image: 'nginx:1.26', cause: 'image nginx:1.26', minutesAgo: 2 * 24 * 60 },
  { hash: '6b9f5c8d7', revision: 3, image: 'nginx:1.27', cause: 'image nginx:1.27', minutesAgo: 120 },
] as const;

function webTemplate(image: string, hash?: string): JsonMap {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: {
      containers: [
        {
          name: 'web',
          image,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
    },
  };
}

function namespace(name: string): JsonMap {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, creationTimestamp: at(30 * 24 * 60) },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function node(name: string, options: { role: string; ip: string; ready: boolean; unschedulable?: boolean }): JsonMap {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: at(30 * 24 * 60),
      labels: { 'kubernetes.io/hostname': name, [`node-role.kubernetes.io/${options.role}`]: '' },
    },
    spec: {
      ...(options.unschedulable
        ? { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }
        : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: options.ip },
        { type: 'Hostname', address: name },
      ],
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        options.ready
          ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
          : { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' },
      ],
      nodeInfo: { kubeletVersion: 'v1.31.4', osImage: 'Ubuntu 24.04 LTS', containerRuntimeVersion: 'containerd://1.7.22' },
    },
  };
}

function webDeployment(): JsonMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'prod',
      uid: WEB_UID,
      generation: 4,
      creationTimestamp: at(3 * 24 * 60),
      labels: { app: 'web' },
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        'kubernetes.io/change-cause': 'image nginx:1.27',
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}',
      },
      managedFields: [
        {
          manager: 'kubectl-client-side-apply',
          operation: 'Update',
          apiVersion: 'apps/v1',
          time: at(120),
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
      ],
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: webTemplate('nginx:1.27'),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 4,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: 'ReplicaSet "web-6b9f5c8d7" has successfully progressed.',
        },
      ],
    },
  };
}

function webReplicaSet(entry: (typeof WEB_REVISIONS)[number], current: boolean): JsonMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${entry.hash}`,
      namespace: 'prod',
      creationTimestamp: at(entry.minutesAgo),
      labels: { app: 'web', 'pod-template-hash': entry.hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '2',
        'deployment.kubernetes.io/max-replicas': '3',
        'deployment.kubernetes.io/revision': String(entry.revision),
        'kubernetes.io/change-cause': entry.cause,
      },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: WEB_UID, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: {
      replicas: current ? 2 : 0,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': entry.hash } },
      template: webTemplate(entry.image, entry.hash),
    },
    status: { replicas: current ? 2 : 0, readyReplicas: current ? 2 : 0 },
  };
}

function pod(
  name: string,
  options: { app: string; hash: string; owner: string; node: string | null; image: string; ip: string; state: 'running' | 'crashloop' },
): JsonMap {
  const running = options.state === 'running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'prod',
      creationTimestamp: at(running ? 118 : 45),
      labels: { app: options.app, 'pod-template-hash': options.hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: options.owner, uid: `${options.owner}-uid`, controller: true }],
    },
    spec: { nodeName: options.node, containers: [{ name: options.app, image: options.image }] },
    status: {
      phase: 'Running',
      podIP: options.ip,
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: running ? 'True' : 'False' },
      ],
      containerStatuses: [
        running
          ? {
              name: options.app,
              image: options.image,
              imageID: '',
              ready: true,
              restartCount: 0,
              state: { running: { startedAt: at(117) } },
            }
          : {
              name: options.app,
              image: options.image,
              imageID: '',
              ready: false,
              restartCount: 7,
              state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=api' } },
              lastState: { terminated: { reason: 'Error', exitCode: 1, finishedAt: at(2) } },
            },
      ],
    },
  };
}

function event(
  name: string,
  involved: { kind: string; name: string },
  fields: { type: string; reason: string; message: string; count: number; first: number; last: number },
): JsonMap {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'prod', creationTimestamp: at(fields.first) },
    involvedObject: { kind: involved.kind, name: involved.name, namespace: 'prod' },
    type: fields.type,
    reason: fields.reason,
    message: fields.message,
    count: fields.count,
    firstTimestamp: at(fields.first),
    lastTimestamp: at(fields.last),
    source: { component: 'kubelet' },
  };
}

export const WEB_PODS = ['web-6b9f5c8d7-q9z7m', 'web-6b9f5c8d7-x2k4p'];
export const API_POD = 'api-7d4b9c6f5-h8k2n';

export function seedFakeCluster(fake: FakeKubeApi): void {
  for (const name of ['default', 'prod', 'staging', 'kube-system']) fake.put(namespace(name));
  fake.put(node('node-a', { role: 'control-plane', ip: '10.0.0.11', ready: true }));
  fake.put(node('node-b', { role: 'worker', ip: '10.0.0.12', ready: true, unschedulable: true }));
  fake.put(node('node-c', { role: 'worker', ip: '10.0.0.13', ready: false }));

  fake.put(webDeployment());
  WEB_REVISIONS.forEach((entry, index) => fake.put(webReplicaSet(entry, index === WEB_REVISIONS.length - 1)));
  // Matches web's selector but belongs to no Deployment: rollout history must leave it out, as kubectl does.
  fake.put({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-canary', namespace: 'prod', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '9' } },
    spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: webTemplate('nginx:canary') },
  });
  fake.put(
    pod(WEB_PODS[0], {
      app: 'web',
      hash: '6b9f5c8d7',
      owner: 'web-6b9f5c8d7',
      node: 'node-a',
      image: 'nginx:1.27',
      ip: '10.42.0.15',
      state: 'running',
    }),
  );
  fake.put(
    pod(WEB_PODS[1], {
      app: 'web',
      hash: '6b9f5c8d7',
      owner: 'web-6b9f5c8d7',
      node: 'node-b',
      image: 'nginx:1.27',
      ip: '10.42.1.16',
      state: 'running',
    }),
  );

  fake.put({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'api',
      namespace: 'prod',
      uid: API_UID,
      creationTimestamp: at(45),
      labels: { app: 'api' },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'registry.example.com/api:1.8.0' }] } },
      strategy: { type: 'RollingUpdate' },
    },
    status: { replicas: 1, updatedReplicas: 1, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 1 },
  });
  fake.put(
    pod(API_POD, {
      app: 'api',
      hash: '7d4b9c6f5',
      owner: 'api-7d4b9c6f5',
      node: 'node-a',
      image: 'registry.example.com/api:1.8.0',
      ip: '10.42.0.20',
      state: 'crashloop',
    }),
  );
  fake.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'batch-runner', namespace: 'prod', creationTimestamp: at(10), labels: { app: 'batch' } },
    spec: { containers: [{ name: 'runner', image: 'busybox:1.36' }] },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available' }],
    },
  });

  fake.put({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'prod', creationTimestamp: at(3 * 24 * 60), labels: { app: 'web' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.43.0.10',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    },
  });
  fake.put({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web-config', namespace: 'prod', creationTimestamp: at(3 * 24 * 60) },
    data: { LOG_LEVEL: 'info', CACHE_TTL: '60' },
  });
  fake.put({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web-secret', namespace: 'prod', creationTimestamp: at(3 * 24 * 60) },
    type: 'Opaque',
    data: { password: Buffer.from('hunter2-old').toString('base64') },
  });
  fake.put({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'api', namespace: 'prod', creationTimestamp: at(45) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 1, maxReplicas: 5 },
  });

  fake.put(
    event(
      'api.backoff',
      { kind: 'Pod', name: API_POD },
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container api in pod api-7d4b9c6f5-h8k2n_prod',
        count: 12,
        first: 40,
        last: 1,
      },
    ),
  );
  fake.put(
    event(
      'web-rs.create',
      { kind: 'ReplicaSet', name: 'web-6b9f5c8d7' },
      { type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-6b9f5c8d7-x2k4p', count: 1, first: 118, last: 118 },
    ),
  );
  fake.put(
    event(
      'web.scaling',
      { kind: 'Deployment', name: 'web' },
      { type: 'Normal', reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-6b9f5c8d7 to 2', count: 1, first: 120, last: 120 },
    ),
  );
  fake.put(
    event(
      'gateway.pulled',
      { kind: 'Pod', name: 'api-gateway-6d8f7c9b5-r2t4w' },
      { type: 'Normal', reason: 'Pulled', message: 'Container image already present on machine', count: 1, first: 5, last: 5 },
    ),
  );
  fake.put(
    event(
      'config.updated',
      { kind: 'ConfigMap', name: 'web-config' },
      { type: 'Normal', reason: 'Updated', message: 'ConfigMap updated', count: 1, first: 15, last: 15 },
    ),
  );

  fake.setLogs('prod', API_POD, 'api', {
    current: [
      '2025-06-01T11:58:00Z INFO  api 1.8.0 starting (pid 1)',
      '2025-06-01T11:58:00Z ERROR config: required environment variable DATABASE_URL is not set',
      '2025-06-01T11:58:01Z FATAL cannot start without DATABASE_URL; exiting with code 1',
    ],
    previous: [
      '2025-06-01T11:53:00Z INFO  api 1.8.0 starting (pid 1)',
      '2025-06-01T11:53:01Z FATAL cannot start without DATABASE_URL; exiting with code 1',
    ],
  });
  fake.setLogs('prod', WEB_PODS[0], 'web', {
    current: Array.from({ length: 300 }, (_, index) => `10.42.0.1 - - "GET /products/${index} HTTP/1.1" 200 ${1000 + index}`),
  });
}
