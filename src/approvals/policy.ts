import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import type { ApprovalRecord } from './types.js';

export type DecisionCheck =
  { allowed: true; needsTypedConfirmation: boolean } | { allowed: false; reason: 'not_approver' | 'two_person_rule' };

/**
 * Who may decide an approval.
 * - approve: only a user in approverIds. A write (or read) call: any approver, the requester included when
 *   they are an approver. A critical call: an approver who is not the requester (two-person rule); with
 *   allowSelfApproval (ALLOW_SELF_APPROVAL=1, a one-person setup) the requester-approver is allowed too, but
 *   only after typing the resource's name (needsTypedConfirmation: true, see confirmationTarget).
 * - reject: any approver; and the requester, approver or not, since rejecting one's own request is withdrawing
 *   it. Callers should record a requester's own reject as 'cancelled' and an approver's as 'rejected'.
 * The state, the deadline and the card's hash are the store's checks (transition), not this one's.
 */
export function checkDecider(input: {
  record: ApprovalRecord;
  userId: number;
  decision: 'approve' | 'reject';
  approverIds: readonly number[];
  allowSelfApproval: boolean;
}): DecisionCheck {
  const { record, userId, decision } = input;
  const isRequester = userId === record.requesterId;
  const isApprover = input.approverIds.includes(userId);
  if (decision === 'reject') {
    if (isApprover || isRequester) return { allowed: true, needsTypedConfirmation: false };
    return { allowed: false, reason: 'not_approver' };
  }
  if (!isApprover) return { allowed: false, reason: 'not_approver' };
  if (record.risk !== 'critical' || !isRequester) return { allowed: true, needsTypedConfirmation: false };
  if (input.allowSelfApproval) return { allowed: true, needsTypedConfirmation: true };
  return { allowed: false, reason: 'two_person_rule' };
}

const namedArgsSchema = z.object({ name: z.string().min(1) });
const manifestArgsSchema = z.object({ manifest: z.string() });
const namedObjectSchema = z.object({ metadata: z.object({ name: z.string().min(1) }) });

/** metadata.name of the first object in the manifest that has one. */
function firstManifestName(manifest: string): string | undefined {
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) continue;
    const parsed = namedObjectSchema.safeParse(doc.toJS());
    if (parsed.success) return parsed.data.metadata.name;
  }
  return undefined;
}

/**
 * The resource name a self-approving requester must type: the `name` argument, or for apply_manifest the
 * manifest's (first) metadata.name. A call with neither falls back to the tool's name, so there is always
 * something deliberate to type.
 */
export function confirmationTarget(record: ApprovalRecord): string {
  const named = namedArgsSchema.safeParse(record.arguments);
  if (named.success) return named.data.name;
  const manifest = manifestArgsSchema.safeParse(record.arguments);
  if (manifest.success) return firstManifestName(manifest.data.manifest) ?? record.tool;
  return record.tool;
}

/** True when the typed text is the confirmation target (surrounding spaces, quotes and backticks ignored). */
export function confirmationMatches(record: ApprovalRecord, typed: string): boolean {
  const cleaned = typed
    .trim()
    .replace(/^[`'"「『]+|[`'"」』]+$/g, '')
    .trim();
  return cleaned === confirmationTarget(record);
}
