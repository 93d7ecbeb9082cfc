import { z } from 'zod';
import { standardTools, type ToolCall } from './registry.js';
import type { ToolModule } from './tool-module.js';
import type { AnyToolCall, CallOf, ToolRegistry } from './tool-registry.js';

export type ValidationResult<C extends AnyToolCall = ToolCall> = { ok: true; call: C } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/;
const BOOLEAN_TEXT = /^\s*(true|false)\s*$/i;

/** One argument, coerced only where the reading is unambiguous for the field's type. */
function coerceValue(field: z.ZodType | undefined, value: unknown): unknown {
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  if (typeof value !== 'string') return value;
  if (inner instanceof z.ZodNumber && INTEGER_TEXT.test(value)) return Number(value);
  if (inner instanceof z.ZodBoolean && BOOLEAN_TEXT.test(value)) return value.trim().toLowerCase() === 'true';
  if (inner instanceof z.ZodEnum) {
    // Kubernetes spells kinds "Deployment"; the catalog lists them in lowercase.
    const folded = value.trim().toLowerCase();
    const options = inner.options as readonly unknown[];
    if (options.includes(folded)) return folded;
  }
  return value;
}

/** "3" → 3 for integers, "true" → true for booleans, null → absent; everything else untouched. */
export function coerceArguments(schema: z.ZodObject, args: Record<string, unknown>): Record<string, unknown> {
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === null) continue;
    Object.defineProperty(out, key, {
      value: coerceValue(shape[key], value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isIntegerField(schema: z.ZodObject, key: string): boolean {
  const field = (schema.shape as Record<string, z.ZodType | undefined>)[key];
  const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
  return inner instanceof z.ZodNumber && inner.isInt;
}

/** How a value breaks its field's rule, in words; shared with the guided /run that checks one value at a time. */
export function describeValueIssue(issue: z.core.$ZodIssue, subject: string, integer: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${subject}: must be ${integer || issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'too_big':
      return `${subject}: must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return `${subject}: must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `${subject}: must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return `${subject}: ${issue.message}`;
  }
}

function describeIssue(issue: z.core.$ZodIssue, args: Record<string, unknown>, schema: z.ZodObject): string {
  const key = issue.path.map(String).join('.');
  const value = issue.path.length === 1 ? args[String(issue.path[0])] : undefined;
  const subject = `argument "${key}"${value === undefined ? '' : ` = ${preview(value)}`}`;
  if (issue.code === 'unrecognized_keys') {
    return `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && value === undefined) return `missing required argument "${key}"`;
  return describeValueIssue(issue, subject, isIntegerField(schema, key));
}

/**
 * Checks a call against a registry (the standard one unless given): a known tool, arguments that form a JSON
 * object and satisfy the tool's strict schema after the unambiguous coercions. Omitted arguments (undefined or
 * null) mean "no arguments".
 */
export function validateToolCall(name: string, rawArgs: unknown): ValidationResult;
export function validateToolCall<T extends ToolModule>(name: string, rawArgs: unknown, tools: ToolRegistry<T>): ValidationResult<CallOf<T>>;
export function validateToolCall(name: string, rawArgs: unknown, tools: ToolRegistry = standardTools): ValidationResult<AnyToolCall> {
  const tool = tools.get(name);
  if (!tool) return { ok: false, reason: `unknown tool ${preview(name)}` };
  if (rawArgs !== undefined && rawArgs !== null && !isRecord(rawArgs)) {
    return { ok: false, reason: `${name}: arguments must be a JSON object, got ${preview(rawArgs)}` };
  }
  const args = coerceArguments(tool.schema, rawArgs ?? {});
  const parsed = tool.schema.safeParse(args);
  if (!parsed.success) {
    const reasons = new Set(parsed.error.issues.map((issue) => describeIssue(issue, args, tool.schema)));
    return { ok: false, reason: `${name}: ${[...reasons].join('; ')}` };
  }
  return { ok: true, call: { name: tool.name, arguments: parsed.data } };
}
