import type { RbacRule } from '../../src/tools/rbac.js';
import type { PolicyRule } from './kube-objects.js';

/** Permissions as flat strings, to compare what a ClusterRole grants with what the tool modules declare they need. */

/** One permission: "group|resource|verb" (group "" is the core API). */
export type Grant = string;

export const grant = (group: string, resource: string, verb: string): Grant => `${group}|${resource}|${verb}`;

/** Every (group, resource, verb) of rules a tool module declares (src/tools/rbac.ts). */
export function grantsOfToolRules(rules: readonly RbacRule[]): Set<Grant> {
  const grants = new Set<Grant>();
  for (const rule of rules)
    for (const resource of rule.resources) for (const verb of rule.verbs) grants.add(grant(rule.apiGroup, resource, verb));
  return grants;
}

/** Every (group, resource, verb) a role's rules allow; wildcards, names and URLs are refused outright. */
export function grantsOfPolicyRules(rules: readonly PolicyRule[]): Set<Grant> {
  const grants = new Set<Grant>();
  for (const rule of rules) {
    if (rule.resourceNames || rule.nonResourceURLs) throw new Error('resourceNames / nonResourceURLs are not expected here');
    if ([...rule.apiGroups, ...rule.resources, ...rule.verbs].includes('*')) throw new Error('wildcards are not allowed');
    for (const group of rule.apiGroups)
      for (const resource of rule.resources) for (const verb of rule.verbs) grants.add(grant(group, resource, verb));
  }
  return grants;
}

export const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

export function verbOf(g: Grant): string {
  return g.split('|')[2] ?? '';
}

export function sorted(grants: Iterable<Grant>): Grant[] {
  return [...grants].sort();
}
