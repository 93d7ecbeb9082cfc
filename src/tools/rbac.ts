/**
 * What a tool needs from the Kubernetes API, declared in its module: the ClusterRoles under deploy/ are tested
 * against the union of these (test/deploy/rbac.test.ts), so a role grants exactly what the tools need.
 */
export interface RbacRule {
  /** '' is the core API group. */
  readonly apiGroup: string;
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** Access the program needs besides its tools, and why. */
export const RBAC_BESIDES_TOOLS: Readonly<Record<string, readonly RbacRule[]>> = {
  'guided /run flow: the namespace picker lists namespaces': [{ apiGroup: '', resources: ['namespaces'], verbs: ['list'] }],
};

/** The namespaced kinds of the catalog (src/cluster/resource-kinds.ts), by API group, with the same verbs on each. */
export function catalogKindRules(verbs: readonly string[]): RbacRule[] {
  return [
    { apiGroup: '', resources: ['pods', 'services', 'configmaps'], verbs },
    { apiGroup: 'apps', resources: ['deployments', 'statefulsets', 'daemonsets'], verbs },
    { apiGroup: 'networking.k8s.io', resources: ['ingresses'], verbs },
    { apiGroup: 'batch', resources: ['jobs', 'cronjobs'], verbs },
    { apiGroup: 'autoscaling', resources: ['horizontalpodautoscalers'], verbs },
  ];
}
