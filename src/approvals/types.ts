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

/** What the person asked for, kept beside the change it led to so an approver can see whether they match. */
export interface ApprovalRequest {
  /** The person's own words (a chat message, or the /run command as typed), cut to REQUEST_TEXT_MAX characters. */
  text: string;
  /** 'agent': a model proposed the change; 'run': the person typed the call. */
  source: 'agent' | 'run';
  /** The model read cluster data (logs, events, descriptions...) before proposing: text anyone could have written. */
  readClusterData: boolean;
}

export const REQUEST_TEXT_MAX = 2000;

/** One object of a manifest the change applies, as the card lists it. */
export interface ApprovalObject {
  kind: string;
  apiVersion: string;
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
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
  /** The request the change came from. */
  request?: ApprovalRequest;
  /** apply_manifest: every object of the manifest, in order; the card lists each one. */
  objects?: ApprovalObject[];
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
  request: z.object({ text: z.string().max(REQUEST_TEXT_MAX), source: z.enum(['agent', 'run']), readClusterData: z.boolean() }).optional(),
  objects: z
    .array(z.object({ kind: z.string().min(1), apiVersion: z.string().min(1), name: z.string().min(1), namespace: z.string().optional() }))
    .optional(),
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
