export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retry` (1 = the first retry): exponential with "equal jitter", so the wait
 * never drops below half the exponential step (callers still spread out) and never exceeds maxDelayMs.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, retry - 1);
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * jitter);
}
