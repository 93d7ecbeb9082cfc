/**
 * The fake Kubernetes API server's resource table, Status objects and validation, written from the API's
 * documented behaviour (not from the executor's code) so the tests check one against the other.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export interface FakeResource {
  plural: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
}

export const FAKE_RESOURCES: readonly FakeResource[] = [
  { plural: 'pods', kind: 'Pod', group: '', version: 'v1', namespaced: true },
  { plural: 'services', kind: 'Service', group: '', version: 'v1', namespaced: true },
  { plural: 'configmaps', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true },
  { plural: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true },
  { plural: 'serviceaccounts', kind: 'ServiceAccount', group: '', version: 'v1', namespaced: true },
  { plural: 'events', kind: 'Event', group: '', version: 'v1', namespaced: true },
  { plural: 'namespaces', kind: 'Namespace', group: '', version: 'v1', namespaced: false },
  { plural: 'nodes', kind: 'Node', group: '', version: 'v1', namespaced: false },
  { plural: 'deployments', kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true },
  { plural: 'replicasets', kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true },
  { plural: 'statefulsets', kind: 'StatefulSet', group: 'apps', version: 'v1', namespaced: true },
  { plural: 'daemonsets', kind: 'DaemonSet', group: 'apps', version: 'v1', namespaced: true },
  { plural: 'ingresses', kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', namespaced: true },
  { plural: 'jobs', kind: 'Job', group: 'batch', version: 'v1', namespaced: true },
  { plural: 'cronjobs', kind: 'CronJob', group: 'batch', version: 'v1', namespaced: true },
  { plural: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', namespaced: true },
];

export function resourceByPlural(group: string, plural: string): FakeResource | undefined {
  return FAKE_RESOURCES.find((resource) => resource.group === group && resource.plural === plural);
}

export function resourceByKind(kind: string): FakeResource | undefined {
  return FAKE_RESOURCES.find((resource) => resource.kind === kind);
}

export function qualified(resource: Pick<FakeResource, 'plural' | 'group'>): string {
  return resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;
}

/** An error as the API server sends it: a metav1.Status with the HTTP code. */
export interface FakeStatus {
  code: number;
  reason: string;
  message: string;
  details?: JsonMap;
}

export function statusBody(status: FakeStatus): JsonMap {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: status.message,
    reason: status.reason,
    ...(status.details ? { details: status.details } : {}),
    code: status.code,
  };
}

export function notFoundStatus(resource: Pick<FakeResource, 'plural' | 'group'>, name: string): FakeStatus {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${qualified(resource)} "${name}" not found`,
    details: { name, group: resource.group, kind: resource.plural },
  };
}

export interface RbacRequest {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
}

/** The apiserver's RBAC refusal, word for word. */
export function forbiddenStatus(request: RbacRequest): FakeStatus {
  const plural = request.resource.split('/')[0] ?? request.resource;
  const subject =
    request.name === undefined
      ? qualified({ plural, group: request.group })
      : `${qualified({ plural, group: request.group })} "${request.name}"`;
  const scope = request.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`;
  return {
    code: 403,
    reason: 'Forbidden',
    message: `${subject} is forbidden: User "${request.user}" cannot ${request.verb} resource "${request.resource}" in API group "${request.group}" ${scope}`,
    details: { ...(request.name === undefined ? {} : { name: request.name }), group: request.group, kind: plural },
  };
}

export function invalidStatus(kind: string, group: string, name: string, causes: Array<{ field: string; message: string }>): FakeStatus {
  const what = group === '' ? kind : `${kind}.${group}`;
  return {
    code: 422,
    reason: 'Invalid',
    message: `${what} "${name}" is invalid: ${causes.map((cause) => `${cause.field}: ${cause.message}`).join(', ')}`,
    details: {
      name,
      group,
      kind,
      causes: causes.map((cause) => ({ reason: 'FieldValueInvalid', message: cause.message, field: cause.field })),
    },
  };
}

export function isMap(value: Json | undefined): value is JsonMap {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON value as the server writes it into keys and messages: a scalar as its text, null or missing as "", else JSON. */
export function jsonText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function goMap(labels: JsonMap): string {
  return `map[string]string{${Object.entries(labels)
    .map(([key, value]) => `"${key}":"${jsonText(value)}"`)
    .join(', ')}}`;
}

/** The few validations the tests rely on (the real server validates far more). */
export function validate(object: JsonMap): Array<{ field: string; message: string }> {
  const causes: Array<{ field: string; message: string }> = [];
  const spec = isMap(object['spec']) ? object['spec'] : {};
  if (object['kind'] === 'Deployment' || object['kind'] === 'Scale') {
    const replicas = spec['replicas'];
    if (typeof replicas === 'number' && replicas < 0) {
      causes.push({ field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` });
    }
  }
  if (object['kind'] === 'Deployment') {
    const selector = isMap(spec['selector']) && isMap(spec['selector']['matchLabels']) ? spec['selector']['matchLabels'] : {};
    const template = isMap(spec['template']) ? spec['template'] : {};
    const metadata = isMap(template['metadata']) ? template['metadata'] : {};
    const labels = isMap(metadata['labels']) ? metadata['labels'] : {};
    if (Object.entries(selector).some(([key, value]) => labels[key] !== value)) {
      causes.push({
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
      });
    }
    const podSpec = isMap(template['spec']) ? template['spec'] : {};
    const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'] : [];
    if (containers.length === 0) causes.push({ field: 'spec.template.spec.containers', message: 'Required value' });
  }
  return causes;
}
