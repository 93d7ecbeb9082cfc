import { callFromObject, type RawCall } from './call-shape.js';
import { parseLooseJsonPrefix } from './json-repair.js';

/** A call found in text, with where it started so calls keep the order the model wrote them in. */
export interface TextCall extends RawCall {
  at: number;
}

/** Text that plainly tries to call a tool but cannot be read; it refuses the whole turn. */
export interface TextProblem {
  reason: string;
  truncated: boolean;
  attempted: { name: string; arguments: unknown } | null;
  at: number;
}

// Consumed text is overwritten with this character, so offsets stay valid and later passes skip it.
export const CONSUMED = '\u0000';

// End-of-turn and role tokens some servers leave in the text.
const SPECIAL_TOKENS = /<\|(?:eot_id|eom_id|im_end|im_start|end|endoftext|assistant|action_end|python_end)\|>|<\/s>|<s>|\[\/?INST\]/g;

/** What is left for the person once calls, reasoning and special tokens are taken out ("" when nothing is). */
export function proseOf(text: string): string {
  return text
    .split(CONSUMED)
    .join('')
    .replace(SPECIAL_TOKENS, '')
    .replace(/```[\w-]*\s*```/g, '') // a fence whose call was taken out
    .split('\n')
    .filter((line) => !/^\s*[[\]{},;]+\s*$/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The model's text while the format readers take calls out of it, one pass per format. */
export class TextWorkspace {
  text: string;
  readonly calls: TextCall[] = [];
  readonly problems: TextProblem[] = [];
  sawCallMarker = false;

  /** Whether a name is one of the tools on offer: a hint that call-like text is a call. */
  readonly isKnownTool: (name: string) => boolean;

  constructor(text: string, isKnownTool: (name: string) => boolean) {
    this.text = text.split(CONSUMED).join('');
    this.isKnownTool = isKnownTool;
  }

  consume(start: number, end: number): void {
    if (end <= start) return;
    this.text = this.text.slice(0, start) + CONSUMED.repeat(end - start) + this.text.slice(end);
  }

  addCall(call: RawCall, at: number): void {
    this.calls.push({ ...call, at });
  }

  addProblem(reason: string, at: number, truncated: boolean, attemptedText?: string, name?: string): void {
    const attempted = attemptedText === undefined ? null : { name: name ?? guessName(attemptedText), arguments: attemptedText };
    this.problems.push({ reason, truncated, attempted, at });
  }
}

/** The tool name in call-like text that could not be parsed, for reporting what was attempted. */
export function guessName(text: string): string {
  const match =
    /["']?(?:name|function|tool_name)["']?\s*:\s*["']([^"']{1,100})["']/.exec(text) ??
    /<function=([^>\s]{1,100})>/.exec(text) ??
    /\[TOOL_CALLS\]\s*([A-Za-z_][\w.-]{0,99})/.exec(text) ??
    /^\s*\[\s*([A-Za-z_][\w.]{0,99})\s*\(/.exec(text);
  return match?.[1] ?? '(unknown)';
}

export type JsonSequence =
  { ok: true; values: unknown[]; end: number } | { ok: false; values: unknown[]; end: number; error: string; truncated: boolean };

/** Reads JSON values one after another from `start` until something that does not start a value. */
export function readJsonSequence(text: string, start: number, limit = text.length): JsonSequence {
  // Between calls in one block: whitespace, ',' or ';' separators, and markdown fences.
  const SEPARATOR = /(?:\s+|[,;]|```[\w-]*)/y;
  const values: unknown[] = [];
  let pos = start;
  const region = text.slice(0, limit);
  for (;;) {
    SEPARATOR.lastIndex = pos;
    while (SEPARATOR.test(region)) pos = SEPARATOR.lastIndex;
    const char = region[pos];
    if (char !== '{' && char !== '[') return { ok: true, values, end: pos };
    const parsed = parseLooseJsonPrefix(region, pos);
    if (!parsed.ok) return { ok: false, values, end: pos, error: parsed.error, truncated: parsed.truncated };
    values.push(parsed.value);
    pos = parsed.end;
  }
}

/** Calls from JSON values read inside an explicit call block: arrays are flattened, each item must be a call. */
export function callsFromValues(values: unknown[]): { calls: RawCall[]; notCalls: unknown[] } {
  const calls: RawCall[] = [];
  const notCalls: unknown[] = [];
  for (const item of values.flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]))) {
    const call = callFromObject(item, false);
    if (call) calls.push(call);
    else notCalls.push(item);
  }
  return { calls, notCalls };
}

export function preview(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
