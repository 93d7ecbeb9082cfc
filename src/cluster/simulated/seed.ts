/**
 * The simulated cluster's starting scenario. prod's api was updated to 1.8.0 47 minutes ago; 1.8 reads the
 * database address from DATABASE_URL, which the deployment does not set, so every api pod is in
 * CrashLoopBackOff (staging sets it and is fine; rolling back to revision 2 fixes prod). sim-node-3 is
 * under memory pressure.
 */

import type { JsonObject, NodeCondition } from '../results.js';
import { recordEvent } from './events.js';
import { reconcile } from './reconcile.js';
import { commitTemplate, templateHash } from './revisions.js';
import {
  emptyState,
  objectKey,
  workloadKey,
  type SimulatedContainer,
  type SimulatedEnvVar,
  type SimulatedPodTemplate,
  type SimulatedState,
  type SimulatedWorkloadKind,
} from './state.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REGISTRY = 'registry.example.com/shop';

interface WorkloadSeed {
  kind: SimulatedWorkloadKind;
  namespace: string;
  name: string;
  replicas: number;
  strategy?: 'RollingUpdate' | 'Recreate';
  env?: SimulatedEnvVar[];
  extra?: JsonObject;
  specExtra?: JsonObject;
  /** oldest first; the last one is current */
  revisions: Array<{ image: string; agoMs: number; changeCause?: string }>;
}

function condition(type: string, status: string, reason: string, message: string): NodeCondition {
  return { type, status, reason, message };
}

function healthyConditions(): NodeCondition[] {
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

function addNodes(state: SimulatedState, now: number): void {
  const nodes = [
    { name: 'sim-node-1', roles: ['control-plane'], ip: '10.0.0.11', cpu: '4', alloc: '3800m', memory: '16Gi', allocMemory: '15Gi' },
    { name: 'sim-node-2', roles: ['worker'], ip: '10.0.0.12', cpu: '8', alloc: '7800m', memory: '32Gi', allocMemory: '30Gi' },
    { name: 'sim-node-3', roles: ['worker'], ip: '10.0.0.13', cpu: '8', alloc: '7800m', memory: '32Gi', allocMemory: '30Gi' },
  ];
  for (const node of nodes) {
    state.nodes.set(node.name, {
      name: node.name,
      createdAt: now - 34 * DAY,
      roles: node.roles,
      version: 'v1.30.4',
      internalIP: node.ip,
      capacity: { cpu: node.cpu, memory: node.memory, pods: '110' },
      allocatable: { cpu: node.alloc, memory: node.allocMemory, pods: '110' },
      conditions: healthyConditions(),
      taints: [],
      unschedulable: false,
    });
  }
}

function template(seed: WorkloadSeed, image: string): SimulatedPodTemplate {
  const container: SimulatedContainer = { name: seed.name, image, env: seed.env ?? [], extra: seed.extra ?? {} };
  return { labels: { app: seed.name }, annotations: {}, containers: [container], specExtra: {} };
}

/** Adds a workload at its first revision, then rolls it forward through the others, as its history happened. */
function addWorkload(state: SimulatedState, now: number, seed: WorkloadSeed): void {
  const [first, ...later] = seed.revisions;
  if (!first) return;
  const at = now - first.agoMs;
  const initial = template(seed, first.image);
  const hash = templateHash(initial);
  const workload = {
    kind: seed.kind,
    apiVersion: 'apps/v1',
    name: seed.name,
    namespace: seed.namespace,
    createdAt: at,
    labels: { app: seed.name },
    annotations: {},
    replicas: seed.replicas,
    selector: { app: seed.name },
    strategy: seed.strategy ?? 'RollingUpdate',
    specExtra: seed.specExtra ?? {},
    template: initial,
    templateHash: hash,
    revision: 1,
    history: [
      { revision: 1, template: structuredClone(initial), templateHash: hash, createdAt: at, changeCause: first.changeCause ?? null },
    ],
  };
  state.workloads.set(workloadKey(seed.kind, seed.namespace, seed.name), workload);
  reconcile(state, at);
  for (const revision of later) {
    const when = now - revision.agoMs;
    commitTemplate(workload, template(seed, revision.image), when, revision.changeCause ?? null);
    reconcile(state, when);
  }
}

interface ObjectSeed {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  agoMs: number;
  body: JsonObject;
  labels?: Record<string, string>;
}

function addObject(state: SimulatedState, now: number, object: ObjectSeed): void {
  state.objects.set(objectKey(object.kind, object.namespace, object.name), {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    createdAt: now - object.agoMs,
    labels: object.labels ?? {},
    annotations: {},
    body: object.body,
  });
}

function service(namespace: string, name: string, clusterIP: string, port: number, targetPort: number, agoMs: number) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    namespace,
    name,
    agoMs,
    labels: { app: name },
    body: { spec: { type: 'ClusterIP', clusterIP, selector: { app: name }, ports: [{ name: 'http', port, targetPort, protocol: 'TCP' }] } },
  };
}

const apiExtra: JsonObject = {
  ports: [{ containerPort: 8080, name: 'http' }],
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
  readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
};
const webExtra: JsonObject = { ports: [{ containerPort: 8080, name: 'http' }], resources: { requests: { cpu: '100m', memory: '128Mi' } } };

function addProd(state: SimulatedState, now: number): void {
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'prod',
    name: 'api',
    replicas: 3,
    // Recreate because of schema migrations on start: that is why no old pod kept serving.
    strategy: 'Recreate',
    env: [
      { name: 'DB_HOST', value: 'postgres.prod.svc.cluster.local' },
      { name: 'DB_PORT', value: '5432' },
      { name: 'LOG_LEVEL', value: 'info' },
    ],
    extra: apiExtra,
    revisions: [
      { image: `${REGISTRY}/api:1.7.0`, agoMs: 12 * DAY, changeCause: 'release 1.7.0' },
      { image: `${REGISTRY}/api:1.7.2`, agoMs: 5 * DAY, changeCause: 'hotfix 1.7.2: order totals rounding' },
      { image: `${REGISTRY}/api:1.8.0`, agoMs: 47 * MINUTE, changeCause: 'release 1.8.0: new connection pool' },
    ],
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'prod',
    name: 'web',
    replicas: 2,
    env: [{ name: 'API_URL', value: 'http://api.prod.svc.cluster.local' }],
    extra: webExtra,
    revisions: [
      { image: `${REGISTRY}/web:2.3.0`, agoMs: 20 * DAY, changeCause: 'release 2.3.0' },
      { image: `${REGISTRY}/web:2.4.0`, agoMs: 9 * DAY, changeCause: 'release 2.4.0: new checkout page' },
      { image: `${REGISTRY}/web:2.4.1`, agoMs: 3 * DAY, changeCause: 'fix 2.4.1: cart badge count' },
    ],
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'prod',
    name: 'worker',
    replicas: 1,
    env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'worker-db', key: 'url' } } }],
    revisions: [{ image: `${REGISTRY}/worker:1.8.0`, agoMs: 6 * DAY, changeCause: 'release 1.8.0' }],
  });
  addWorkload(state, now, {
    kind: 'StatefulSet',
    namespace: 'prod',
    name: 'redis',
    replicas: 1,
    extra: { ports: [{ containerPort: 6379, name: 'redis' }] },
    specExtra: { serviceName: 'redis' },
    revisions: [{ image: 'docker.io/library/redis:7.2.5-alpine', agoMs: 20 * DAY }],
  });
  addObject(state, now, service('prod', 'api', '10.43.12.40', 80, 8080, 30 * DAY));
  addObject(state, now, service('prod', 'web', '10.43.12.41', 80, 8080, 30 * DAY));
  addObject(state, now, service('prod', 'redis', '10.43.12.42', 6379, 6379, 20 * DAY));
  addObject(state, now, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'prod',
    name: 'api-config',
    agoMs: 12 * DAY,
    body: { data: { LOG_LEVEL: 'info', FEATURE_NEW_CHECKOUT: 'false' } },
  });
  addObject(state, now, {
    apiVersion: 'v1',
    kind: 'Secret',
    namespace: 'prod',
    name: 'worker-db',
    agoMs: 6 * DAY,
    // base64 of a placeholder address without credentials
    body: { type: 'Opaque', data: { url: Buffer.from('postgres://worker@postgres.prod.svc.cluster.local:5432/shop').toString('base64') } },
  });
  addObject(state, now, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    namespace: 'prod',
    name: 'web',
    agoMs: 30 * DAY,
    body: {
      spec: {
        ingressClassName: 'traefik',
        rules: [
          {
            host: 'shop.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
          },
        ],
      },
    },
  });
  addObject(state, now, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    namespace: 'prod',
    name: 'web',
    agoMs: 20 * DAY,
    body: {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
  });
  addObject(state, now, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    namespace: 'prod',
    name: 'db-backup',
    agoMs: 30 * DAY,
    body: {
      spec: {
        schedule: '0 2 * * *',
        jobTemplate: {
          spec: {
            template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: `${REGISTRY}/db-backup:1.2.0` }] } },
          },
        },
      },
    },
  });
  addObject(state, now, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    namespace: 'prod',
    name: 'db-backup-28731120',
    agoMs: 9 * HOUR,
    labels: { 'job-name': 'db-backup-28731120' },
    body: {
      spec: { completions: 1, backoffLimit: 6 },
      status: {
        succeeded: 1,
        startTime: new Date(now - 9 * HOUR).toISOString(),
        completionTime: new Date(now - 9 * HOUR + 94_000).toISOString(),
      },
    },
  });
}

function addStaging(state: SimulatedState, now: number): void {
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'staging',
    name: 'api',
    replicas: 1,
    env: [
      { name: 'DATABASE_URL', value: 'postgres://api@postgres.staging.svc.cluster.local:5432/shop' },
      { name: 'LOG_LEVEL', value: 'debug' },
    ],
    extra: apiExtra,
    revisions: [
      { image: `${REGISTRY}/api:1.7.2`, agoMs: 6 * DAY, changeCause: 'hotfix 1.7.2' },
      { image: `${REGISTRY}/api:1.8.0`, agoMs: 2 * DAY, changeCause: 'release 1.8.0 with DATABASE_URL' },
    ],
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'staging',
    name: 'web',
    replicas: 1,
    env: [{ name: 'API_URL', value: 'http://api.staging.svc.cluster.local' }],
    extra: webExtra,
    revisions: [{ image: `${REGISTRY}/web:2.4.1`, agoMs: 4 * DAY, changeCause: 'release 2.4.1' }],
  });
  addObject(state, now, service('staging', 'api', '10.43.20.10', 80, 8080, 20 * DAY));
  addObject(state, now, service('staging', 'web', '10.43.20.11', 80, 8080, 20 * DAY));
}

function addPlatform(state: SimulatedState, now: number): void {
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'kube-system',
    name: 'coredns',
    replicas: 2,
    revisions: [{ image: 'registry.k8s.io/coredns/coredns:v1.11.1', agoMs: 34 * DAY }],
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'kube-system',
    name: 'metrics-server',
    replicas: 1,
    revisions: [{ image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.1', agoMs: 34 * DAY }],
  });
  addWorkload(state, now, {
    kind: 'DaemonSet',
    namespace: 'kube-system',
    name: 'kube-proxy',
    replicas: 0,
    revisions: [{ image: 'registry.k8s.io/kube-proxy:v1.30.4', agoMs: 34 * DAY }],
  });
  addObject(state, now, {
    apiVersion: 'v1',
    kind: 'Service',
    namespace: 'default',
    name: 'kubernetes',
    agoMs: 34 * DAY,
    body: { spec: { type: 'ClusterIP', clusterIP: '10.43.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] } },
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'monitoring',
    name: 'prometheus',
    replicas: 1,
    revisions: [{ image: 'quay.io/prometheus/prometheus:v2.53.0', agoMs: 30 * DAY }],
  });
  addWorkload(state, now, {
    kind: 'Deployment',
    namespace: 'monitoring',
    name: 'grafana',
    replicas: 1,
    revisions: [{ image: 'docker.io/grafana/grafana:11.1.0', agoMs: 30 * DAY }],
  });
}

/** sim-node-3 ran short of memory 25 minutes ago: tainted, so new pods go elsewhere. */
function addMemoryPressure(state: SimulatedState, now: number): void {
  const node = state.nodes.get('sim-node-3');
  if (!node) return;
  node.conditions = node.conditions.map((entry) =>
    entry.type === 'MemoryPressure'
      ? condition('MemoryPressure', 'True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available')
      : entry,
  );
  node.taints = ['node.kubernetes.io/memory-pressure:NoSchedule'];
  const nodeEvent = { namespace: 'default', objectKind: 'Node', objectName: node.name, owner: null };
  recordEvent(state, now - 25 * MINUTE, {
    ...nodeEvent,
    type: 'Normal',
    reason: 'NodeHasInsufficientMemory',
    message: `Node ${node.name} status is now: NodeHasInsufficientMemory`,
  });
  for (const ago of [24, 12, 3]) {
    recordEvent(state, now - ago * MINUTE, {
      ...nodeEvent,
      type: 'Warning',
      reason: 'EvictionThresholdMet',
      message: 'Attempting to reclaim memory',
    });
  }
}

export function seedSimulatedState(now: number, randomSeed: number): SimulatedState {
  const state = emptyState(randomSeed);
  const namespaces: Array<[string, number]> = [
    ['default', 34],
    ['kube-system', 34],
    ['kube-public', 34],
    ['kube-node-lease', 34],
    ['prod', 34],
    ['staging', 20],
    ['monitoring', 30],
  ];
  for (const [name, days] of namespaces) {
    state.namespaces.set(name, { createdAt: now - days * DAY, labels: { 'kubernetes.io/metadata.name': name } });
  }
  addNodes(state, now);
  addPlatform(state, now);
  addProd(state, now);
  addStaging(state, now);
  addMemoryPressure(state, now);
  return state;
}
