import { describe, expect, it } from 'vitest';
import { buttonSealFromBotToken, CALLBACK_DATA_BUDGET_BYTES, CALLBACK_DATA_MAX_BYTES, type ButtonFamily } from './button-codec.js';
import * as buttons from './callback-data.js';
import { alertButton, approvalButton, flowIdFrom, langButton, modeButton, runButton } from './callback-data.js';

const ID = 'Zk3v9QmR2xT8pLwA7cYb1q';
const seal = buttonSealFromBotToken('110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
/** The chat a button was sent to, and another one (a group, where anyone can send any callback data). */
const chat = seal.forChat(1001);
const other = seal.forChat(-1_001_234_567_890);
/** The data without its binding, as the family's own segments. */
const unbound = (data: string) => data.slice(0, data.lastIndexOf(':'));

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
        for (const value of b.largest) expect(a.claims(b.pack(value, chat))).toBe(false);
      }
    }
  });

  it('packs the largest value of every family, with its chat binding, within 64 bytes', () => {
    for (const family of FAMILIES) {
      for (const value of family.largest) {
        const data = family.pack(value, chat);
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
        expect(Buffer.byteLength(unbound(data), 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_BUDGET_BYTES);
        expect(family.unpack(data, chat)).toEqual(value);
        expect(family.filter.test(data)).toBe(true);
      }
    }
  });

  it('binds every family to the chat: the same data from another chat, or with no chat, is refused', () => {
    for (const family of FAMILIES) {
      for (const value of family.largest) {
        const data = family.pack(value, chat);
        expect(family.check(data, other)).toEqual({ ok: false, reason: 'other_chat' });
        expect(family.unpack(data, undefined)).toBeUndefined();
        expect(family.unpack(unbound(data), chat), 'without its binding').toBeUndefined();
        // Another bot token makes other bindings: data from one deployment means nothing to another.
        expect(family.unpack(data, buttonSealFromBotToken('999:another-token-aaaaaaaaaaaaaaaa').forChat(1001))).toBeUndefined();
        expect(family.pack(value, other)).not.toBe(data);
        expect(family.unpack(family.pack(value, other), other)).toEqual(value);
      }
    }
  });

  it('refuses a binding made for other segments (a MAC moved from one token to another)', () => {
    const approve = approvalButton.pack({ decision: 'approve', approvalId: ID }, chat);
    const reject = approvalButton.pack({ decision: 'reject', approvalId: ID }, chat);
    const swapped = `${unbound(approve)}:${reject.slice(reject.lastIndexOf(':') + 1)}`;
    expect(approvalButton.check(swapped, chat)).toEqual({ ok: false, reason: 'other_chat' });
  });

  it('refuses garbage, overlong data and extra segments in every family', () => {
    for (const family of FAMILIES) {
      const [value] = family.largest;
      const token = family.pack(value, chat);
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
        expect(family.unpack(forged, chat), `${family.prefix} took ${String(forged)}`).toBeUndefined();
      }
    }
  });

  it('refuses to pack what would not unpack', () => {
    expect(() => approvalButton.pack({ decision: 'approve', approvalId: 'bad id!' }, chat)).toThrow();
    expect(() => approvalButton.pack({ decision: 'approve', approvalId: 'x'.repeat(33) }, chat)).toThrow();
    expect(() => runButton.pack({ flowId: 'abc', action: 'pick', step: 1, index: 1 }, chat)).toThrow();
    expect(() => runButton.pack({ flowId: 'abcdef', action: 'pick', step: 100, index: 1 }, chat)).toThrow();
    expect(() => runButton.pack({ flowId: 'abcdef', action: 'pick', step: 1, index: -1 }, chat)).toThrow();
  });
});

describe('callback data: each family', () => {
  it('round-trips a language choice and refuses an unsupported one', () => {
    expect(langButton.unpack(langButton.pack({ locale: 'zh-TW' }, chat), chat)).toEqual({ locale: 'zh-TW' });
    expect(langButton.unpack(`l1:fr:${chat.mac('l1:fr')}`, chat)).toBeUndefined();
  });

  it('round-trips approve and reject, holding only the approval id', () => {
    const approve = approvalButton.pack({ decision: 'approve', approvalId: ID }, chat);
    expect(unbound(approve)).toBe(`a1:y:${ID}`);
    expect(approvalButton.unpack(approve, chat)).toEqual({ decision: 'approve', approvalId: ID });
    expect(approvalButton.unpack(approvalButton.pack({ decision: 'reject', approvalId: ID }, chat), chat)).toEqual({
      decision: 'reject',
      approvalId: ID,
    });
    for (const token of ['a2:y:' + ID, 'a1:x:' + ID, 'a1:y:short', 'a1:y:' + ID + ':scale_deployment', 'a1:y']) {
      // Even correctly bound, a shape the family never makes is refused.
      expect(approvalButton.unpack(`${token}:${chat.mac(token)}`, chat)).toBeUndefined();
    }
  });

  it('round-trips every chat mode', () => {
    for (const mode of ['read-only', 'approve', 'suggest'] as const) {
      expect(modeButton.unpack(modeButton.pack({ mode }, chat), chat)).toEqual({ mode });
    }
    expect(modeButton.unpack(`m1:yolo:${chat.mac('m1:yolo')}`, chat)).toBeUndefined();
  });

  it('round-trips a guided /run pick, skip and cancel', () => {
    const flowId = flowIdFrom(0.5);
    const values = [
      { flowId, action: 'pick', step: 7, index: 39 },
      { flowId, action: 'skip', step: 99 },
      { flowId, action: 'cancel' },
    ] as const;
    for (const value of values) expect(runButton.unpack(runButton.pack(value, chat), chat)).toEqual(value);
    for (const token of ['r2:abcdef:1:1', 'r1:ABCDEF:1:1', 'r1:abcdef:1:100', 'r1:abcdef:1', 'r1:abcdef:x:1', 'r1:abcdef:01:1:1']) {
      expect(runButton.unpack(`${token}:${chat.mac(token)}`, chat)).toBeUndefined();
    }
  });

  it('round-trips the three alert actions, holding only the group id and the action', () => {
    const groupId = 'Ab3_-9xYz0Qw7kLm';
    for (const action of ['investigate', 'silence', 'acknowledge'] as const) {
      expect(alertButton.unpack(alertButton.pack({ action, groupId }, chat), chat)).toEqual({ action, groupId });
    }
    expect(unbound(alertButton.pack({ action: 'silence', groupId }, chat))).toBe(`al1:s:${groupId}`);
    for (const token of ['al1:x:' + groupId, 'al1:s:short', `al1:s:${groupId}:3600`, `al2:s:${groupId}`, 'al1:s']) {
      expect(alertButton.unpack(`${token}:${chat.mac(token)}`, chat)).toBeUndefined();
    }
    expect(alertButton.unpack(alertButton.pack({ action: 'silence', groupId }, chat), other)).toBeUndefined();
  });

  it('makes six base-36 characters of any random number, the extremes included', () => {
    for (const r of [0, 0.123, 0.999_999_999_9, 1]) expect(flowIdFrom(r)).toMatch(/^[0-9a-z]{6}$/);
    expect(flowIdFrom(0.1)).not.toBe(flowIdFrom(0.2));
  });
});
