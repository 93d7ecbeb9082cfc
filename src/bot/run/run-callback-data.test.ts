import { describe, expect, it } from 'vitest';
import { decodeRunButton, encodeRunCancel, encodeRunPick, encodeRunSkip, flowIdFrom } from './run-callback-data.js';

describe('guided /run button tokens', () => {
  it('round-trip a pick, a skip and a cancel, versioned and far under 64 bytes', () => {
    const flow = flowIdFrom(0.5);
    const tokens = [encodeRunPick(flow, 7, 39), encodeRunSkip(flow, 99), encodeRunCancel(flow)];
    for (const token of tokens) {
      expect(token.startsWith('r1:')).toBe(true);
      expect(Buffer.byteLength(token)).toBeLessThanOrEqual(16);
    }
    expect(tokens.map(decodeRunButton)).toEqual([
      { flowId: flow, action: 'pick', step: 7, index: 39 },
      { flowId: flow, action: 'skip', step: 99 },
      { flowId: flow, action: 'cancel' },
    ]);
  });

  it('makes six base-36 characters of any random number, the extremes included', () => {
    for (const r of [0, 0.123, 0.999_999_999_9, 1]) expect(flowIdFrom(r)).toMatch(/^[0-9a-z]{6}$/);
    expect(flowIdFrom(0.1)).not.toBe(flowIdFrom(0.2));
  });

  it('decodes nothing that is not exactly a token of this version', () => {
    for (const data of [
      undefined,
      '',
      'r2:abcdef:1:1',
      'r1:ABCDEF:1:1',
      'r1:abcdef:1:100',
      'r1:abcdef:1',
      'a1:y:x',
      `r1:abcdef:1:1${'x'.repeat(70)}`,
    ]) {
      expect(decodeRunButton(data)).toBeUndefined();
    }
  });

  it('refuses to encode what would not decode', () => {
    expect(() => encodeRunPick('abc', 1, 1)).toThrow();
    expect(() => encodeRunPick('abcdef', 100, 1)).toThrow();
    expect(() => encodeRunPick('abcdef', 1, -1)).toThrow();
  });
});
