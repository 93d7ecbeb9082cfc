import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_BUDGET_BYTES, CALLBACK_DATA_MAX_BYTES, type ButtonFamily } from './button-codec.js';
import * as buttons from './callback-data.js';
import { alertButton, approvalButton, encodeApprovalDecision, flowIdFrom, langButton, modeButton, runButton } from './callback-data.js';

const ID = 'Zk3v9QmR2xT8pLwA7cYb1q';

/** Every family the module exports, found by shape: a family added there is covered here without a new line. */
const exported: unknown[] = Object.values(buttons);
const FAMILIES = exported.filter(
  (v): v is ButtonFamily<unknown> => typeof v === 'object' && v !== null && 'pack' in v && 'unpack' in v && 'prefix' in v,
);

describe('callback data: every button family', () => {
  it('finds the five families of the bot', () => {
    expect(FAMILIES.map((f) => f.prefix).sort()).toEqual(['a1', 'al1', 'l1', 'm1', 'r1']);
  });

  it('gives each family a prefix of its own that no other token can start with', () => {
    for (const a of FAMILIES) {
      for (const b of FAMILIES) {
        if (a === b) continue;
        for (const value of b.largest) expect(a.claims(b.pack(value))).toBe(false);
      }
    }
  });

  it('packs the largest value of every family within 64 bytes, leaving the reserve for a chat binding', () => {
    for (const family of FAMILIES) {
      for (const value of family.largest) {
        const token = family.pack(value);
        expect(Buffer.byteLength(token, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_BUDGET_BYTES);
        expect(CALLBACK_DATA_BUDGET_BYTES).toBeLessThan(CALLBACK_DATA_MAX_BYTES);
        expect(family.unpack(token)).toEqual(value);
        expect(family.filter.test(token)).toBe(true);
      }
    }
  });

  it('refuses garbage, overlong data and extra segments in every family', () => {
    for (const family of FAMILIES) {
      const [value] = family.largest;
      const token = family.pack(value);
      for (const forged of [
        undefined,
        '',
        ':',
        `${family.prefix}:`,
        `${family.prefix}::`,
        `${token}:extra`,
        `${token}{"replicas":0}`,
        `${token} `,
        `${family.prefix}:${'x'.repeat(70)}`,
        token.replace(/^([a-z]+)\d+:/, '$19:'),
        'x'.repeat(65),
        '../../etc/passwd',
        `${family.prefix}:../../etc/passwd`,
        `${family.prefix}:\u0000`,
        `${family.prefix}:繁體`,
      ]) {
        expect(family.unpack(forged), `${family.prefix} took ${String(forged)}`).toBeUndefined();
      }
    }
  });

  it('refuses to pack what would not unpack', () => {
    expect(() => encodeApprovalDecision('approve', 'bad id!')).toThrow();
    expect(() => approvalButton.pack({ decision: 'approve', approvalId: 'x'.repeat(33) })).toThrow();
    expect(() => runButton.pack({ flowId: 'abc', action: 'pick', step: 1, index: 1 })).toThrow();
    expect(() => runButton.pack({ flowId: 'abcdef', action: 'pick', step: 100, index: 1 })).toThrow();
    expect(() => runButton.pack({ flowId: 'abcdef', action: 'pick', step: 1, index: -1 })).toThrow();
  });
});

describe('callback data: each family', () => {
  it('round-trips a language choice and refuses an unsupported one', () => {
    expect(langButton.unpack(langButton.pack({ locale: 'zh-TW' }))).toEqual({ locale: 'zh-TW' });
    expect(langButton.unpack('l1:fr')).toBeUndefined();
  });

  it('round-trips approve and reject, holding only the approval id', () => {
    expect(encodeApprovalDecision('approve', ID)).toBe(`a1:y:${ID}`);
    expect(approvalButton.unpack(encodeApprovalDecision('approve', ID))).toEqual({ decision: 'approve', approvalId: ID });
    expect(approvalButton.unpack(encodeApprovalDecision('reject', ID))).toEqual({ decision: 'reject', approvalId: ID });
    for (const forged of ['a2:y:' + ID, 'a1:x:' + ID, 'a1:y:short', 'a1:y:' + ID + ':scale_deployment', 'a1:y']) {
      expect(approvalButton.unpack(forged)).toBeUndefined();
    }
  });

  it('round-trips every chat mode', () => {
    for (const mode of ['read-only', 'approve', 'suggest'] as const) expect(modeButton.unpack(modeButton.pack({ mode }))).toEqual({ mode });
    expect(modeButton.unpack('m1:yolo')).toBeUndefined();
  });

  it('round-trips a guided /run pick, skip and cancel', () => {
    const flowId = flowIdFrom(0.5);
    const values = [
      { flowId, action: 'pick', step: 7, index: 39 },
      { flowId, action: 'skip', step: 99 },
      { flowId, action: 'cancel' },
    ] as const;
    for (const value of values) expect(runButton.unpack(runButton.pack(value))).toEqual(value);
    for (const forged of ['r2:abcdef:1:1', 'r1:ABCDEF:1:1', 'r1:abcdef:1:100', 'r1:abcdef:1', 'r1:abcdef:x:1', 'r1:abcdef:01:1:1']) {
      expect(runButton.unpack(forged)).toBeUndefined();
    }
  });

  it('round-trips the three alert actions, holding only the group id and the action', () => {
    const groupId = 'Ab3_-9xYz0Qw7kLm';
    for (const action of ['investigate', 'silence', 'acknowledge'] as const) {
      expect(alertButton.unpack(alertButton.pack({ action, groupId }))).toEqual({ action, groupId });
    }
    expect(alertButton.pack({ action: 'silence', groupId })).toBe(`al1:s:${groupId}`);
    for (const forged of ['al1:x:' + groupId, 'al1:s:short', `al1:s:${groupId}:3600`, `al2:s:${groupId}`, 'al1:s']) {
      expect(alertButton.unpack(forged)).toBeUndefined();
    }
  });

  it('makes six base-36 characters of any random number, the extremes included', () => {
    for (const r of [0, 0.123, 0.999_999_999_9, 1]) expect(flowIdFrom(r)).toMatch(/^[0-9a-z]{6}$/);
    expect(flowIdFrom(0.1)).not.toBe(flowIdFrom(0.2));
  });
});
