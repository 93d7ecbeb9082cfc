import { canonicalJson } from '../tools/call-shape.js';
import type { ToolCall } from '../tools/catalog.js';

/** Calls whose namespace argument means nothing: nodes are cluster-scoped. */
function isClusterScoped(call: ToolCall): boolean {
  if (call.name === 'list_nodes') return true;
  return (call.name === 'describe_resource' || call.name === 'delete_resource') && call.arguments.kind === 'node';
}

/**
 * Two calls are identical when the tool and the canonical arguments are, an omitted namespace counting as
 * the default one ("list_pods {}" and "list_pods {namespace: default}" ask the same thing).
 */
export function callKey(call: ToolCall, defaultNamespace: string): string {
  const args: Record<string, unknown> = { ...call.arguments };
  if (isClusterScoped(call)) delete args['namespace'];
  else args['namespace'] ??= defaultNamespace;
  return `${call.name}\u0000${canonicalJson(args)}`;
}
