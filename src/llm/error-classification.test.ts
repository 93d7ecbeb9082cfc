import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyProviderError } from './error-classification.js';
import { InvalidProviderResponseError } from './provider-errors.js';

const now = 1_000_000;

function httpError(status: number, message: string, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { error: { message } }, undefined, new Headers(headers));
}

describe('classifyProviderError', () => {
  it.each([429, 408, 500, 502, 503, 504])('retries HTTP %i and counts it toward the breaker', (status) => {
    const c = classifyProviderError(httpError(status, 'busy'), now);
    expect(c).toMatchObject({ outcome: `http_${status}`, status, retryable: true, breaker: 'count' });
  });

  it('carries the Retry-After of a 429', () => {
    expect(classifyProviderError(httpError(429, 'slow down', { 'retry-after': '2' }), now).retryAfterMs).toBe(2_000);
  });

  it.each([400, 409, 422])('does not retry HTTP %i and leaves the breaker alone', (status) => {
    const c = classifyProviderError(httpError(status, 'bad request'), now);
    expect(c).toMatchObject({ outcome: `http_${status}`, retryable: false, breaker: 'ignore' });
  });

  it.each([401, 403, 404])('does not retry HTTP %i but counts it toward the breaker', (status) => {
    expect(classifyProviderError(httpError(status, 'nope'), now)).toMatchObject({ retryable: false, breaker: 'count' });
  });

  it("retries NIM's temporary 400 DEGRADED function", () => {
    const c = classifyProviderError(httpError(400, 'Function id abc: DEGRADED function cannot be invoked'), now);
    expect(c).toMatchObject({ outcome: 'degraded', retryable: true, breaker: 'count' });
  });

  it("trips the breaker on NIM's 404 Not found for account", () => {
    const c = classifyProviderError(httpError(404, "Function 'x': Not found for account 'y'"), now);
    expect(c).toMatchObject({ outcome: 'model_unavailable', retryable: false, breaker: 'trip' });
  });

  it('retries timeouts and connection errors', () => {
    expect(classifyProviderError(new APIConnectionTimeoutError(), now)).toMatchObject({ outcome: 'timeout', retryable: true });
    expect(classifyProviderError(new APIConnectionError({ message: 'refused' }), now)).toMatchObject({
      outcome: 'connection_error',
      retryable: true,
    });
  });

  it('reports aborts without judging the provider', () => {
    expect(classifyProviderError(new APIUserAbortError(), now)).toMatchObject({ outcome: 'aborted', breaker: 'ignore' });
    const domAbort = new DOMException('aborted', 'AbortError');
    expect(classifyProviderError(domAbort, now)).toMatchObject({ outcome: 'aborted', retryable: false });
  });

  it('moves on from an unusable body and counts it', () => {
    expect(classifyProviderError(new InvalidProviderResponseError('no choices'), now)).toMatchObject({
      outcome: 'invalid_response',
      retryable: false,
      breaker: 'count',
    });
  });

  it('does not retry an unknown error', () => {
    expect(classifyProviderError(new TypeError('boom'), now)).toMatchObject({ outcome: 'error', retryable: false });
  });
});
