import type { z } from 'zod';
import type { ChangeTool, ReadTool, ToolModule } from './tool-module.js';

/** One call of one tool of T, its arguments typed by that tool's schema; `name` discriminates. */
export type CallOf<T extends ToolModule> = T extends ToolModule ? { name: T['name']; arguments: z.output<T['schema']> } : never;

/** Any validated call, whatever the registry: what generic code (validation, the parser, the agent) handles. */
export type AnyToolCall = CallOf<ToolModule>;

export type ReadToolOf<T extends ToolModule> = Extract<T, ReadTool>;
export type ChangeToolOf<T extends ToolModule> = Extract<T, ChangeTool>;

/** The tools a part of the program offers, by name. Everything about a tool is asked of its module here. */
export interface ToolRegistry<T extends ToolModule = ToolModule> {
  /** In the order they were registered: the order models and people see them in. */
  readonly tools: readonly T[];
  readonly names: readonly T['name'][];
  get(name: string): T | undefined;
  has(name: string): name is T['name'];
}

export function createToolRegistry<const Tools extends readonly ToolModule[]>(tools: Tools): ToolRegistry<Tools[number]> {
  const byName = new Map<string, Tools[number]>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new Error(`two tools are named ${tool.name}`);
    byName.set(tool.name, tool);
  }
  return {
    tools,
    names: tools.map((tool) => tool.name),
    get: (name) => byName.get(name),
    has: (name): name is Tools[number]['name'] => byName.has(name),
  };
}

/** The module of a call that was validated against this registry. */
export function toolOf<T extends ToolModule>(tools: ToolRegistry<T>, call: { name: string }): T {
  const tool = tools.get(call.name);
  // Validation checked the name against this same registry, so a miss is a programming error.
  if (!tool) throw new Error(`no tool named ${call.name} in this registry`);
  return tool;
}
