import { z } from 'zod';

/** The classifier's whole output space (a stable contract: the CLI and outside checks use these labels). */
export const TASK_LABELS = [
  'general_chat',
  'simple_qa',
  'status_query',
  'k8s_operation',
  'tool_calling',
  'incident_analysis',
  'playbook_generation',
] as const;

export const taskLabelSchema = z.enum(TASK_LABELS);
export type TaskLabel = z.infer<typeof taskLabelSchema>;

export type TaskMode = 'sync' | 'background';
