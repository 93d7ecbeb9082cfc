/** Redis keys of the approval store; one place, so tests and tools can find them. */

export function approvalKey(keyPrefix: string, id: string): string {
  return `${keyPrefix}approval:${id}`;
}

/** Sorted set: pending ids scored by expiresAt. */
export function pendingIndexKey(keyPrefix: string): string {
  return `${keyPrefix}approvals:pending`;
}

/** Sorted set: executing ids scored by when they started executing. */
export function executingIndexKey(keyPrefix: string): string {
  return `${keyPrefix}approvals:executing`;
}

/** Hash: transitions into each state during one UTC day (yyyy-mm-dd). */
export function dailyCountsKey(keyPrefix: string, utcDay: string): string {
  return `${keyPrefix}approvals:counts:${utcDay}`;
}

export function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}
