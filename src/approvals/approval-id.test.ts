import { describe, expect, it } from 'vitest';
import { APPROVAL_ID_BYTES, isApprovalId, newApprovalId } from './approval-id.js';

describe('approval ids', () => {
  it('are 22 base64url characters, 128 bits, short enough for a 64-byte callback token', () => {
    const id = newApprovalId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(APPROVAL_ID_BYTES);
    expect(APPROVAL_ID_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(isApprovalId(id)).toBe(true);
  });

  it('do not repeat over 10 000 draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newApprovalId()));
    expect(ids.size).toBe(10_000);
  });

  it('have every one of their 128 bits set about half the time (no counter, clock or fixed part)', () => {
    const draws = 10_000;
    const ones = new Array<number>(APPROVAL_ID_BYTES * 8).fill(0);
    for (let n = 0; n < draws; n += 1) {
      const bytes = Buffer.from(newApprovalId(), 'base64url');
      for (let bit = 0; bit < ones.length; bit += 1) {
        if ((bytes[bit >> 3] >> (bit & 7)) & 1) ones[bit] += 1;
      }
    }
    // Binomial(10 000, 0.5) has a standard deviation of 50; 6σ = 300.
    for (const count of ones) expect(Math.abs(count - draws / 2)).toBeLessThan(300);
  });

  it('refuses text that cannot be an id, so callback junk never becomes a Redis key', () => {
    expect(isApprovalId('')).toBe(false);
    expect(isApprovalId('short')).toBe(false);
    expect(isApprovalId('a'.repeat(21) + ':')).toBe(false);
    expect(isApprovalId('*'.repeat(22))).toBe(false);
  });
});
