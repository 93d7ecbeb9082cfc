import type { ApprovalState } from './types.js';

/**
 * The state machine: pending → approved → executing → succeeded | failed, or pending → rejected | expired |
 * cancelled. Nothing leaves a final state, and nothing goes back to pending.
 */
export const ALLOWED_TRANSITIONS: { readonly [S in ApprovalState]: readonly ApprovalState[] } = {
  pending: ['approved', 'rejected', 'expired', 'cancelled'],
  approved: ['executing'],
  executing: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
  rejected: [],
  expired: [],
  cancelled: [],
};

export function isAllowedTransition(from: ApprovalState, to: ApprovalState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Throws when a caller asks for an edge the machine does not have: that is a bug, not a race to lose. */
export function assertAllowedTransitions(from: readonly ApprovalState[], to: ApprovalState): void {
  if (from.length === 0) throw new Error(`approval transition to ${to} names no state to move from`);
  const bad = from.filter((state) => !isAllowedTransition(state, to));
  if (bad.length > 0) {
    throw new Error(`approval transition not allowed: ${bad.join(', ')} → ${to}`);
  }
}
