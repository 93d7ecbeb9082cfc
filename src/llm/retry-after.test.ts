import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs, parseRetryAfterValue } from './retry-after.js';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('parseRetryAfterValue', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterValue('3', now)).toBe(3_000);
    expect(parseRetryAfterValue(' 0 ', now)).toBe(0);
    expect(parseRetryAfterValue('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfterValue('Sun, 01 Jun 2025 12:00:05 GMT', now)).toBe(5_000);
  });

  it('treats an HTTP-date in the past as no wait', () => {
    expect(parseRetryAfterValue('Sun, 01 Jun 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('returns null for something it cannot read', () => {
    expect(parseRetryAfterValue('', now)).toBeNull();
    expect(parseRetryAfterValue('soon', now)).toBeNull();
    expect(parseRetryAfterValue('-5', now)).toBeNull();
    expect(parseRetryAfterValue('12-13', now)).toBeNull();
  });
});

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms over retry-after', () => {
    const headers = new Headers({ 'retry-after-ms': '250', 'retry-after': '9' });
    expect(parseRetryAfterMs(headers, now)).toBe(250);
  });

  it('falls back to retry-after when retry-after-ms is unreadable', () => {
    const headers = new Headers({ 'retry-after-ms': 'x', 'retry-after': '2' });
    expect(parseRetryAfterMs(headers, now)).toBe(2_000);
  });

  it('returns null without headers or without either header', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs(new Headers(), now)).toBeNull();
  });
});
