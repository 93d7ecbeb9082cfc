import { z } from 'zod';

export const AUDIT_KINDS = ['request', 'tool_call', 'approval', 'execution', 'alert'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  at: number;
  kind: AuditKind;
  chatId?: number;
  userId?: number;
  tool?: string;
  argsHash?: string;
  approvalId?: string;
  approver?: number;
  decision?: string;
  model?: string;
  provider?: string;
  tokens?: number;
  costUsd?: number;
  durationMs?: number;
  outcome?: string;
  task?: string;
  jobRef?: string;
  detail?: string;
}

const id = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');
const count = z.number().nonnegative();

export const auditEntrySchema = z.object({
  at: z.number().int().nonnegative(),
  kind: z.enum(AUDIT_KINDS),
  chatId: id.optional(),
  userId: id.optional(),
  tool: z.string().optional(),
  argsHash: z.string().optional(),
  approvalId: z.string().optional(),
  approver: id.optional(),
  decision: z.string().optional(),
  model: z.string().optional(),
  provider: z.string().optional(),
  tokens: count.optional(),
  costUsd: count.optional(),
  durationMs: count.optional(),
  outcome: z.string().optional(),
  task: z.string().optional(),
  jobRef: z.string().optional(),
  detail: z.string().optional(),
}) satisfies z.ZodType<AuditEntry>;

const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['at', 'chatId', 'userId', 'approver', 'tokens', 'costUsd', 'durationMs']);

/** Flat [field, value, ...] for XADD: every value a string, absent fields left out. */
export function encodeAuditFields(entry: AuditEntry): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(entry)) {
    if (value === undefined) continue;
    out.push(name, String(value));
  }
  return out;
}

export type DecodedAuditEntry = { ok: true; entry: AuditEntry } | { ok: false; problem: string };

/** The field list of one stream entry back to an entry; numbers are read strictly, not coerced from ''. */
export function decodeAuditFields(flat: readonly string[]): DecodedAuditEntry {
  if (flat.length % 2 !== 0) return { ok: false, problem: 'odd number of fields' };
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i];
    const text = flat[i + 1];
    if (NUMERIC_FIELDS.has(name)) {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) return { ok: false, problem: `${name} is not a number` };
      raw[name] = value;
    } else {
      raw[name] = text;
    }
  }
  const parsed = auditEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, entry: parsed.data };
}
