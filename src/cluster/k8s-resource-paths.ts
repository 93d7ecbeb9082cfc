/**
 * The kinds the Kubernetes executor can apply, read and delete by kind, and their REST paths. A fixed table
 * instead of API discovery: the bot touches these kinds only, and anything else is refused with a clear message.
 */

import { ClusterError } from './cluster-error.js';
import { RESOURCE_KIND_INFO } from './resource-kinds.js';
import type { ResourceKind } from './resource-kinds.js';

export interface KubeResourceType {
  kind: string;
  /** accepted apiVersions; the first is the one the bot uses itself */
  apiVersions: readonly string[];
  /** REST resource name (plural) */
  plural: string;
  namespaced: boolean;
  /** false for kinds the bot reads and deletes but never creates from a manifest */
  appliable: boolean;
}

export const KUBE_RESOURCE_TYPES: readonly KubeResourceType[] = [
  { kind: 'Deployment', apiVersions: ['apps/v1'], plural: 'deployments', namespaced: true, appliable: true },
  { kind: 'StatefulSet', apiVersions: ['apps/v1'], plural: 'statefulsets', namespaced: true, appliable: true },
  { kind: 'DaemonSet', apiVersions: ['apps/v1'], plural: 'daemonsets', namespaced: true, appliable: true },
  { kind: 'ReplicaSet', apiVersions: ['apps/v1'], plural: 'replicasets', namespaced: true, appliable: false },
  { kind: 'Service', apiVersions: ['v1'], plural: 'services', namespaced: true, appliable: true },
  { kind: 'ConfigMap', apiVersions: ['v1'], plural: 'configmaps', namespaced: true, appliable: true },
  { kind: 'Secret', apiVersions: ['v1'], plural: 'secrets', namespaced: true, appliable: true },
  { kind: 'Pod', apiVersions: ['v1'], plural: 'pods', namespaced: true, appliable: true },
  { kind: 'ServiceAccount', apiVersions: ['v1'], plural: 'serviceaccounts', namespaced: true, appliable: true },
  { kind: 'Ingress', apiVersions: ['networking.k8s.io/v1'], plural: 'ingresses', namespaced: true, appliable: true },
  { kind: 'Job', apiVersions: ['batch/v1'], plural: 'jobs', namespaced: true, appliable: true },
  { kind: 'CronJob', apiVersions: ['batch/v1'], plural: 'cronjobs', namespaced: true, appliable: true },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersions: ['autoscaling/v2', 'autoscaling/v1'],
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    appliable: true,
  },
  { kind: 'Namespace', apiVersions: ['v1'], plural: 'namespaces', namespaced: false, appliable: true },
  { kind: 'Node', apiVersions: ['v1'], plural: 'nodes', namespaced: false, appliable: false },
];

export function findResourceType(kind: string): KubeResourceType | undefined {
  return KUBE_RESOURCE_TYPES.find((type) => type.kind === kind);
}

/** The API group of an apiVersion: "" for "v1", "apps" for "apps/v1". */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The manifest kinds apply accepts, for messages. */
export function appliableKinds(): string[] {
  return KUBE_RESOURCE_TYPES.filter((type) => type.appliable).map((type) => type.kind);
}

/** The resource type for a manifest object; ClusterError 'invalid' for a kind or version the bot does not handle. */
export function resourceTypeForManifest(apiVersion: string, kind: string, name: string): KubeResourceType {
  const type = findResourceType(kind);
  if (!type || !type.appliable) {
    const message = `${kind} ${name}: kind "${kind}" (${apiVersion}) is not supported by the bot; it applies ${appliableKinds().join(', ')}`;
    throw new ClusterError('invalid', message, { kind, name, field: 'kind', value: kind });
  }
  if (!type.apiVersions.includes(apiVersion)) {
    // kubectl's wording for an unknown version of a known kind.
    const message = `${kind} ${name}: no matches for kind "${kind}" in version "${apiVersion}" (use ${type.apiVersions.join(' or ')})`;
    throw new ClusterError('invalid', message, { kind, name, field: 'apiVersion', value: apiVersion });
  }
  return type;
}

/** The resource type of a catalog kind (describe_resource, delete_resource). */
export function resourceTypeForCatalogKind(kind: ResourceKind): KubeResourceType & { apiVersion: string } {
  const info = RESOURCE_KIND_INFO[kind];
  const type = findResourceType(info.kind);
  // Every catalog kind is in the table; a missing one is a programming error caught by the unit tests.
  if (!type) throw new Error(`no REST path for catalog kind ${kind}`);
  return { ...type, apiVersion: info.apiVersion };
}

/** /api/v1/namespaces/prod/configmaps/web, /apis/apps/v1/namespaces/prod/deployments/web, /api/v1/nodes/n1 */
export function resourcePath(
  type: KubeResourceType,
  apiVersion: string,
  target: { namespace?: string; name?: string; subresource?: string },
): string {
  const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const parts = [root];
  if (type.namespaced) {
    if (target.namespace === undefined) throw new Error(`${type.kind} is namespaced; no namespace given`);
    parts.push('namespaces', encodeURIComponent(target.namespace));
  }
  parts.push(type.plural);
  if (target.name !== undefined) parts.push(encodeURIComponent(target.name));
  if (target.subresource !== undefined) parts.push(target.subresource);
  return parts.join('/');
}
