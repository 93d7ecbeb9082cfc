import { describe, expect, it } from 'vitest';
import type { EmulatedMessage } from './bot-api-emulator-types.js';
import { formatButtons, formatForTerminal, renderEntities } from './terminal-format.js';

const message = (overrides: Partial<EmulatedMessage> = {}): EmulatedMessage => ({
  messageId: 12,
  chatId: 1,
  text: '<b>Scale</b> web?',
  plainText: 'Scale web?',
  entities: [{ type: 'bold', offset: 0, length: 5 }],
  parseMode: 'HTML',
  edits: 0,
  history: [],
  date: 0,
  fromBot: true,
  fromUserId: 1,
  ...overrides,
});

describe('formatForTerminal', () => {
  it('shows the message number and the plain text, indented', () => {
    expect(formatForTerminal(message())).toBe('🤖 #12\n    Scale web?');
  });

  it('marks an edited message as edited', () => {
    expect(formatForTerminal(message(), { edited: true })).toBe('✎ #12 (edited)\n    Scale web?');
  });

  it('shows bold in ANSI bold when asked', () => {
    expect(formatForTerminal(message(), { ansi: true })).toContain('\x1b[1mScale\x1b[22m web?');
  });

  it('numbers the buttons across rows, one line per row, marking links', () => {
    const card = message({
      replyMarkup: {
        inline_keyboard: [
          [
            { text: '✅ Approve', callback_data: 'a' },
            { text: '❌ Reject', callback_data: 'r' },
          ],
          [{ text: 'Runbook', url: 'https://example.org/rb' }],
        ],
      },
    });
    expect(formatButtons(card)).toEqual(['[1] ✅ Approve  [2] ❌ Reject', '[3] 🔗 Runbook']);
    expect(formatForTerminal(card).split('\n').slice(-2)).toEqual(['    [1] ✅ Approve  [2] ❌ Reject', '    [3] 🔗 Runbook']);
  });

  it('keeps every line of a multi-line message indented and shows what it replies to', () => {
    expect(formatForTerminal(message({ plainText: 'a\nb', entities: [], replyToMessageId: 11 }))).toBe('🤖 #12  ↩ #11\n    a\n    b');
  });
});

describe('renderEntities', () => {
  it('writes a hidden link’s address after its text', () => {
    expect(renderEntities('see docs', [{ type: 'text_link', offset: 4, length: 4, url: 'https://k8s.io' }], false)).toBe(
      'see docs (https://k8s.io)',
    );
  });

  it('closes nested styles in the reverse order they were opened', () => {
    const entities = [
      { type: 'bold', offset: 0, length: 2 },
      { type: 'italic', offset: 0, length: 2 },
    ];
    expect(renderEntities('ab', entities, true)).toBe('\x1b[1m\x1b[3mab\x1b[23m\x1b[22m');
  });
});
