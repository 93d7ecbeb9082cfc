import type OpenAI from 'openai';
import type { TaskLabel } from '../routing/tasks.js';
import { isReadOnly, openAiTools } from '../tools/catalog.js';

/** Tasks that may propose changes; every other task sees and may use the read-only tools alone. */
export function taskAllowsChanges(task: TaskLabel): boolean {
  return task === 'k8s_operation' || task === 'tool_calling';
}

/** The `tools` sent with every model call of this task. */
export function toolsForTask(task: TaskLabel): OpenAI.ChatCompletionTool[] {
  return taskAllowsChanges(task) ? openAiTools() : openAiTools(isReadOnly);
}
