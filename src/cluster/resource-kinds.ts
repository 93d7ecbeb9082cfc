/** The kinds the catalog's describe_resource and delete_resource accept, in the catalog contract's order. */
export const RESOURCE_KINDS = [
  'pod',
  'deployment',
  'statefulset',
  'daemonset',
  'service',
  'ingress',
  'configmap',
  'node',
  'job',
  'cronjob',
  'hpa',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The manifest Kind and API group of each catalog kind. */
export const RESOURCE_KIND_INFO: Record<ResourceKind, { kind: string; apiVersion: string; namespaced: boolean }> = {
  pod: { kind: 'Pod', apiVersion: 'v1', namespaced: true },
  deployment: { kind: 'Deployment', apiVersion: 'apps/v1', namespaced: true },
  statefulset: { kind: 'StatefulSet', apiVersion: 'apps/v1', namespaced: true },
  daemonset: { kind: 'DaemonSet', apiVersion: 'apps/v1', namespaced: true },
  service: { kind: 'Service', apiVersion: 'v1', namespaced: true },
  ingress: { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', namespaced: true },
  configmap: { kind: 'ConfigMap', apiVersion: 'v1', namespaced: true },
  node: { kind: 'Node', apiVersion: 'v1', namespaced: false },
  job: { kind: 'Job', apiVersion: 'batch/v1', namespaced: true },
  cronjob: { kind: 'CronJob', apiVersion: 'batch/v1', namespaced: true },
  hpa: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', namespaced: true },
};

/** The catalog kind for a manifest Kind, if the catalog has one (Deployment → deployment). */
export function catalogKindOf(manifestKind: string): ResourceKind | undefined {
  const entry = Object.entries(RESOURCE_KIND_INFO).find(([, info]) => info.kind === manifestKind);
  return entry ? (entry[0] as ResourceKind) : undefined;
}

/** kubectl's resource type in messages: "deployment.apps", "configmap". */
export function kubectlResourceType(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? kind.toLowerCase() : `${kind.toLowerCase()}.${apiVersion.slice(0, slash)}`;
}

/** kubectl's resource name in messages: "deployment.apps/api", "configmap/api-config". */
export function kubectlResourceName(apiVersion: string, kind: string, name: string): string {
  return `${kubectlResourceType(apiVersion, kind)}/${name}`;
}
