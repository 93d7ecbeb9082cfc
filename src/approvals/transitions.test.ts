import { describe, expect, it } from 'vitest';
import { ALLOWED_TRANSITIONS, assertAllowedTransitions, isAllowedTransition } from './transitions.js';
import { APPROVAL_STATES, FINAL_STATES, type ApprovalState } from './types.js';

const EDGES: [ApprovalState, ApprovalState][] = [
  ['pending', 'approved'],
  ['pending', 'rejected'],
  ['pending', 'expired'],
  ['pending', 'cancelled'],
  ['approved', 'executing'],
  ['executing', 'succeeded'],
  ['executing', 'failed'],
];

describe('the approval state machine', () => {
  it('has exactly the edges pending → approved → executing → succeeded|failed and pending → rejected|expired|cancelled', () => {
    const all = APPROVAL_STATES.flatMap((from) => APPROVAL_STATES.map((to) => [from, to] as [ApprovalState, ApprovalState]));
    const allowed = all.filter(([from, to]) => isAllowedTransition(from, to));
    expect(allowed).toEqual(EDGES);
  });

  it('lets nothing leave a final state', () => {
    for (const state of FINAL_STATES) expect(ALLOWED_TRANSITIONS[state]).toEqual([]);
  });

  it('calls succeeded, failed, rejected, expired and cancelled final, and nothing else', () => {
    expect([...FINAL_STATES].sort()).toEqual(['cancelled', 'expired', 'failed', 'rejected', 'succeeded']);
  });

  it('throws on a requested edge the machine does not have, naming it', () => {
    expect(() => assertAllowedTransitions(['pending'], 'succeeded')).toThrow(/pending → succeeded/);
    expect(() => assertAllowedTransitions(['pending', 'approved'], 'executing')).toThrow(/pending → executing/);
    expect(() => assertAllowedTransitions([], 'approved')).toThrow(/no state/);
    expect(() => assertAllowedTransitions(['executing'], 'failed')).not.toThrow();
  });
});
