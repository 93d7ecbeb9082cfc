import type { ApprovalRecord } from './types.js';

/** The message ids of a record's card, all parts in order; [] when none were saved (or none was posted). */
export function cardMessageIdsOf(record: Pick<ApprovalRecord, 'cardMessageId' | 'cardMessageIds'>): number[] {
  if (record.cardMessageIds && record.cardMessageIds.length > 0) return [...record.cardMessageIds];
  // A record written before cards had parts names only its first (then only) message.
  return record.cardMessageId ? [record.cardMessageId] : [];
}

export function sameMessageIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
