import { z } from 'zod';
import type { KubeObject } from './kustomize-render.js';

/** The parts of Kubernetes objects the deploy checks read; unknown fields pass through untouched. */

const stringMap = z.record(z.string(), z.string());
const quantities = z.record(z.string(), z.union([z.string(), z.number()]));

const securityContextSchema = z.looseObject({
  runAsNonRoot: z.boolean().optional(),
  runAsUser: z.number().int().optional(),
  runAsGroup: z.number().int().optional(),
  privileged: z.boolean().optional(),
  allowPrivilegeEscalation: z.boolean().optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
  capabilities: z.looseObject({ add: z.array(z.string()).optional(), drop: z.array(z.string()).optional() }).optional(),
  seccompProfile: z.looseObject({ type: z.string() }).optional(),
});
export type SecurityContext = z.infer<typeof securityContextSchema>;

const probeSchema = z.looseObject({
  httpGet: z.looseObject({ path: z.string(), port: z.union([z.string(), z.number()]) }).optional(),
  tcpSocket: z.looseObject({ port: z.union([z.string(), z.number()]) }).optional(),
  exec: z.looseObject({ command: z.array(z.string()) }).optional(),
});
export type Probe = z.infer<typeof probeSchema>;

const envFromSchema = z.looseObject({
  configMapRef: z.looseObject({ name: z.string(), optional: z.boolean().optional() }).optional(),
  secretRef: z.looseObject({ name: z.string(), optional: z.boolean().optional() }).optional(),
});

const containerSchema = z.looseObject({
  name: z.string(),
  image: z.string(),
  imagePullPolicy: z.string().optional(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  env: z.array(z.looseObject({ name: z.string() })).optional(),
  envFrom: z.array(envFromSchema).optional(),
  ports: z.array(z.looseObject({ name: z.string().optional(), containerPort: z.number().int() })).optional(),
  resources: z.looseObject({ requests: quantities.optional(), limits: quantities.optional() }).optional(),
  securityContext: securityContextSchema.optional(),
  livenessProbe: probeSchema.optional(),
  readinessProbe: probeSchema.optional(),
  startupProbe: probeSchema.optional(),
  volumeMounts: z.array(z.looseObject({ name: z.string(), mountPath: z.string() })).optional(),
});
export type Container = z.infer<typeof containerSchema>;

const podSpecSchema = z.looseObject({
  serviceAccountName: z.string().optional(),
  automountServiceAccountToken: z.boolean().optional(),
  hostNetwork: z.boolean().optional(),
  hostPID: z.boolean().optional(),
  hostIPC: z.boolean().optional(),
  securityContext: securityContextSchema.optional(),
  containers: z.array(containerSchema).min(1),
  initContainers: z.array(containerSchema).optional(),
  volumes: z.array(z.looseObject({ name: z.string() })).optional(),
});
export type PodSpec = z.infer<typeof podSpecSchema>;

const labelSelectorSchema = z.looseObject({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).optional() })).optional(),
});
export type LabelSelector = z.infer<typeof labelSelectorSchema>;

export const deploymentSchema = z.looseObject({
  kind: z.literal('Deployment'),
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
  spec: z.looseObject({
    replicas: z.number().int().optional(),
    strategy: z.looseObject({ type: z.string() }).optional(),
    selector: labelSelectorSchema,
    template: z.looseObject({
      metadata: z.looseObject({ labels: stringMap, annotations: stringMap.optional() }),
      spec: podSpecSchema,
    }),
  }),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const hpaSchema = z.looseObject({
  kind: z.literal('HorizontalPodAutoscaler'),
  apiVersion: z.literal('autoscaling/v2'),
  spec: z.looseObject({
    scaleTargetRef: z.looseObject({ apiVersion: z.string(), kind: z.string(), name: z.string() }),
    minReplicas: z.number().int().optional(),
    maxReplicas: z.number().int(),
    metrics: z.array(z.looseObject({ type: z.string(), resource: z.looseObject({ name: z.string() }).optional() })).min(1),
  }),
});

export const pdbSchema = z.looseObject({
  kind: z.literal('PodDisruptionBudget'),
  metadata: z.looseObject({ name: z.string() }),
  spec: z.looseObject({
    selector: labelSelectorSchema,
    minAvailable: z.union([z.number(), z.string()]).optional(),
    maxUnavailable: z.union([z.number(), z.string()]).optional(),
  }),
});

export const namespaceSchema = z.looseObject({
  kind: z.literal('Namespace'),
  metadata: z.looseObject({ name: z.string(), labels: stringMap }),
});

export const configMapSchema = z.looseObject({
  kind: z.literal('ConfigMap'),
  metadata: z.looseObject({ name: z.string(), namespace: z.string() }),
  // Values must be strings: an unquoted 0 or yes would be a number or boolean and the API server refuses it.
  data: z.record(z.string(), z.string()),
});

export const secretSchema = z.looseObject({
  kind: z.literal('Secret'),
  type: z.string(),
  metadata: z.looseObject({ name: z.string(), namespace: z.string() }),
  stringData: z.record(z.string(), z.string()),
});

export const policyRuleSchema = z.strictObject({
  apiGroups: z.array(z.string()).min(1),
  resources: z.array(z.string()).min(1),
  verbs: z.array(z.string()).min(1),
  // Present only so the checks can say a role must not use them.
  resourceNames: z.array(z.string()).optional(),
  nonResourceURLs: z.array(z.string()).optional(),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const clusterRoleSchema = z.looseObject({
  kind: z.literal('ClusterRole'),
  metadata: z.looseObject({ name: z.string() }),
  rules: z.array(policyRuleSchema),
  aggregationRule: z.unknown().optional(),
});

export const bindingSchema = z.looseObject({
  kind: z.enum(['ClusterRoleBinding', 'RoleBinding']),
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
  roleRef: z.strictObject({ apiGroup: z.literal('rbac.authorization.k8s.io'), kind: z.enum(['ClusterRole', 'Role']), name: z.string() }),
  subjects: z.array(z.looseObject({ kind: z.string(), name: z.string(), namespace: z.string().optional() })).min(1),
});
export type Binding = z.infer<typeof bindingSchema>;

/** The one object of this kind and name, parsed with its schema; fails loudly when missing or twice. */
export function pick<T>(objects: readonly KubeObject[], kind: string, name: string, schema: z.ZodType<T>): T {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return schema.parse(found[0]);
}

export function allOf<T>(objects: readonly KubeObject[], kind: string, schema: z.ZodType<T>): T[] {
  return objects.filter((o) => o.kind === kind).map((o) => schema.parse(o));
}

/** Whether a selector matches a set of labels (matchLabels and the In/NotIn/Exists/DoesNotExist operators). */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
  return byLabels && byExpressions;
}

/** Kinds whose objects carry a pod template (spec.template.spec). */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'] as const;

const workloadSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string() }),
  spec: z.looseObject({ template: z.looseObject({ spec: podSpecSchema }) }),
});

export interface PodTemplate {
  owner: string;
  spec: PodSpec;
}

export function podTemplates(objects: readonly KubeObject[]): PodTemplate[] {
  const templates = objects
    .filter((o) => (WORKLOAD_KINDS as readonly string[]).includes(o.kind))
    .map((o) => ({ owner: `${o.kind}/${o.metadata.name}`, spec: workloadSchema.parse(o).spec.template.spec }));
  const bare = objects.filter((o) => o.kind === 'Pod' || o.kind === 'CronJob');
  if (bare.length > 0) throw new Error(`pod sources the checks do not read yet: ${bare.map((o) => o.kind).join(', ')}`);
  return templates;
}
