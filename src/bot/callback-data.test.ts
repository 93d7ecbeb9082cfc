import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, decodeCallbackData, encodeApprovalDecision, encodeLangChoice } from './callback-data.js';

const ID = 'Zk3v9QmR2xT8pLwA7cYb1q';

describe('callback data tokens', () => {
  it('round-trip a language choice', () => {
    expect(decodeCallbackData(encodeLangChoice('zh-TW'))).toEqual({ kind: 'lang', locale: 'zh-TW' });
  });

  it('round-trip approve and reject, holding only the approval id', () => {
    expect(decodeCallbackData(encodeApprovalDecision('approve', ID))).toEqual({ kind: 'approval', decision: 'approve', approvalId: ID });
    expect(decodeCallbackData(encodeApprovalDecision('reject', ID))).toEqual({ kind: 'approval', decision: 'reject', approvalId: ID });
  });

  it('stay far under the 64-byte limit', () => {
    expect(Buffer.byteLength(encodeApprovalDecision('approve', 'x'.repeat(32)))).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
  });

  it('refuse forged, unknown-version, oversized and argument-carrying tokens', () => {
    for (const forged of [
      undefined,
      '',
      'a2:y:' + ID,
      'a1:x:' + ID,
      'a1:y:short',
      'a1:y:' + ID + ':scale_deployment',
      'a1:y:' + ID + '{"replicas":0}',
      'l1:fr',
      'x'.repeat(65),
      'a1:y:../../etc/passwd',
    ]) {
      expect(decodeCallbackData(forged)).toBeUndefined();
    }
  });

  it('refuses to encode an id that would not fit', () => {
    expect(() => encodeApprovalDecision('approve', 'bad id!')).toThrow();
  });
});
