import { ClusterError } from './cluster-error.js';
import { isDns1123Label as isDnsLabel } from '../tools/kubernetes-names.js';

/**
 * The namespaces the cluster itself runs on: always protected, whatever PROTECTED_NAMESPACES says. The
 * configured list can add namespaces to these, never take one away.
 */
export const ALWAYS_PROTECTED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];
/** PROTECTED_NAMESPACES when it is not set: the always-protected ones. */
export const DEFAULT_PROTECTED_NAMESPACES: readonly string[] = ALWAYS_PROTECTED_NAMESPACES;

/**
 * Where the bot may act. An empty allow-list means every namespace; protected namespaces are read-only
 * even when allowed.
 */
export interface NamespaceScope {
  defaultNamespace: string;
  allowedNamespaces: readonly string[];
  /** Added to ALWAYS_PROTECTED_NAMESPACES (and the bot's own namespace); never narrows them. */
  protectedNamespaces: readonly string[];
  /** The namespace the bot itself runs in, when known: protected like the cluster's own. */
  ownNamespace?: string;
}

/** Every protected namespace: the always-protected ones, the bot's own (when known) and the configured ones. */
export function protectedNamespacesOf(configured: readonly string[], ownNamespace?: string): string[] {
  return [...new Set([...ALWAYS_PROTECTED_NAMESPACES, ...(ownNamespace === undefined ? [] : [ownNamespace]), ...configured])];
}

export function isProtectedNamespace(scope: Pick<NamespaceScope, 'protectedNamespaces' | 'ownNamespace'>, namespace: string): boolean {
  return protectedNamespacesOf(scope.protectedNamespaces, scope.ownNamespace).includes(namespace);
}

export type NamespaceAccess = 'read' | 'write';

/** What the refused call was, carried into ClusterError details for localized messages. */
export interface ScopeCheckContext {
  tool: string;
  kind?: string;
  name?: string;
}

function contextDetails(context: ScopeCheckContext): Record<string, string> {
  return {
    tool: context.tool,
    ...(context.kind === undefined ? {} : { kind: context.kind }),
    ...(context.name === undefined ? {} : { name: context.name }),
  };
}

export function isNamespaceAllowed(scope: NamespaceScope, namespace: string): boolean {
  return scope.allowedNamespaces.length === 0 || scope.allowedNamespaces.includes(namespace);
}

/** Throws unless `access` to `namespace` is within scope: invalid, out_of_scope or protected_namespace. */
export function checkNamespaceAccess(scope: NamespaceScope, namespace: string, access: NamespaceAccess, context: ScopeCheckContext): void {
  const details = { ...contextDetails(context), namespace, verb: access };
  if (!isDnsLabel(namespace)) {
    throw new ClusterError('invalid', `"${namespace}" is not a valid namespace name`, { ...details, field: 'namespace' });
  }
  if (!isNamespaceAllowed(scope, namespace)) {
    throw new ClusterError(
      'out_of_scope',
      `namespace "${namespace}" is outside the allowed namespaces (${scope.allowedNamespaces.join(', ')})`,
      { ...details, allowed: scope.allowedNamespaces.join(',') },
    );
  }
  if (access === 'write' && isProtectedNamespace(scope, namespace)) {
    throw new ClusterError('protected_namespace', `namespace "${namespace}" is protected: reads only`, details);
  }
}

/**
 * Changes to cluster-scoped objects (nodes, ClusterRoles, ...) reach beyond any namespace, so they are
 * refused whenever the bot is limited to an allow-list of namespaces.
 */
export function checkClusterScopedWrite(scope: NamespaceScope, context: ScopeCheckContext): void {
  if (scope.allowedNamespaces.length > 0) {
    const what = [context.kind ?? 'object', context.name].filter(Boolean).join(' ');
    const allowed = scope.allowedNamespaces.join(', ');
    throw new ClusterError(
      'out_of_scope',
      `${what} is cluster-scoped; only objects in the allowed namespaces (${allowed}) may be changed`,
      { ...contextDetails(context), verb: 'write', resource: 'cluster-scoped', allowed: scope.allowedNamespaces.join(',') },
    );
  }
}

export function namespacesInScope(scope: NamespaceScope, namespaces: readonly string[]): string[] {
  return namespaces.filter((namespace) => isNamespaceAllowed(scope, namespace));
}
