import { type z } from 'zod';
import { standardTools } from '../../tools/registry.js';
import { toolOf, type ToolRegistry } from '../../tools/tool-registry.js';
import { coerceArguments, describeValueIssue } from '../../tools/validate-tool-call.js';

export type FieldCheck = { ok: true; value: unknown } | { ok: false; reason: string };

function describe(issue: z.core.$ZodIssue, key: string, raw: string): string {
  const subject = `${key} = ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw)}`;
  return describeValueIssue(issue, subject, issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int'));
}

/**
 * One value of a guided /run, checked on its own against the catalog field (same coercions as validateToolCall:
 * "3" → 3), so a bad value is asked again at once. The whole call is still validated by validateToolCall at the end.
 */
export function checkField(tool: string, key: string, raw: string, tools: ToolRegistry = standardTools): FieldCheck {
  const { schema } = toolOf(tools, { name: tool });
  const field = (schema.shape as Record<string, z.ZodType | undefined>)[key];
  if (!field || !Object.hasOwn(schema.shape, key)) return { ok: false, reason: `${tool} has no argument "${key}"` };
  const value = coerceArguments(schema, { [key]: raw.trim() })[key];
  const parsed = field.safeParse(value);
  if (parsed.success && parsed.data !== undefined) return { ok: true, value: parsed.data };
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return { ok: false, reason: issue ? describe(issue, key, raw) : `${key}: a value is needed` };
}
