import { ClusterError } from './cluster-error.js';
import type { ClusterExecutor } from './executor.js';
import { isDns1123Label as isDnsLabel } from '../tools/kubernetes-names.js';
import { isClusterScopedKind, parseManifestDocuments } from './manifest-documents.js';
import { checkManifestPolicy, STRICT_MANIFEST_POLICY, type ManifestPolicy } from './manifest-policy.js';
import {
  checkClusterScopedWrite,
  checkNamespaceAccess,
  namespacesInScope,
  type NamespaceAccess,
  type NamespaceScope,
  type ScopeCheckContext,
} from './namespace-scope.js';
import type { ChangeRequest } from './executor.js';
import type { DeploymentRef, ManifestRequest, ObjectRef, RollbackRequest, ScaleRequest } from './capability-inputs.js';

export type ScopedExecutorOptions = NamespaceScope & {
  /** What a manifest may hold besides ordinary workloads (MANIFEST_ALLOW); nothing extra when absent. */
  manifestPolicy?: ManifestPolicy;
};

/**
 * Wraps any backend so that every call has its namespace filled in and checked before the backend sees it:
 * outside ALLOWED_NAMESPACES is refused (out_of_scope), writes in PROTECTED_NAMESPACES are refused
 * (protected_namespace), reads there are allowed. A manifest is also held to the manifest policy
 * (refused_by_policy). Previews are checked like the writes they preview.
 */
export function createScopedExecutor(inner: ClusterExecutor, scope: ScopedExecutorOptions): ClusterExecutor {
  if (!isDnsLabel(scope.defaultNamespace)) {
    throw new Error(`default namespace "${scope.defaultNamespace}" is not a valid namespace name`);
  }

  function namespaced<A extends { namespace?: string }>(
    args: A,
    access: NamespaceAccess,
    context: ScopeCheckContext,
  ): A & { namespace: string } {
    const namespace = args.namespace ?? scope.defaultNamespace;
    checkNamespaceAccess(scope, namespace, access, context);
    return { ...args, namespace };
  }

  const describeArgs = (args: ObjectRef): ObjectRef => {
    // Nodes are cluster-scoped; reading them is always within scope, like list_nodes.
    if (args.kind === 'node') return { kind: args.kind, name: args.name };
    return namespaced(args, 'read', { tool: 'describe_resource', kind: args.kind, name: args.name });
  };
  const restartArgs = (args: DeploymentRef) =>
    namespaced(args, 'write', { tool: 'restart_deployment', kind: 'deployment', name: args.name });
  const scaleArgs = (args: ScaleRequest) => namespaced(args, 'write', { tool: 'scale_deployment', kind: 'deployment', name: args.name });
  const rollbackArgs = (args: RollbackRequest) =>
    namespaced(args, 'write', { tool: 'rollback_deployment', kind: 'deployment', name: args.name });
  const deleteArgs = (args: ObjectRef): ObjectRef => {
    const context = { tool: 'delete_resource', kind: args.kind, name: args.name };
    if (args.kind === 'node') {
      checkClusterScopedWrite(scope, context);
      return { kind: args.kind, name: args.name };
    }
    return namespaced(args, 'write', context);
  };
  const applyArgs = (args: ManifestRequest): ManifestRequest => {
    const fallback = args.namespace ?? scope.defaultNamespace;
    const documents = parseManifestDocuments(args.manifest);
    // A manifest names its own namespaces, so every object is checked, not just the argument.
    for (const document of documents) {
      const context = { tool: 'apply_manifest', kind: document.kind, name: document.metadata.name };
      if (document.kind === 'Namespace') {
        checkNamespaceAccess(scope, document.metadata.name, 'write', context);
      } else if (isClusterScopedKind(document.kind)) {
        checkClusterScopedWrite(scope, context);
      } else {
        const own = document.metadata.namespace;
        if (own !== undefined && args.namespace !== undefined && own !== args.namespace) {
          // kubectl refuses this too: the object's namespace must match the one requested.
          throw new ClusterError(
            'invalid',
            `${document.kind} ${document.metadata.name} names namespace "${own}" but the call asks for "${args.namespace}"`,
            { ...context, namespace: args.namespace, field: 'metadata.namespace', value: own },
          );
        }
        checkNamespaceAccess(scope, own ?? fallback, 'write', context);
      }
    }
    checkManifestPolicy(documents, scope.manifestPolicy ?? STRICT_MANIFEST_POLICY);
    return { manifest: args.manifest, namespace: fallback };
  };

  return {
    backend: inner.backend,
    description: inner.description,

    async list_pods(args) {
      return inner.list_pods(namespaced(args, 'read', { tool: 'list_pods' }));
    },
    async get_pod_logs(args) {
      return inner.get_pod_logs(namespaced(args, 'read', { tool: 'get_pod_logs', kind: 'pod', name: args.pod }));
    },
    async describe_resource(args) {
      return inner.describe_resource(describeArgs(args));
    },
    async list_events(args) {
      return inner.list_events(namespaced(args, 'read', { tool: 'list_events' }));
    },
    async list_deployments(args) {
      return inner.list_deployments(namespaced(args, 'read', { tool: 'list_deployments' }));
    },
    async get_rollout_history(args) {
      return inner.get_rollout_history(namespaced(args, 'read', { tool: 'get_rollout_history', kind: 'deployment', name: args.name }));
    },
    async list_nodes() {
      return inner.list_nodes();
    },

    async restart_deployment(args) {
      return inner.restart_deployment(restartArgs(args));
    },
    async scale_deployment(args) {
      return inner.scale_deployment(scaleArgs(args));
    },
    async rollback_deployment(args) {
      return inner.rollback_deployment(rollbackArgs(args));
    },
    async delete_resource(args) {
      return inner.delete_resource(deleteArgs(args));
    },
    async apply_manifest(args) {
      return inner.apply_manifest(applyArgs(args));
    },

    async preview(call: ChangeRequest) {
      switch (call.name) {
        case 'restart_deployment':
          return inner.preview({ name: call.name, arguments: restartArgs(call.arguments) });
        case 'scale_deployment':
          return inner.preview({ name: call.name, arguments: scaleArgs(call.arguments) });
        case 'rollback_deployment':
          return inner.preview({ name: call.name, arguments: rollbackArgs(call.arguments) });
        case 'delete_resource':
          return inner.preview({ name: call.name, arguments: deleteArgs(call.arguments) });
        case 'apply_manifest':
          return inner.preview({ name: call.name, arguments: applyArgs(call.arguments) });
      }
    },
    async listNamespaces() {
      return namespacesInScope(scope, await inner.listNamespaces());
    },
    async ping() {
      return inner.ping();
    },
  };
}
