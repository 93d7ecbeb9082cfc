import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG_ENV_VARS, loadConfig } from '../../src/config.js';
import {
  allOf,
  configMapSchema,
  deploymentSchema,
  hpaSchema,
  namespaceSchema,
  pdbSchema,
  pick,
  podTemplates,
  secretSchema,
  selectorMatches,
  type Container,
  type Deployment,
  type PodSpec,
  type Probe,
  type SecurityContext,
} from './kube-objects.js';
import { DEPLOY_DIR, parseKubeYaml, renderKustomization, type KubeObject } from './kustomize-render.js';

const NAMESPACE = 'chatops';
const CONFIG_MAP = 'chatops-config';
const SECRET = 'chatops-secrets';
const SECRET_KEYS = [
  'TELEGRAM_BOT_TOKEN',
  'REDIS_URL',
  'ALERT_WEBHOOK_TOKEN',
  'OLLAMA_API_KEY',
  'NVIDIA_API_KEY',
  'GEMINI_API_KEY',
  'ANTHROPIC_API_KEY',
  'LANGFUSE_PUBLIC_KEY',
  'LANGFUSE_SECRET_KEY',
];
// Shipped in the ConfigMap and the Secret for Langfuse tracing, which this version does not read yet.
const RESERVED_KEYS = ['LANGFUSE_BASE_URL', 'LANGFUSE_PUBLIC_KEY', 'LANGFUSE_SECRET_KEY'];
const looksSecret = (name: string) => /TOKEN|API_KEY|SECRET|PASSWORD|REDIS_URL/.test(name);

const OVERLAYS = ['overlays/default', 'overlays/read-only'] as const;
const serviceSchema = z.looseObject({
  kind: z.literal('Service'),
  spec: z.looseObject({
    selector: z.record(z.string(), z.string()),
    ports: z.array(
      z.looseObject({ name: z.string(), port: z.number(), targetPort: z.union([z.string(), z.number()]), protocol: z.string() }),
    ),
  }),
});
const rendered = (path: string): KubeObject[] => renderKustomization(join(DEPLOY_DIR, path));

function readSecretTemplate() {
  const documents = parseKubeYaml(readFileSync(join(DEPLOY_DIR, 'secret.template.yaml'), 'utf8'), 'secret.template.yaml');
  expect(documents).toHaveLength(1);
  return secretSchema.parse(documents[0]);
}

const appDeployments = (objects: readonly KubeObject[]) => ({
  bot: pick(objects, 'Deployment', 'chatops-bot', deploymentSchema),
  worker: pick(objects, 'Deployment', 'chatops-worker', deploymentSchema),
});

function onlyContainer(deployment: Deployment): Container {
  const [container, ...rest] = deployment.spec.template.spec.containers;
  expect(rest).toEqual([]);
  if (!container) throw new Error('no container');
  return container;
}

/** What the kubelet enforces: container settings win over the pod's. */
function effective(pod: PodSpec, container: Container): SecurityContext {
  return { ...pod.securityContext, ...container.securityContext };
}

function portNumber(container: Container, port: string | number): number {
  if (typeof port === 'number') return port;
  const found = container.ports?.find((p) => p.name === port);
  if (!found) throw new Error(`container ${container.name} has no port named ${port}`);
  return found.containerPort;
}

function httpProbe(probe: Probe | undefined): { path: string; port: string | number } {
  if (!probe?.httpGet) throw new Error('expected an httpGet probe');
  return probe.httpGet;
}

describe.each(OVERLAYS)('deploy/%s', (overlay) => {
  const objects = rendered(overlay);
  const { bot, worker } = appDeployments(objects);
  const configMap = pick(objects, 'ConfigMap', CONFIG_MAP, configMapSchema);
  const secret = readSecretTemplate();

  it('puts every namespaced object in the chatops namespace, which enforces the restricted pod security standard', () => {
    const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
    for (const object of objects) {
      if (clusterScoped.has(object.kind)) expect(object.metadata.namespace).toBeUndefined();
      else expect([object.kind, object.metadata.name, object.metadata.namespace]).toEqual([object.kind, object.metadata.name, NAMESPACE]);
    }
    const namespace = pick(objects, 'Namespace', NAMESPACE, namespaceSchema);
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('labels every object with the application name and what it is part of', () => {
    for (const object of objects) {
      expect(object.metadata.labels?.['app.kubernetes.io/name'], `${object.kind}/${object.metadata.name}`).toBeTruthy();
      expect(object.metadata.labels?.['app.kubernetes.io/part-of'], `${object.kind}/${object.metadata.name}`).toBe('kube-chatops');
    }
  });

  it('runs exactly one bot replica, replaced with Recreate so two pollers never overlap', () => {
    expect(bot.spec.replicas).toBe(1);
    expect(bot.spec.strategy?.type).toBe('Recreate');
    expect([...(onlyContainer(bot).command ?? []), ...(onlyContainer(bot).args ?? [])]).toEqual([
      'node',
      '--import',
      'tsx',
      'src/main.ts',
      '--role',
      'bot',
    ]);
  });

  it('runs the worker role under a CPU HorizontalPodAutoscaler that owns the replica count', () => {
    expect([...(onlyContainer(worker).command ?? []), ...(onlyContainer(worker).args ?? [])]).toEqual([
      'node',
      '--import',
      'tsx',
      'src/main.ts',
      '--role',
      'worker',
    ]);
    expect(worker.spec.replicas).toBeUndefined();
    const hpas = allOf(objects, 'HorizontalPodAutoscaler', hpaSchema);
    expect(hpas.map((h) => h.spec.scaleTargetRef)).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'chatops-worker' }]);
    const [hpa] = hpas;
    expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa?.spec.maxReplicas).toBeGreaterThan(hpa?.spec.minReplicas ?? 1);
    expect(hpa?.spec.metrics.map((m) => m.resource?.name)).toContain('cpu');
  });

  it('has a disruption budget that lets one worker go at a time and none that could block draining the bot', () => {
    const pdbs = allOf(objects, 'PodDisruptionBudget', pdbSchema);
    const workerLabels = worker.spec.template.metadata.labels;
    const botLabels = bot.spec.template.metadata.labels;
    const forWorker = pdbs.filter((p) => selectorMatches(p.spec.selector, workerLabels));
    expect(forWorker).toHaveLength(1);
    expect(forWorker[0]?.spec).toMatchObject({ maxUnavailable: 1 });
    expect(forWorker[0]?.spec.minAvailable).toBeUndefined();
    expect(pdbs.filter((p) => selectorMatches(p.spec.selector, botLabels))).toEqual([]);
  });

  it('selects each Deployment’s own pods and no other workload’s', () => {
    const deployments = allOf(objects, 'Deployment', deploymentSchema);
    for (const d of deployments) {
      expect(selectorMatches(d.spec.selector, d.spec.template.metadata.labels), d.metadata.name).toBe(true);
      for (const other of deployments.filter((o) => o !== d)) {
        expect(selectorMatches(d.spec.selector, other.spec.template.metadata.labels), `${d.metadata.name} vs ${other.metadata.name}`).toBe(
          false,
        );
      }
    }
  });

  it('runs no container as root, without privilege escalation, capabilities or a writable root filesystem', () => {
    const templates = podTemplates(objects);
    expect(templates.length).toBeGreaterThanOrEqual(2);
    for (const { owner, spec } of templates) {
      expect([spec.hostNetwork, spec.hostPID, spec.hostIPC].filter(Boolean), owner).toEqual([]);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const where = `${owner} ${container.name}`;
        const sc = effective(spec, container);
        expect(sc.runAsNonRoot, where).toBe(true);
        expect(sc.runAsUser, where).toBeGreaterThan(0);
        expect(sc.privileged ?? false, where).toBe(false);
        expect(sc.allowPrivilegeEscalation, where).toBe(false);
        expect(sc.readOnlyRootFilesystem, where).toBe(true);
        expect(sc.capabilities?.drop, where).toContain('ALL');
        expect(sc.capabilities?.add ?? [], where).toEqual([]);
        expect(sc.seccompProfile?.type, where).toBe('RuntimeDefault');
      }
    }
  });

  it('gives every container CPU and memory requests and limits, and liveness and readiness probes', () => {
    for (const { owner, spec } of podTemplates(objects)) {
      for (const container of spec.containers) {
        const where = `${owner} ${container.name}`;
        for (const bound of ['requests', 'limits'] as const) {
          expect(container.resources?.[bound]?.['cpu'], `${where} ${bound}.cpu`).toBeDefined();
          expect(container.resources?.[bound]?.['memory'], `${where} ${bound}.memory`).toBeDefined();
        }
        expect(container.livenessProbe, where).toBeDefined();
        expect(container.readinessProbe, where).toBeDefined();
      }
    }
  });

  it('probes the bot and the worker on /healthz (alive) and /readyz (ready) at METRICS_PORT', () => {
    const metricsPort = Number(configMap.data['METRICS_PORT']);
    for (const deployment of [bot, worker]) {
      const container = onlyContainer(deployment);
      const liveness = httpProbe(container.livenessProbe);
      const readiness = httpProbe(container.readinessProbe);
      const startup = httpProbe(container.startupProbe);
      expect([liveness.path, readiness.path, startup.path]).toEqual(['/healthz', '/readyz', '/healthz']);
      for (const probe of [liveness, readiness, startup]) expect(portNumber(container, probe.port)).toBe(metricsPort);
      expect(deployment.spec.template.metadata.annotations?.['prometheus.io/port']).toBe(String(metricsPort));
    }
  });

  it('exposes the bot’s Alertmanager webhook receiver as Service chatops-alerts on ALERT_WEBHOOK_PORT, and only the bot', () => {
    const alertPort = Number(configMap.data['ALERT_WEBHOOK_PORT']);
    const service = serviceSchema.parse(objects.find((o) => o.kind === 'Service' && o.metadata.name === 'chatops-alerts'));
    expect(service.spec.ports).toEqual([{ name: 'alerts', port: alertPort, targetPort: 'alerts', protocol: 'TCP' }]);
    expect(selectorMatches({ matchLabels: service.spec.selector }, bot.spec.template.metadata.labels)).toBe(true);
    expect(selectorMatches({ matchLabels: service.spec.selector }, worker.spec.template.metadata.labels)).toBe(false);
    expect(portNumber(onlyContainer(bot), 'alerts')).toBe(alertPort);
    // The token is a secret; without it the receiver stays off.
    expect(Object.keys(secret.stringData)).toContain('ALERT_WEBHOOK_TOKEN');
    expect(configMap.data['ALERT_WEBHOOK_TOKEN']).toBeUndefined();
  });

  it('gives tsx a writable /tmp, the only place the app writes', () => {
    for (const deployment of [bot, worker]) {
      const container = onlyContainer(deployment);
      expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(deployment.spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    }
  });

  it('runs the bot and the worker from one pinned image under their own ServiceAccounts; only they get API tokens', () => {
    const images = [bot, worker].map((d) => onlyContainer(d).image);
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/^[^:]+:(?!latest$)[\w.-]+$/);
    expect(bot.spec.template.spec.serviceAccountName).toBe('chatops-bot');
    expect(worker.spec.template.spec.serviceAccountName).toBe('chatops-worker');
    for (const { owner, spec } of podTemplates(objects)) {
      const mountsToken = spec.automountServiceAccountToken !== false;
      expect(mountsToken, owner).toBe(owner === 'Deployment/chatops-bot' || owner === 'Deployment/chatops-worker');
    }
  });

  it('sets every variable the configuration reads from the ConfigMap or the Secret, none from both', () => {
    expect(CONFIG_ENV_VARS.length).toBeGreaterThan(20);
    const fromConfigMap = new Set(Object.keys(configMap.data));
    const fromSecret = new Set(Object.keys(secret.stringData));
    for (const name of CONFIG_ENV_VARS) expect(fromConfigMap.has(name) || fromSecret.has(name), name).toBe(true);
    expect([...fromConfigMap].filter((k) => fromSecret.has(k))).toEqual([]);
    for (const deployment of [bot, worker]) {
      const container = onlyContainer(deployment);
      expect(container.envFrom).toEqual([{ configMapRef: { name: CONFIG_MAP } }, { secretRef: { name: SECRET } }]);
      // Explicit env entries would override envFrom and hide the ConfigMap's value.
      expect(container.env).toBeUndefined();
    }
  });

  it('keeps secrets out of the ConfigMap and unknown names out of both', () => {
    for (const key of Object.keys(configMap.data)) {
      expect(looksSecret(key), key).toBe(false);
      expect([...CONFIG_ENV_VARS, ...RESERVED_KEYS], key).toContain(key);
    }
    for (const key of Object.keys(secret.stringData)) expect([...CONFIG_ENV_VARS, ...RESERVED_KEYS], key).toContain(key);
  });

  it('ships a ConfigMap the configuration accepts, pointed at the real cluster with the bot’s own namespace protected', () => {
    const config = loadConfig(
      { ...configMap.data, TELEGRAM_BOT_TOKEN: '123456:FAKE-token-for-the-manifest-test', REDIS_URL: 'redis://chatops-redis:6379' },
      { telegram: true },
    );
    expect(config.cluster.backend).toBe('kubernetes');
    expect(config.cluster.kubeconfig).toBeUndefined();
    expect(config.cluster.protectedNamespaces).toEqual(expect.arrayContaining(['kube-system', NAMESPACE]));
    expect(config.metricsPort).toBe(9464);
  });
});

describe('deploy/secret.template.yaml', () => {
  it('names every secret key with an empty value, in the chatops namespace', () => {
    const secret = readSecretTemplate();
    expect(secret.metadata).toMatchObject({ name: SECRET, namespace: NAMESPACE });
    expect(secret.type).toBe('Opaque');
    expect(Object.keys(secret.stringData).sort()).toEqual([...SECRET_KEYS].sort());
    expect(Object.values(secret.stringData).every((v) => v === '')).toBe(true);
  });

  it('is kept out of every kustomization, so applying one never blanks the real Secret', () => {
    for (const path of ['base', ...OVERLAYS])
      expect(
        rendered(path).filter((o) => o.kind === 'Secret'),
        path,
      ).toEqual([]);
  });
});

describe('the Redis component', () => {
  const objects = rendered('overlays/default');
  const redis = pick(objects, 'Deployment', 'chatops-redis', deploymentSchema);
  const container = onlyContainer(redis);

  it('runs one Redis with append-only persistence on a PersistentVolumeClaim and never evicts queue keys', () => {
    expect(redis.spec.replicas).toBe(1);
    expect(redis.spec.strategy?.type).toBe('Recreate');
    const args = container.args ?? [];
    const option = (name: string) => args[args.indexOf(name) + 1];
    expect(option('--appendonly')).toBe('yes');
    // At most a second of writes lost in a crash; a clean restart loses nothing (test/faults/redis-persistence.test.ts).
    expect(option('--appendfsync')).toBe('everysec');
    expect(option('--maxmemory-policy')).toBe('noeviction');
    expect(option('--dir')).toBe('/data');
    expect(container.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
    expect(redis.spec.template.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'chatops-redis-data' } }]);
    expect(objects.some((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === 'chatops-redis-data')).toBe(true);
  });

  it('is reachable as redis://chatops-redis:6379, the URL the deploy README puts in the Secret', () => {
    const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'chatops-redis');
    expect(service).toMatchObject({ spec: { ports: [{ port: 6379, targetPort: 'redis' }] } });
    expect(readFileSync(join(DEPLOY_DIR, 'README.md'), 'utf8')).toContain('redis://chatops-redis:6379');
  });

  it('is left out of the base, for an external Redis', () => {
    expect(rendered('base').filter((o) => o.metadata.name.includes('redis'))).toEqual([]);
  });
});
