import { z } from 'zod';
import { TOOL_NAMES, type Risk, type ToolName } from '../tools/registry.js';

export const APPROVAL_STATES = ['pending', 'approved', 'executing', 'succeeded', 'failed', 'rejected', 'expired', 'cancelled'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** States a record never leaves; entering one gives the record the audit TTL. */
export const FINAL_STATES: ReadonlySet<ApprovalState> = new Set<ApprovalState>(['succeeded', 'failed', 'rejected', 'expired', 'cancelled']);

export interface ApprovalHistoryEntry {
  state: ApprovalState;
  at: number;
  by?: number;
}

export interface ApprovalRecord {
  /** ≥128 random bits, base64url, ≤ 24 characters so it fits a 64-byte callback token. */
  id: string;
  tool: ToolName;
  arguments: Record<string, unknown>;
  /** sha256 hex of the canonical {tool, arguments}. */
  argsHash: string;
  risk: Risk;
  requesterId: number;
  requesterName?: string;
  chatId: number;
  /** The card's first message (replies and links point at it). */
  cardMessageId?: number;
  /** Every message of a card too long for one, in order (absent in records written before cards had parts). */
  cardMessageIds?: number[];
  /** The agent job that proposed the call. */
  jobRef?: string;
  locale: 'en' | 'zh-TW';
  createdAt: number;
  expiresAt: number;
  state: ApprovalState;
  decidedBy?: number;
  decidedByName?: string;
  decidedAt?: number;
  reason?: string;
  result?: unknown;
  error?: string;
  preview?: unknown;
  history: ApprovalHistoryEntry[];
}

/** Fields a transition may set; the call itself (tool, arguments, hash, risk, people, times) never changes. */
export type ApprovalPatch = Partial<
  Pick<ApprovalRecord, 'decidedBy' | 'decidedByName' | 'decidedAt' | 'reason' | 'result' | 'error' | 'preview' | 'cardMessageId'>
>;

/** More parts than a card can ever need (its preview is cut well before): a bound on what is read back. */
export const MAX_CARD_PARTS = 20;

const stateSchema = z.enum(APPROVAL_STATES);
const epochMs = z.number().int().nonnegative();
// Telegram ids reach 52 bits; they stay exact as JS numbers.
const telegramId = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');

export const approvalRecordSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{22,24}$/),
  tool: z.enum(TOOL_NAMES),
  arguments: z.record(z.string(), z.unknown()),
  argsHash: z.string().regex(/^[0-9a-f]{64}$/),
  risk: z.enum(['read', 'write', 'critical']),
  requesterId: telegramId,
  requesterName: z.string().optional(),
  chatId: telegramId,
  cardMessageId: z.number().int().positive().optional(),
  cardMessageIds: z.array(z.number().int().positive()).min(1).max(MAX_CARD_PARTS).optional(),
  jobRef: z.string().optional(),
  locale: z.enum(['en', 'zh-TW']),
  createdAt: epochMs,
  expiresAt: epochMs,
  state: stateSchema,
  decidedBy: telegramId.optional(),
  decidedByName: z.string().optional(),
  decidedAt: epochMs.optional(),
  reason: z.string().optional(),
  result: z.unknown().optional(),
  error: z.string().optional(),
  preview: z.unknown().optional(),
  history: z.array(z.object({ state: stateSchema, at: epochMs, by: telegramId.optional() })),
}) satisfies z.ZodType<ApprovalRecord>;

/** Checked before a transition runs, so a bad patch is refused instead of corrupting a committed record. */
export const approvalPatchSchema = approvalRecordSchema
  .pick({
    decidedBy: true,
    decidedByName: true,
    decidedAt: true,
    reason: true,
    result: true,
    error: true,
    preview: true,
    cardMessageId: true,
  })
  .partial();
