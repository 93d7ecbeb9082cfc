import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { InvalidProviderResponseError } from './provider-errors.js';
import { parseRetryAfterMs } from './retry-after.js';

/** How a failure counts toward the provider's circuit breaker. */
export type BreakerEffect = 'count' | 'trip' | 'ignore';

export interface ClassifiedError {
  /** Short machine-readable outcome: http_500, timeout, connection_error, degraded, model_unavailable, ... */
  outcome: string;
  status: number | null;
  retryable: boolean;
  breaker: BreakerEffect;
  /** Wait the provider asked for (Retry-After), if any. */
  retryAfterMs: number | null;
}

/** `instanceof` alone would type a generic class's parameters as `any`; this keeps APIError's declared defaults. */
function isApiError(error: unknown): error is APIError {
  return error instanceof APIError;
}

/**
 * Decides what a failed request means: retry the same provider (429, 408, 5xx, timeouts, connection errors,
 * NIM's temporary "DEGRADED function"), or move on (other 4xx). NIM's 404 "Not found for account" means this
 * key cannot use the model, which will not change soon, so it trips the breaker at once.
 */
export function classifyProviderError(error: unknown, nowMs: number): ClassifiedError {
  if (error instanceof APIUserAbortError || isAbortError(error)) {
    return { outcome: 'aborted', status: null, retryable: false, breaker: 'ignore', retryAfterMs: null };
  }
  if (error instanceof APIConnectionTimeoutError) {
    return { outcome: 'timeout', status: null, retryable: true, breaker: 'count', retryAfterMs: null };
  }
  if (error instanceof APIConnectionError) {
    return { outcome: 'connection_error', status: null, retryable: true, breaker: 'count', retryAfterMs: null };
  }
  if (error instanceof InvalidProviderResponseError) {
    return { outcome: 'invalid_response', status: null, retryable: false, breaker: 'count', retryAfterMs: null };
  }
  if (isApiError(error) && typeof error.status === 'number') {
    return classifyStatus(error.status, error.message, error.headers, nowMs);
  }
  return { outcome: 'error', status: null, retryable: false, breaker: 'count', retryAfterMs: null };
}

export function classifyStatus(
  status: number,
  message: string,
  headers: { get(name: string): string | null } | undefined,
  nowMs: number,
): ClassifiedError {
  const outcome = `http_${status}`;
  if (status === 429 || status === 408 || status >= 500) {
    return { outcome, status, retryable: true, breaker: 'count', retryAfterMs: parseRetryAfterMs(headers, nowMs) };
  }
  if (status === 400 && /degraded/i.test(message)) {
    return { outcome: 'degraded', status, retryable: true, breaker: 'count', retryAfterMs: parseRetryAfterMs(headers, nowMs) };
  }
  if (status === 404 && /not found for account/i.test(message)) {
    return { outcome: 'model_unavailable', status, retryable: false, breaker: 'trip', retryAfterMs: null };
  }
  // A bad key or a missing model stays broken; a 400/422 is about this request alone.
  const breaker: BreakerEffect = status === 401 || status === 403 || status === 404 ? 'count' : 'ignore';
  return { outcome, status, retryable: false, breaker, retryAfterMs: null };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
