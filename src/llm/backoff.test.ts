import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles the step with each retry', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, options, top))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than maxDelayMs', () => {
    expect(backoffDelayMs(10, options, () => 1)).toBe(1_000);
    expect(backoffDelayMs(50, options, () => 0.999)).toBeLessThanOrEqual(1_000);
  });

  it('jitters between half the step and the whole step', () => {
    expect(backoffDelayMs(3, options, () => 0)).toBe(200);
    expect(backoffDelayMs(3, options, () => 0.5)).toBe(300);
    expect(backoffDelayMs(3, options, () => 1)).toBe(400);
  });

  it('keeps a misbehaving random source inside the range', () => {
    expect(backoffDelayMs(1, options, () => -3)).toBe(50);
    expect(backoffDelayMs(1, options, () => 7)).toBe(100);
  });
});
