import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCE_KIND_INFO } from '../../src/cluster/resource-kinds.js';
import { isReadOnly } from '../../src/tools/risk.js';
import { RESOURCE_KINDS, type ResourceKind } from '../../src/cluster/resource-kinds.js';
import { RBAC_BESIDES_TOOLS } from '../../src/tools/rbac.js';
import { standardTools, TOOL_NAMES, type ToolName } from '../../src/tools/registry.js';
import { toolOf } from '../../src/tools/tool-registry.js';
import { allOf, bindingSchema, clusterRoleSchema, deploymentSchema, pick, type Binding } from './kube-objects.js';
import { DEPLOY_DIR, renderKustomization, type KubeObject } from './kustomize-render.js';
import { grant, grantsOfPolicyRules, grantsOfToolRules, READ_VERBS, sorted, verbOf, type Grant } from './rbac-grants.js';

// The API resource behind each catalog kind (its group comes from src/cluster/resource-kinds.ts and is cross-checked).
const RESOURCE_OF_KIND: Record<ResourceKind, { group: string; resource: string }> = {
  pod: { group: '', resource: 'pods' },
  deployment: { group: 'apps', resource: 'deployments' },
  statefulset: { group: 'apps', resource: 'statefulsets' },
  daemonset: { group: 'apps', resource: 'daemonsets' },
  service: { group: '', resource: 'services' },
  ingress: { group: 'networking.k8s.io', resource: 'ingresses' },
  configmap: { group: '', resource: 'configmaps' },
  node: { group: '', resource: 'nodes' },
  job: { group: 'batch', resource: 'jobs' },
  cronjob: { group: 'batch', resource: 'cronjobs' },
  hpa: { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
};
const NAMESPACED_KINDS = RESOURCE_KINDS.filter((k) => RESOURCE_KIND_INFO[k].namespaced);

// What each tool needs is declared in its own module (src/tools/catalog/); the roles are derived from the registry.
const toolGrants = (tool: ToolName): Set<Grant> => grantsOfToolRules(toolOf(standardTools, { name: tool }).rbac);
const union = (sets: Iterable<Set<Grant>>): Set<Grant> => new Set([...sets].flatMap((s) => [...s]));
const extras = union(Object.values(RBAC_BESIDES_TOOLS).map(grantsOfToolRules));
const READ_TOOLS = TOOL_NAMES.filter((t) => isReadOnly(t));
const expectedOperator = union([...TOOL_NAMES.map(toolGrants), extras]);
const expectedReader = union([...READ_TOOLS.map(toolGrants), extras]);

const rendered = (path: string): KubeObject[] => renderKustomization(join(DEPLOY_DIR, path));
const roleGrants = (objects: readonly KubeObject[], name: string): Set<Grant> =>
  grantsOfPolicyRules(pick(objects, 'ClusterRole', name, clusterRoleSchema).rules);

function roleOfServiceAccount(objects: readonly KubeObject[], serviceAccount: string): string[] {
  return allOf(objects, 'ClusterRoleBinding', bindingSchema)
    .concat(allOf(objects, 'RoleBinding', bindingSchema))
    .filter((b: Binding) => b.subjects.some((s) => s.kind === 'ServiceAccount' && s.name === serviceAccount && s.namespace === 'chatops'))
    .map((b) => `${b.roleRef.kind}/${b.roleRef.name}`);
}

describe('the RBAC rules the tool modules declare', () => {
  it('says what every catalog tool needs', () => {
    for (const tool of TOOL_NAMES) expect(toolGrants(tool).size, tool).toBeGreaterThan(0);
  });

  it('asks only read verbs for the read tools', () => {
    for (const tool of READ_TOOLS) for (const g of toolGrants(tool)) expect(READ_VERBS, `${tool}: ${g}`).toContain(verbOf(g));
  });

  it('asks no wildcard and nothing about secrets, RBAC, impersonation or namespaces beyond listing them', () => {
    const all = [...expectedOperator];
    expect(all.filter((g) => g.includes('*'))).toEqual([]);
    expect(all.filter((g) => /\|secrets\||rbac\.authorization|\|(escalate|bind|impersonate)$/.test(g))).toEqual([]);
    expect(all.filter((g) => g.includes('|namespaces|'))).toEqual([grant('', 'namespaces', 'list')]);
  });

  it('names the API group of each catalog kind as src/cluster/resource-kinds.ts does', () => {
    for (const kind of RESOURCE_KINDS) {
      const apiVersion = RESOURCE_KIND_INFO[kind].apiVersion;
      expect(RESOURCE_OF_KIND[kind].group, kind).toBe(apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
    }
  });

  it('lets describe_resource get every kind the catalog can describe', () => {
    const grants = toolGrants('describe_resource');
    for (const kind of RESOURCE_KINDS)
      expect(grants.has(grant(RESOURCE_OF_KIND[kind].group, RESOURCE_OF_KIND[kind].resource, 'get')), kind).toBe(true);
  });

  it('lets delete_resource delete the namespaced catalog kinds and never a node', () => {
    const grants = toolGrants('delete_resource');
    for (const kind of NAMESPACED_KINDS)
      expect(grants.has(grant(RESOURCE_OF_KIND[kind].group, RESOURCE_OF_KIND[kind].resource, 'delete')), kind).toBe(true);
    expect([...expectedOperator].filter((g) => g.startsWith('|nodes|') && !READ_VERBS.includes(verbOf(g)))).toEqual([]);
  });

  it('lets apply_manifest both patch and create each namespaced catalog kind (server-side apply creates missing objects)', () => {
    const grants = toolGrants('apply_manifest');
    for (const kind of NAMESPACED_KINDS) {
      const { group, resource } = RESOURCE_OF_KIND[kind];
      expect([grants.has(grant(group, resource, 'patch')), grants.has(grant(group, resource, 'create'))], kind).toEqual([true, true]);
    }
  });
});

describe('deploy/overlays/default', () => {
  const objects = rendered('overlays/default');

  it('grants the operator role exactly what the twelve tools need, nothing more', () => {
    expect(sorted(roleGrants(objects, 'chatops-operator'))).toEqual(sorted(expectedOperator));
  });

  it('grants the reader role exactly what the read tools need, nothing more', () => {
    expect(sorted(roleGrants(objects, 'chatops-reader'))).toEqual(sorted(expectedReader));
  });

  it('binds the worker, which previews and executes changes, to the operator role, and the bot to the reader role alone', () => {
    expect(roleOfServiceAccount(objects, 'chatops-worker')).toEqual(['ClusterRole/chatops-operator']);
    expect(roleOfServiceAccount(objects, 'chatops-bot')).toEqual(['ClusterRole/chatops-reader']);
  });

  it('binds only ServiceAccounts that exist and that the Deployments use', () => {
    const accounts = new Set(objects.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name));
    const used = new Set(
      allOf(objects, 'Deployment', deploymentSchema)
        .map((d) => d.spec.template.spec.serviceAccountName)
        .filter(Boolean),
    );
    for (const binding of allOf(objects, 'ClusterRoleBinding', bindingSchema)) {
      for (const subject of binding.subjects) {
        expect(subject.kind).toBe('ServiceAccount');
        expect(accounts.has(subject.name) && used.has(subject.name), subject.name).toBe(true);
      }
    }
  });
});

describe('deploy/overlays/read-only', () => {
  const objects = rendered('overlays/read-only');

  it('grants no write verb to anyone', () => {
    for (const role of allOf(objects, 'ClusterRole', clusterRoleSchema)) {
      expect(
        [...grantsOfPolicyRules(role.rules)].filter((g) => !READ_VERBS.includes(verbOf(g))),
        role.metadata.name,
      ).toEqual([]);
    }
    expect(objects.filter((o) => o.kind === 'ClusterRole').map((o) => o.metadata.name)).toEqual(['chatops-reader']);
  });

  it('binds the worker to the reader role under the same binding name, so switching from the default fails loudly instead of keeping write access', () => {
    expect(roleOfServiceAccount(objects, 'chatops-worker')).toEqual(['ClusterRole/chatops-reader']);
    const name = (o: readonly KubeObject[]) =>
      allOf(o, 'ClusterRoleBinding', bindingSchema).find((b) => b.subjects[0]?.name === 'chatops-worker')?.metadata.name;
    expect(name(objects)).toBe('chatops-worker');
    expect(name(rendered('overlays/default'))).toBe('chatops-worker');
  });

  it('grants the reader role exactly what the read tools need', () => {
    expect(sorted(roleGrants(objects, 'chatops-reader'))).toEqual(sorted(expectedReader));
  });
});
