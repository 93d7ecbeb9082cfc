/**
 * What a manifest may hold only when MANIFEST_ALLOW names it; without it, apply_manifest refuses such a
 * manifest before any approval card.
 * - rbac: Role, RoleBinding, ClusterRole, ClusterRoleBinding
 * - secrets: Secret objects
 * - privileged: a privileged container, or one adding the SYS_ADMIN or ALL capability (containers, initContainers,
 *   ephemeralContainers, in a Pod or any pod template)
 * - host-path: hostPath volumes
 * - host-pid, host-network, host-ipc: a pod sharing the node's process, network or IPC namespace
 * - cluster-scoped: other cluster-wide kinds (Namespace, CRDs, webhooks, StorageClass, PersistentVolume, ...)
 */
export const MANIFEST_RULES = [
  'rbac',
  'secrets',
  'privileged',
  'host-path',
  'host-pid',
  'host-network',
  'host-ipc',
  'cluster-scoped',
] as const;

export type ManifestRule = (typeof MANIFEST_RULES)[number];

export function isManifestRule(value: string): value is ManifestRule {
  return (MANIFEST_RULES as readonly string[]).includes(value);
}
