import { z } from 'zod';
import { localeSchema, type Locale } from '../i18n/locale.js';

/**
 * Versioned, short callback tokens. Telegram allows 64 bytes; a token carries an action and an id, never
 * arguments, so nothing a client forges can change what runs.
 *   l1:<locale>          /lang choice
 *   a1:y:<approval id>   approve
 *   a1:n:<approval id>   reject
 */
export const CALLBACK_DATA_MAX_BYTES = 64;

const APPROVAL_ID = /^[A-Za-z0-9_-]{16,32}$/;

const tokenSchema = z.union([
  z
    .string()
    .regex(/^l1:(en|zh-TW)$/)
    .transform((s) => ({ kind: 'lang' as const, locale: localeSchema.parse(s.slice(3)) })),
  z
    .string()
    .regex(/^a1:[yn]:[A-Za-z0-9_-]{16,32}$/)
    .transform((s) => ({
      kind: 'approval' as const,
      decision: s[3] === 'y' ? ('approve' as const) : ('reject' as const),
      approvalId: s.slice(5),
    })),
]);

export type CallbackAction = z.infer<typeof tokenSchema>;

export function encodeLangChoice(locale: Locale): string {
  return `l1:${locale}`;
}

export function encodeApprovalDecision(decision: 'approve' | 'reject', approvalId: string): string {
  if (!APPROVAL_ID.test(approvalId)) throw new Error('approval id does not fit a callback token');
  return `a1:${decision === 'approve' ? 'y' : 'n'}:${approvalId}`;
}

export function decodeCallbackData(data: string | undefined): CallbackAction | undefined {
  if (!data || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
  const parsed = tokenSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
