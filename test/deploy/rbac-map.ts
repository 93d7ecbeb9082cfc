import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEPLOY_DIR } from './kustomize-render.js';
import type { PolicyRule } from './kube-objects.js';

/** deploy/rbac-map.json: which API rules each tool needs. The ClusterRoles are checked against it. */

const mapRuleSchema = z.strictObject({
  apiGroup: z.string(),
  resources: z.array(z.string().min(1)).min(1),
  verbs: z.array(z.string().min(1)).min(1),
});
export type MapRule = z.infer<typeof mapRuleSchema>;

const rbacMapSchema = z.strictObject({
  $comment: z.string(),
  notes: z.record(z.string(), z.string()),
  tools: z.record(z.string(), z.array(mapRuleSchema).min(1)),
  extras: z.record(z.string(), z.array(mapRuleSchema).min(1)),
});
export type RbacMap = z.infer<typeof rbacMapSchema>;

export function readRbacMap(): RbacMap {
  const raw: unknown = JSON.parse(readFileSync(join(DEPLOY_DIR, 'rbac-map.json'), 'utf8'));
  return rbacMapSchema.parse(raw);
}

/** One permission: "group|resource|verb" (group "" is the core API). */
export type Grant = string;

export const grant = (group: string, resource: string, verb: string): Grant => `${group}|${resource}|${verb}`;

export function grantsOfMapRules(rules: readonly MapRule[]): Set<Grant> {
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
