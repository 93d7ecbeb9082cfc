import { ClusterError } from './cluster-error.js';
import { isClusterScopedKind, type ManifestDocument } from './manifest-documents.js';
import type { ManifestRule } from './manifest-rules.js';
import type { JsonValue } from './results.js';

/** What apply_manifest may create besides ordinary workloads: the rules MANIFEST_ALLOW names. */
export interface ManifestPolicy {
  allow: readonly ManifestRule[];
}

export const STRICT_MANIFEST_POLICY: ManifestPolicy = { allow: [] };

/** One object of a manifest that breaks one rule, and where. */
export interface ManifestViolation {
  rule: ManifestRule;
  kind: string;
  name: string;
  namespace?: string;
  /** The field that breaks it, e.g. spec.template.spec.containers[0].securityContext.privileged; absent for a kind rule. */
  field?: string;
}

const RBAC_KINDS: readonly string[] = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];
const CONTAINER_LISTS: readonly string[] = ['containers', 'initContainers', 'ephemeralContainers'];
const HOST_FLAGS: Readonly<Record<string, ManifestRule>> = { hostPID: 'host-pid', hostNetwork: 'host-network', hostIPC: 'host-ipc' };
const PRIVILEGED_CAPABILITIES: readonly string[] = ['SYS_ADMIN', 'ALL'];

type JsonRecord = { [key: string]: JsonValue };
const isRecord = (value: JsonValue | undefined): value is JsonRecord =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

function kindRule(kind: string): ManifestRule | null {
  if (RBAC_KINDS.includes(kind)) return 'rbac';
  if (kind === 'Secret') return 'secrets';
  if (isClusterScopedKind(kind)) return 'cluster-scoped';
  return null;
}

function privilegedField(container: JsonValue | undefined): string | null {
  if (!isRecord(container)) return null;
  const context = container['securityContext'];
  if (!isRecord(context)) return null;
  if (context['privileged'] === true) return 'securityContext.privileged';
  const add = isRecord(context['capabilities']) ? context['capabilities']['add'] : undefined;
  if (
    Array.isArray(add) &&
    add.some((capability) => typeof capability === 'string' && PRIVILEGED_CAPABILITIES.includes(capability.toUpperCase()))
  )
    return 'securityContext.capabilities.add';
  return null;
}

/**
 * Walks every field of an object, so a pod spec is found wherever a kind keeps it (a Pod's spec, a Deployment's
 * template, a CronJob's jobTemplate, a custom resource's): host flags, hostPath volumes and privileged containers.
 */
function fieldViolations(value: JsonValue | undefined, path: string, found: { rule: ManifestRule; field: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => fieldViolations(item, `${path}[${index}]`, found));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    const hostRule = HOST_FLAGS[key];
    if (hostRule && inner === true) found.push({ rule: hostRule, field: here });
    if (key === 'hostPath' && inner !== null) found.push({ rule: 'host-path', field: here });
    if (CONTAINER_LISTS.includes(key) && Array.isArray(inner)) {
      inner.forEach((container, index) => {
        const field = privilegedField(container);
        if (field) found.push({ rule: 'privileged', field: `${here}[${index}].${field}` });
      });
    }
    fieldViolations(inner, here, found);
  }
}

/** Every rule each object breaks, in manifest order. */
export function manifestViolations(documents: readonly ManifestDocument[]): ManifestViolation[] {
  return documents.flatMap((document) => {
    const who = {
      kind: document.kind,
      name: document.metadata.name,
      ...(document.metadata.namespace === undefined ? {} : { namespace: document.metadata.namespace }),
    };
    const rule = kindRule(document.kind);
    const fields: { rule: ManifestRule; field: string }[] = [];
    fieldViolations(document.body, '', fields);
    return [...(rule ? [{ ...who, rule }] : []), ...fields.map((found) => ({ ...who, ...found }))];
  });
}

/**
 * Refuses a manifest with an object the policy does not allow: ClusterError 'refused_by_policy' naming the first
 * such object, the rule and the field, so the person is told exactly what and why, before any card.
 */
export function checkManifestPolicy(documents: readonly ManifestDocument[], policy: ManifestPolicy): void {
  const refused = manifestViolations(documents).find((violation) => !policy.allow.includes(violation.rule));
  if (!refused) return;
  const where = refused.field ? ` (${refused.field})` : '';
  throw new ClusterError(
    'refused_by_policy',
    `${refused.kind} ${refused.name}${where} is not applied: rule "${refused.rule}" (MANIFEST_ALLOW does not include it)`,
    {
      tool: 'apply_manifest',
      kind: refused.kind,
      name: refused.name,
      ...(refused.namespace === undefined ? {} : { namespace: refused.namespace }),
      rule: refused.rule,
      ...(refused.field === undefined ? {} : { field: refused.field }),
    },
  );
}
