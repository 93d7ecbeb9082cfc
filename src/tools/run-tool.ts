import { ClusterError } from '../cluster/cluster-error.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import { standardTools } from './registry.js';
import type { ToolRegistry } from './tool-registry.js';

/**
 * Runs a call through its tool's module. `arguments` must already have been validated against that tool's
 * schema in the same registry (validateToolCall).
 */
export function runTool(
  executor: ClusterExecutor,
  call: { name: string; arguments: Record<string, unknown> },
  tools: ToolRegistry = standardTools,
): Promise<unknown> {
  const tool = tools.get(call.name);
  // Unreachable for validated calls; guards a name that slipped past validation at runtime.
  if (!tool) return Promise.reject(new ClusterError('invalid', `unknown tool: ${call.name}`, { tool: call.name }));
  return tool.run(call.arguments, executor);
}
