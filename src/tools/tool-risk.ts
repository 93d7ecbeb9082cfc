import { parseAllDocuments } from 'yaml';
import type { ToolCall, ToolName } from './tool-schemas.js';

export type Risk = 'read' | 'write' | 'critical';

/** Risk belongs to the tool: nothing a model says about a call lowers it. */
export const BASE_RISK: { readonly [N in ToolName]: Risk } = {
  list_pods: 'read',
  get_pod_logs: 'read',
  describe_resource: 'read',
  list_events: 'read',
  list_deployments: 'read',
  get_rollout_history: 'read',
  list_nodes: 'read',
  restart_deployment: 'write',
  scale_deployment: 'write',
  rollback_deployment: 'write',
  delete_resource: 'critical',
  apply_manifest: 'critical',
};

/** Always protected, whatever the configured list says. */
export const ALWAYS_PROTECTED_NAMESPACES = ['kube-system'] as const;

export function baseRisk(name: ToolName): Risk {
  return BASE_RISK[name];
}

export function isReadOnly(name: ToolName): boolean {
  return BASE_RISK[name] === 'read';
}

export interface RiskOptions {
  protectedNamespaces: readonly string[];
  defaultNamespace: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Namespaces named inside a manifest: each object's metadata.namespace, and the name of a Namespace object. */
export function manifestNamespaces(manifest: string): string[] {
  const found: string[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (!isRecord(value) || !isRecord(value['metadata'])) continue;
    const metadata = value['metadata'];
    if (typeof metadata['namespace'] === 'string') found.push(metadata['namespace']);
    if (value['kind'] === 'Namespace' && typeof metadata['name'] === 'string') found.push(metadata['name']);
  }
  return found;
}

/** Every namespace the call would touch; an omitted namespace means the default one. */
export function namespacesTouched(call: ToolCall, defaultNamespace: string): string[] {
  if (call.name === 'list_nodes') return [];
  const namespaces = [call.arguments.namespace ?? defaultNamespace];
  if (call.name === 'apply_manifest') namespaces.push(...manifestNamespaces(call.arguments.manifest));
  return namespaces;
}

/**
 * The risk of this call with these arguments. A read tool stays read; a change becomes critical when it
 * scales to zero or touches a protected namespace (given, named in a manifest, or the default one).
 */
export function effectiveRisk(call: ToolCall, opts: RiskOptions): Risk {
  const risk = baseRisk(call.name);
  if (risk !== 'write') return risk;
  if (call.name === 'scale_deployment' && call.arguments.replicas === 0) return 'critical';
  const protectedSet = new Set<string>([...ALWAYS_PROTECTED_NAMESPACES, ...opts.protectedNamespaces]);
  const touchesProtected = namespacesTouched(call, opts.defaultNamespace).some((ns) => protectedSet.has(ns));
  return touchesProtected ? 'critical' : risk;
}
