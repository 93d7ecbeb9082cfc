import { z } from 'zod';
import { parseLooseJson } from './json-repair.js';
import { isToolName } from './registry.js';

/** A call as a model wrote it: a name and arguments not yet read or checked. */
export interface RawCall {
  name: string;
  arguments: unknown;
  id?: string | undefined;
}

const ARGUMENT_KEYS = ['arguments', 'parameters', 'args', 'params', 'input', 'tool_input'] as const;
const NAME_KEYS = ['name', 'tool_name', 'tool'] as const;
// Keys a call object may carry besides its arguments; anything else means it is some other JSON.
const CALL_KEYS = new Set<string>([...ARGUMENT_KEYS, ...NAME_KEYS, 'function', 'type', 'id', 'index', 'call_id', 'tool_call_id']);

const callIdSchema = z.union([z.string(), z.number()]).nullish();
const namedCallSchema = z.looseObject({
  name: z.string().optional(),
  tool_name: z.string().optional(),
  tool: z.string().optional(),
  function: z.string().optional(),
  id: callIdSchema,
});
const wrappedCallSchema = z.looseObject({ function: z.record(z.string(), z.unknown()), id: callIdSchema });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function argumentsOf(value: Record<string, unknown>): { present: boolean; value: unknown } {
  for (const key of ARGUMENT_KEYS) {
    if (Object.hasOwn(value, key)) return { present: true, value: value[key] };
  }
  return { present: false, value: undefined };
}

function idOf(id: string | number | null | undefined): string | undefined {
  return id === null || id === undefined || id === '' ? undefined : String(id);
}

/**
 * Reads one call object in any of the shapes models use: `{name, arguments}`, `{name, parameters}`,
 * `{type: "function", function: {name, arguments}}`, `{function: "name", arguments}`, `{name, input}`.
 * `strict` is for JSON found in prose: there only an object that is plainly a call counts, so a manifest or
 * an example in an answer is not mistaken for one; there a call without arguments counts only when it names a
 * known tool.
 */
export function callFromObject(value: unknown, strict: boolean, isKnownTool: (name: string) => boolean = isToolName): RawCall | null {
  const wrapped = wrappedCallSchema.safeParse(value);
  if (wrapped.success) {
    const inner = callFromObject(wrapped.data.function, false, isKnownTool);
    if (!inner) return null;
    if (strict && !Object.keys(wrapped.data).every((key) => CALL_KEYS.has(key))) return null;
    return { ...inner, id: idOf(wrapped.data.id) ?? inner.id };
  }
  const named = namedCallSchema.safeParse(value);
  if (!named.success || !isRecord(value)) return null;
  const name = named.data.name ?? named.data.function ?? named.data.tool_name ?? named.data.tool;
  if (name === undefined || name.trim() === '') return null;
  const args = argumentsOf(value);
  if (strict) {
    if (!Object.keys(value).every((key) => CALL_KEYS.has(key))) return null;
    const argsLookRight = isRecord(args.value) || typeof args.value === 'string';
    if (args.present ? !argsLookRight : !isKnownTool(name.trim())) return null;
  }
  return { name: name.trim(), arguments: args.value, id: idOf(named.data.id) };
}

export type ArgumentsRead = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string; truncated: boolean };

const MAX_ENCODING_LAYERS = 3;

/**
 * Turns what a model put in `arguments` into an object: a JSON string (fenced, repaired, or encoded twice),
 * an object, or nothing at all (no arguments). An empty string or text that is not a JSON object is refused.
 */
export function readArguments(raw: unknown): ArgumentsRead {
  let current = raw;
  for (let layer = 0; layer <= MAX_ENCODING_LAYERS; layer += 1) {
    if (current === undefined || current === null) return { ok: true, value: {} };
    if (isRecord(current)) return { ok: true, value: current };
    if (typeof current !== 'string') {
      return { ok: false, reason: `arguments are not a JSON object: ${JSON.stringify(current)}`, truncated: false };
    }
    if (current.trim() === '') return { ok: false, reason: 'arguments are empty', truncated: false };
    const parsed = parseLooseJson(current);
    if (!parsed.ok) {
      return parsed.truncated
        ? { ok: false, reason: 'arguments are cut off (incomplete JSON)', truncated: true }
        : { ok: false, reason: `arguments are not valid JSON (${parsed.error})`, truncated: false };
    }
    current = parsed.value;
  }
  return { ok: false, reason: 'arguments are encoded too many times', truncated: false };
}

/** JSON with object keys sorted, so two spellings of the same arguments compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
