import { describe, expect, it } from 'vitest';
import { safeErrorMessage } from './provider-errors.js';

describe('safeErrorMessage', () => {
  it('removes the API key wherever the provider echoed it', () => {
    const message = safeErrorMessage(new Error('401 Incorrect API key provided: sk-live-123456'), 'sk-live-123456');
    expect(message).toBe('401 Incorrect API key provided: [redacted]');
  });

  it('removes bearer tokens and key query parameters even without knowing the key', () => {
    const message = safeErrorMessage(new Error('sent Authorization: Bearer abc.def to https://x/y?key=AIzaXYZ&alt=json'), undefined);
    expect(message).not.toContain('abc.def');
    expect(message).not.toContain('AIzaXYZ');
  });

  it('cuts very long messages short', () => {
    expect(safeErrorMessage(new Error('x'.repeat(1_000)), undefined).length).toBeLessThanOrEqual(301);
  });

  it('accepts things that are not errors', () => {
    expect(safeErrorMessage('plain', undefined)).toBe('plain');
  });
});
