import { describe, expect, it } from 'vitest';
import { isOneSlipAway } from './typo.js';

describe('isOneSlipAway', () => {
  it('accepts a dropped, an added or a swapped letter', () => {
    expect(isOneSlipAway('restar', 'restart')).toBe(true);
    expect(isOneSlipAway('rollbak', 'rollback')).toBe(true);
    expect(isOneSlipAway('scael', 'scale')).toBe(true);
    expect(isOneSlipAway('appply', 'apply')).toBe(true);
  });

  it('accepts a replaced letter only in long words', () => {
    expect(isOneSlipAway('restert', 'restart')).toBe(true);
    expect(isOneSlipAway('stale', 'scale')).toBe(false);
    expect(isOneSlipAway('apple', 'apply')).toBe(false);
  });

  it('refuses the word itself, two slips, and a different first letter', () => {
    expect(isOneSlipAway('restart', 'restart')).toBe(false);
    expect(isOneSlipAway('rstrt', 'restart')).toBe(false);
    expect(isOneSlipAway('brain', 'drain')).toBe(false);
  });
});
