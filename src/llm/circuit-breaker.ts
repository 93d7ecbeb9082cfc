export type BreakerState = 'closed' | 'open' | 'half_open';

export interface Breaker {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number | null;
  /** In half-open, one call is the trial; others are turned away until it ends. */
  trialInFlight: boolean;
}

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export function closedBreaker(): Breaker {
  return { state: 'closed', consecutiveFailures: 0, openedAt: null, trialInFlight: false };
}

/** The state as /status should show it: an open breaker whose cool-down has passed is ready for a trial. */
export function breakerStateAt(breaker: Breaker, now: number, options: BreakerOptions): BreakerState {
  if (breaker.state === 'open' && cooldownOver(breaker, now, options)) return 'half_open';
  return breaker.state;
}

/** May a call go to this provider now? Admitting the first call after a cool-down makes it the trial. */
export function admitThroughBreaker(breaker: Breaker, now: number, options: BreakerOptions): { admitted: boolean; breaker: Breaker } {
  if (breaker.state === 'closed') return { admitted: true, breaker };
  if (breaker.state === 'open' && !cooldownOver(breaker, now, options)) return { admitted: false, breaker };
  if (breaker.state === 'half_open' && breaker.trialInFlight) return { admitted: false, breaker };
  return { admitted: true, breaker: { ...breaker, state: 'half_open', trialInFlight: true } };
}

export function breakerAfterSuccess(_breaker: Breaker): Breaker {
  return closedBreaker();
}

/** A failed call: 'count' adds toward the threshold, 'trip' opens at once; a failed trial re-opens. */
export function breakerAfterFailure(breaker: Breaker, now: number, options: BreakerOptions, effect: 'count' | 'trip'): Breaker {
  const consecutiveFailures = breaker.consecutiveFailures + 1;
  const opens = effect === 'trip' || breaker.state === 'half_open' || consecutiveFailures >= options.failureThreshold;
  if (!opens) return { ...breaker, consecutiveFailures };
  return { state: 'open', consecutiveFailures, openedAt: now, trialInFlight: false };
}

/** The call ended without saying anything about the provider's health (cancelled, rate-limited, a 400). */
export function breakerAfterNeutral(breaker: Breaker): Breaker {
  return breaker.trialInFlight ? { ...breaker, trialInFlight: false } : breaker;
}

function cooldownOver(breaker: Breaker, now: number, options: BreakerOptions): boolean {
  return breaker.openedAt === null || now - breaker.openedAt >= options.cooldownMs;
}
