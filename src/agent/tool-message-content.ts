import { z } from 'zod';
import { unfenceClusterData } from './untrusted-data.js';

/**
 * The JSON the agent puts in a tool message, one shape for every provider (the offline provider reads it too):
 *   {"result": …, "truncated"?: true, "truncation"?: "…"}           a tool ran
 *   {"result": …, "note": "…"}                                        an identical call, answered from before
 *   {"error": {"code": "…", "message": "…"}}                          it failed or was refused
 *   {"status": "approved", "result": …}                               a person approved a change and it ran
 *   {"status": "declined" | "expired" | "failed", "retryable": false, "reason"?: "…"}
 */
export const toolResultEnvelopeSchema = z.looseObject({
  result: z.unknown().optional(),
  truncated: z.boolean().optional(),
  truncation: z.string().optional(),
  note: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  status: z.enum(['approved', 'declined', 'expired', 'failed']).optional(),
  retryable: z.boolean().optional(),
  reason: z.string().optional(),
});
export type ToolResultEnvelope = z.infer<typeof toolResultEnvelopeSchema>;

export const DEFAULT_RESULT_CHARS = 6_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy with every array cut to `maxItems` (log `lines` keep their tail) and every string to `maxString`. */
function shrink(value: unknown, maxItems: number, maxString: number, key: string | null): unknown {
  if (typeof value === 'string') return value.length > maxString ? `${value.slice(0, maxString)}…` : value;
  if (Array.isArray(value)) {
    const kept = value.length <= maxItems ? value : key === 'lines' ? value.slice(-maxItems) : value.slice(0, maxItems);
    return kept.map((item) => shrink(item, maxItems, maxString, null));
  }
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shrink(v, maxItems, maxString, k)]));
  }
  return value;
}

function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (isRecord(value)) return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}

/**
 * The envelope `{...fields, result}` as JSON of at most `budget` characters. When the whole result does not
 * fit, lists and texts are cut (more each round) and the envelope says so with `"truncated": true`; the
 * JSON stays valid and keeps its shape, so whoever reads it can still parse it.
 */
export function fitEnvelope(fields: Record<string, unknown>, result: unknown, budget: number): string {
  const whole = JSON.stringify({ ...fields, result }) ?? '{}';
  if (whole.length <= budget) return whole;
  let maxItems = Math.max(1, longestArray(result));
  let maxString = 4_000;
  for (;;) {
    const shrunk = shrink(result, maxItems, maxString, null);
    const truncation = `cut to fit ${budget} characters: lists keep at most ${maxItems} items (log lines: the last ones), texts at most ${maxString} characters`;
    const text = JSON.stringify({ ...fields, result: shrunk, truncated: true, truncation });
    if (text.length <= budget) return text;
    if (maxItems === 1 && maxString === 40) break;
    maxItems = Math.max(1, Math.floor(maxItems / 2));
    maxString = Math.max(40, Math.floor(maxString / 2));
  }
  // Deeply nested or very wide objects: keep a text preview so the model still sees something.
  const preview = whole.slice(0, Math.max(0, budget - 200));
  return JSON.stringify({ ...fields, result: { preview }, truncated: true, truncation: 'only a text preview fits' });
}

export function resultContent(result: unknown, budget: number): string {
  return fitEnvelope({}, result, budget);
}

export function errorContent(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** The earlier answer to an identical call, with a note that it was not run again. */
export function repeatContent(earlierContent: string): string {
  const earlier = toolResultEnvelopeSchema.safeParse(safeJson(earlierContent));
  const note = 'identical call already made in this conversation: not run again; this is the earlier result';
  if (!earlier.success) return JSON.stringify({ note, result: earlierContent });
  return JSON.stringify({ note, ...earlier.data });
}

export type ApprovalDecision = { status: 'approved'; result: unknown } | { status: 'declined' | 'expired' | 'failed'; reason?: string };

/** What the model learns about a change it proposed: approved with the result, or not run and not to retry. */
export function decisionContent(decision: ApprovalDecision, budget: number): string {
  if (decision.status === 'approved') return fitEnvelope({ status: 'approved' }, decision.result, budget);
  const reason = decision.reason === undefined ? {} : { reason: decision.reason };
  return JSON.stringify({ status: decision.status, retryable: false, ...reason });
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a tool message's content back (inside its untrusted-data fence, if any); null when it is not one of the shapes above. */
export function readToolResultContent(content: string): ToolResultEnvelope | null {
  const parsed = toolResultEnvelopeSchema.safeParse(safeJson(unfenceClusterData(content)));
  return parsed.success ? parsed.data : null;
}
