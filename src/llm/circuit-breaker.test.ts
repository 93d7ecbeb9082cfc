import { describe, expect, it } from 'vitest';
import {
  admitThroughBreaker,
  breakerAfterFailure,
  breakerAfterNeutral,
  breakerAfterSuccess,
  breakerStateAt,
  closedBreaker,
  type Breaker,
} from './circuit-breaker.js';

const options = { failureThreshold: 3, cooldownMs: 1_000 };

function failTimes(breaker: Breaker, times: number, at: number): Breaker {
  let b = breaker;
  for (let i = 0; i < times; i++) b = breakerAfterFailure(b, at, options, 'count');
  return b;
}

describe('circuit breaker', () => {
  it('stays closed and admits calls below the failure threshold', () => {
    const b = failTimes(closedBreaker(), 2, 0);
    expect(b.state).toBe('closed');
    expect(admitThroughBreaker(b, 0, options).admitted).toBe(true);
  });

  it('opens at the threshold and turns calls away during the cool-down', () => {
    const b = failTimes(closedBreaker(), 3, 100);
    expect(b.state).toBe('open');
    expect(admitThroughBreaker(b, 100 + 999, options).admitted).toBe(false);
    expect(breakerStateAt(b, 100 + 999, options)).toBe('open');
  });

  it('a success resets the count of consecutive failures', () => {
    const b = breakerAfterSuccess(failTimes(closedBreaker(), 2, 0));
    expect(failTimes(b, 2, 0).state).toBe('closed');
  });

  it('a trip opens it at once', () => {
    expect(breakerAfterFailure(closedBreaker(), 0, options, 'trip').state).toBe('open');
  });

  it('after the cool-down lets exactly one trial through', () => {
    const open = failTimes(closedBreaker(), 3, 0);
    expect(breakerStateAt(open, 1_000, options)).toBe('half_open');
    const first = admitThroughBreaker(open, 1_000, options);
    expect(first.admitted).toBe(true);
    expect(first.breaker.state).toBe('half_open');
    expect(admitThroughBreaker(first.breaker, 1_001, options).admitted).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    const trial = admitThroughBreaker(failTimes(closedBreaker(), 3, 0), 1_000, options).breaker;
    const closed = breakerAfterSuccess(trial);
    expect(closed.state).toBe('closed');
    expect(closed.consecutiveFailures).toBe(0);
  });

  it('re-opens for a new cool-down when the trial fails', () => {
    const trial = admitThroughBreaker(failTimes(closedBreaker(), 3, 0), 1_000, options).breaker;
    const reopened = breakerAfterFailure(trial, 1_500, options, 'count');
    expect(reopened.state).toBe('open');
    expect(admitThroughBreaker(reopened, 2_400, options).admitted).toBe(false);
    expect(admitThroughBreaker(reopened, 2_500, options).admitted).toBe(true);
  });

  it('frees the trial slot when the trial ends without a verdict', () => {
    const trial = admitThroughBreaker(failTimes(closedBreaker(), 3, 0), 1_000, options).breaker;
    const freed = breakerAfterNeutral(trial);
    expect(admitThroughBreaker(freed, 1_001, options).admitted).toBe(true);
  });

  it('leaves a closed breaker alone on a neutral outcome', () => {
    const b = failTimes(closedBreaker(), 1, 0);
    expect(breakerAfterNeutral(b)).toBe(b);
  });
});
