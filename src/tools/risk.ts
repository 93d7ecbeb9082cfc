import { protectedNamespacesOf } from '../cluster/namespace-scope.js';
import { standardTools } from './registry.js';
import type { Risk, ToolModule } from './tool-module.js';
import { toolOf, type AnyToolCall, type ToolRegistry } from './tool-registry.js';

export type { Risk } from './tool-module.js';

export interface RiskOptions {
  protectedNamespaces: readonly string[];
  defaultNamespace: string;
}

const ORDER: readonly Risk[] = ['read', 'write', 'critical'];
const higher = (a: Risk, b: Risk): Risk => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a);

/** Risk belongs to the tool: nothing a model says about a call lowers it. */
export function baseRisk(name: string, tools: ToolRegistry = standardTools): Risk {
  return toolOf(tools, { name }).risk;
}

export function isReadOnly(name: string, tools: ToolRegistry = standardTools): boolean {
  return baseRisk(name, tools) === 'read';
}

/**
 * Every namespace the call would touch: none for a tool without a namespace argument (nodes), else the one
 * given or the default one, plus those its arguments name otherwise (a manifest's objects).
 */
export function namespacesTouched(call: AnyToolCall, defaultNamespace: string, tools: ToolRegistry = standardTools): string[] {
  const tool: ToolModule = toolOf(tools, call);
  if (!Object.hasOwn(tool.schema.shape, 'namespace')) return [];
  const given = call.arguments['namespace'];
  const namespaces = [typeof given === 'string' ? given : defaultNamespace];
  if (tool.risk !== 'read' && tool.namedNamespaces) namespaces.push(...tool.namedNamespaces(call.arguments));
  return namespaces;
}

/**
 * The risk of this call with these arguments. A read tool stays read; a change becomes critical when its tool
 * says so for these arguments (scaling to zero) or when it touches a protected namespace (given, named in a
 * manifest, or the default one).
 */
export function effectiveRisk(call: AnyToolCall, opts: RiskOptions, tools: ToolRegistry = standardTools): Risk {
  const tool: ToolModule = toolOf(tools, call);
  if (tool.risk === 'read') return 'read';
  const risk = higher(tool.risk, tool.escalate?.(call.arguments) ?? 'read');
  if (risk === 'critical') return risk;
  // The cluster's own namespaces count whatever the configured list says (src/cluster/namespace-scope.ts).
  const protectedSet = new Set<string>(protectedNamespacesOf(opts.protectedNamespaces));
  const touchesProtected = namespacesTouched(call, opts.defaultNamespace, tools).some((ns) => protectedSet.has(ns));
  return touchesProtected ? 'critical' : risk;
}
