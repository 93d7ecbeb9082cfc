import { describe, expect, it } from 'vitest';
import { messageParts } from './message-parts.js';
import { htmlToPlainText, TELEGRAM_TEXT_LIMIT } from './telegram-html.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `<b>line ${i}</b> ${'word '.repeat(12)}`).join('\n');
const NOTE = '<i>…truncated; the full text is in the attached file</i>';

describe('messageParts', () => {
  it('keeps a text that fits the cap whole, in as many parts as it needs', () => {
    const { parts, truncated } = messageParts(lines(150), { maxParts: 4, note: NOTE });
    expect(truncated).toBe(false);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(4);
    expect(parts.map(htmlToPlainText).join('\n')).toContain('line 149');
  });

  it('cuts a longer text to the cap at a line break and ends it with the note', () => {
    const { parts, truncated } = messageParts(lines(2000), { maxParts: 4, note: NOTE });
    expect(truncated).toBe(true);
    expect(parts).toHaveLength(4);
    for (const part of parts) expect(htmlToPlainText(part).length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    const last = parts[3] ?? '';
    expect(last.endsWith(`</b> ${'word '.repeat(12).trimEnd()}\n${NOTE}`)).toBe(true);
    expect(parts.join('\n')).not.toContain('line 1999');
  });

  it('closes tags open at the cut before the note', () => {
    const html = `<pre>${`${'y'.repeat(60)}\n`.repeat(400)}</pre>`;
    const { parts, truncated } = messageParts(html, { maxParts: 2, note: NOTE });
    expect(truncated).toBe(true);
    expect(parts[1]).toMatch(/<\/pre>\n<i>…truncated/);
  });

  it('removes hidden characters from every part', () => {
    const { parts } = messageParts('web\u200B in p\u202Erod');
    expect(parts).toEqual(['web in prod']);
  });
});
