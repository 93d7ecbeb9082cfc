import { RESOURCE_KIND_INFO } from '../cluster/resource-kinds.js';
import { canonicalJson } from '../tools/call-shape.js';
import { standardTools } from '../tools/registry.js';
import { toolOf, type AnyToolCall, type ToolRegistry } from '../tools/tool-registry.js';

/** Calls whose namespace argument means nothing: a tool without one, or an object of a cluster-scoped kind (a node). */
function isClusterScoped(call: AnyToolCall, tools: ToolRegistry): boolean {
  if (!Object.hasOwn(toolOf(tools, call).schema.shape, 'namespace')) return true;
  const kind: unknown = call.arguments['kind'];
  const kinds: Readonly<Record<string, { namespaced: boolean } | undefined>> = RESOURCE_KIND_INFO;
  return typeof kind === 'string' && Object.hasOwn(kinds, kind) && kinds[kind]?.namespaced === false;
}

/**
 * Two calls are identical when the tool and the canonical arguments are, an omitted namespace counting as
 * the default one ("list_pods {}" and "list_pods {namespace: default}" ask the same thing).
 */
export function callKey(call: AnyToolCall, defaultNamespace: string, tools: ToolRegistry = standardTools): string {
  const args: Record<string, unknown> = { ...call.arguments };
  if (isClusterScoped(call, tools)) delete args['namespace'];
  else args['namespace'] ??= defaultNamespace;
  return `${call.name}\u0000${canonicalJson(args)}`;
}
