import { describe, expect, it } from 'vitest';
import { choiceKeyboard } from './keyboards.js';
import { buttonSealFromBotToken } from '../button-codec.js';
import { runButton } from '../callback-data.js';

const chat = buttonSealFromBotToken('123456:test-token-for-keyboards').forChat(-100);

describe('choiceKeyboard', () => {
  it('lays choices out in rows, with skip and cancel on a last row of their own', () => {
    const keyboard = choiceKeyboard({
      flowId: 'abc123',
      step: 2,
      labels: ['a', 'b', 'c'],
      columns: 2,
      skipLabel: 'Skip',
      cancelLabel: 'Cancel',
      chat,
    });
    const rows = keyboard.inline_keyboard.map((row) => row.map((b) => b.text));
    expect(rows).toEqual([['a', 'b'], ['c'], ['Skip', 'Cancel']]);
  });

  it('puts only positions into callback data, each decodable and short', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `very-long-resource-name-${'x'.repeat(200)}-${i}`);
    const keyboard = choiceKeyboard({ flowId: 'abc123', step: 3, labels, columns: 2, cancelLabel: 'Cancel', chat });
    const data = keyboard.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : undefined));
    expect(data.at(0)).toMatch(/^r1:abc123:3:0:[A-Za-z0-9_-]{11}$/);
    expect(data.at(-1)).toMatch(/^r1:abc123:x:[A-Za-z0-9_-]{11}$/);
    for (const d of data) {
      expect(Buffer.byteLength(d ?? '')).toBeLessThanOrEqual(64);
      expect(runButton.unpack(d, chat)).toBeDefined();
    }
  });
});
