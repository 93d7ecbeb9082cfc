import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToPlainText, splitHtml, splitPlain, TELEGRAM_TEXT_LIMIT } from './telegram-html.js';

describe('escapeHtml', () => {
  it('escapes the characters Telegram HTML treats as markup', () => {
    expect(escapeHtml('<b>a & "b"</b>')).toBe('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
  });

  it('turns any value into text', () => {
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('htmlToPlainText', () => {
  it('drops tags and decodes entities, round-tripping escaped text', () => {
    const raw = 'if a < b && c > "d"';
    expect(htmlToPlainText(`<b>${escapeHtml(raw)}</b>`)).toBe(raw);
  });
});

describe('htmlToPlainText with broken markup', () => {
  it('keeps a bare "<" that is not a tag', () => {
    expect(htmlToPlainText('if replicas < 3 then <b>scale</b>')).toBe('if replicas < 3 then scale');
  });
});

describe('splitHtml', () => {
  it('leaves a short message whole', () => {
    expect(splitHtml('<b>hi</b>')).toEqual(['<b>hi</b>']);
  });

  it('splits a long message at line breaks, every chunk within the limit', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`);
    const chunks = splitHtml(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(chunk.endsWith('\n') || chunk === chunks.at(-1)).toBe(true);
    }
    expect(chunks.join('')).toBe(lines.join('\n'));
  });

  it('closes a tag at the cut and reopens it in the next chunk', () => {
    const body = Array.from({ length: 300 }, (_, i) => `row ${i} ${'y'.repeat(20)}`).join('\n');
    const chunks = splitHtml(`<pre>${body}</pre>`);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.startsWith('<pre>')).toBe(true);
      expect(chunk.endsWith('</pre>')).toBe(true);
      expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    }
  });

  it('keeps attributes when reopening a link', () => {
    const text = `<a href="https://example.com/x">${'word '.repeat(1200)}</a>`;
    const chunks = splitHtml(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[1].startsWith('<a href="https://example.com/x">')).toBe(true);
  });

  it('never cuts inside an entity when there is no line break or space', () => {
    const text = '&amp;'.repeat(2000);
    for (const chunk of splitHtml(text)) expect(chunk).toMatch(/^(&amp;)+$/);
  });
});

describe('splitPlain', () => {
  it('splits text without line breaks into chunks within the limit', () => {
    const chunks = splitPlain('z'.repeat(9000));
    expect(chunks.map((c) => c.length)).toEqual([4000, 4000, 1000]);
  });
});
