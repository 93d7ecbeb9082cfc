import { z } from 'zod';
import { approvalRecordSchema, type ApprovalPatch, type ApprovalRecord } from './types.js';

/**
 * A record is a Redis hash with one field per record field, each value JSON. The Lua scripts compare and
 * append those JSON strings as they are, so no Lua JSON library re-encodes (and rounds) numbers or arrays.
 */

export type DecodedRecord = { ok: true; record: ApprovalRecord } | { ok: false; problem: string };

/** JSON text of a state, as it sits in the hash and as the scripts compare it. */
export function encodeState(state: string): string {
  return JSON.stringify(state);
}

function pushField(out: string[], name: string, value: unknown): void {
  if (value === undefined) return;
  const json = JSON.stringify(value);
  // undefined here means a function or symbol: not data, so not stored.
  if (json !== undefined) out.push(name, json);
}

/** Flat [field, json, field, json, ...] for HSET. */
export function encodeRecordFields(record: ApprovalRecord): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(record)) pushField(out, name, value);
  return out;
}

export function encodePatchFields(patch: ApprovalPatch): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(patch)) pushField(out, name, value);
  return out;
}

const flatPairsSchema = z.array(z.string()).refine((a) => a.length % 2 === 0, 'odd number of hash items');

/** HGETALL as a Lua script returns it ([field, value, ...]) to an object. */
export function pairsToObject(flat: unknown): Record<string, string> {
  const pairs = flatPairsSchema.parse(flat);
  const out: Record<string, string> = {};
  for (let i = 0; i < pairs.length; i += 2) out[pairs[i]] = pairs[i + 1];
  return out;
}

/** Every field parsed from JSON, then the whole validated with approvalRecordSchema. */
export function decodeRecordFields(fields: Record<string, string>): DecodedRecord {
  const raw: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(fields)) {
    try {
      raw[name] = JSON.parse(text);
    } catch {
      return { ok: false, problem: `field ${name} is not JSON` };
    }
  }
  const parsed = approvalRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, record: parsed.data };
}
