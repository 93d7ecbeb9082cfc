import type OpenAI from 'openai';
import type { TaskLabel } from '../routing/tasks.js';
import { openAiTools } from '../tools/json-schemas.js';
import { isReadTool } from '../tools/tool-module.js';
import type { ToolRegistry } from '../tools/tool-registry.js';

/** Tasks that may propose changes; every other task sees and may use the read-only tools alone. */
export function taskAllowsChanges(task: TaskLabel): boolean {
  return task === 'k8s_operation' || task === 'tool_calling';
}

/** The `tools` sent with every model call of this task. */
export function toolsForTask(task: TaskLabel, tools: ToolRegistry): OpenAI.ChatCompletionTool[] {
  return openAiTools(taskAllowsChanges(task) ? tools.tools : tools.tools.filter(isReadTool));
}
