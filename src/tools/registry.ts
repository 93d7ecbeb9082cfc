import type { z } from 'zod';
import { applyManifest } from './catalog/apply-manifest.js';
import { deleteResource } from './catalog/delete-resource.js';
import { describeResource } from './catalog/describe-resource.js';
import { getPodLogs } from './catalog/get-pod-logs.js';
import { getRolloutHistory } from './catalog/get-rollout-history.js';
import { listDeployments } from './catalog/list-deployments.js';
import { listEvents } from './catalog/list-events.js';
import { listNodes } from './catalog/list-nodes.js';
import { listPods } from './catalog/list-pods.js';
import { restartDeployment } from './catalog/restart-deployment.js';
import { rollbackDeployment } from './catalog/rollback-deployment.js';
import { scaleDeployment } from './catalog/scale-deployment.js';
import { isReadTool } from './tool-module.js';
import { createToolRegistry, type CallOf, type ChangeToolOf, type ReadToolOf } from './tool-registry.js';

/**
 * The twelve tools of the catalog contract (names and parameters are stable), in its order: the one list of tools. Everything below is derived from it.
 * A new tool is a module in catalog/ plus one line here, its tests, its locale keys (`run-tool-<name>`, its
 * answer's keys, `run-field-<key>` for a new argument name) and its `rbac` rules, which the deploy roles must then grant. A new change
 * tool also needs a ClusterChanges capability: both backends, the scoped wrapper and their previews.
 */
export const standardTools = createToolRegistry([
  listPods,
  getPodLogs,
  describeResource,
  listEvents,
  listDeployments,
  getRolloutHistory,
  listNodes,
  restartDeployment,
  scaleDeployment,
  rollbackDeployment,
  deleteResource,
  applyManifest,
]);

type StandardTool = (typeof standardTools.tools)[number];

export type ToolName = StandardTool['name'];
export type ReadToolName = ReadToolOf<StandardTool>['name'];
export type WriteToolName = ChangeToolOf<StandardTool>['name'];

/** One validated call of a standard tool; `name` discriminates the arguments. */
export type ToolCall = CallOf<StandardTool>;
export type ReadToolCall = CallOf<ReadToolOf<StandardTool>>;
export type WriteToolCall = CallOf<ChangeToolOf<StandardTool>>;
export type ToolArgs<N extends ToolName> = z.output<Extract<StandardTool, { name: N }>['schema']>;

export type { Risk } from './tool-module.js';

export const TOOL_NAMES: readonly ToolName[] = standardTools.names;
export const READ_TOOL_NAMES = standardTools.tools.filter(isReadTool).map((tool) => tool.name) as readonly ReadToolName[];
export const WRITE_TOOL_NAMES = standardTools.tools
  .filter((tool) => !isReadTool(tool))
  .map((tool) => tool.name) as readonly WriteToolName[];

export function isToolName(name: string): name is ToolName {
  return standardTools.has(name);
}
