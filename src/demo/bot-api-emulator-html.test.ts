import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from './bot-api-emulator-html.js';

const parsedText = (html: string): string => {
  const result = parseTelegramHtml(html);
  if (!result.ok) throw new Error(`expected ${html} to parse, got: ${result.error}`);
  return result.text;
};

const parseError = (html: string): string => {
  const result = parseTelegramHtml(html);
  if (result.ok) throw new Error(`expected ${html} to be refused`);
  return result.error;
};

describe('parseTelegramHtml (the emulator’s copy of Telegram’s parse_mode=HTML)', () => {
  it('turns the supported tags into entities over the plain text, offsets in UTF-16 units', () => {
    const result = parseTelegramHtml('🚀 <b>web</b> <i>x</i> <code>kubectl</code> <a href="https://k8s.io">docs</a>');
    expect(result).toEqual({
      ok: true,
      text: '🚀 web x kubectl docs',
      entities: [
        { type: 'bold', offset: 3, length: 3 },
        { type: 'italic', offset: 7, length: 1 },
        { type: 'code', offset: 9, length: 7 },
        { type: 'text_link', offset: 17, length: 4, url: 'https://k8s.io' },
      ],
    });
  });

  it('accepts every tag Telegram documents, including spoilers and blockquotes', () => {
    const html =
      '<strong>a</strong><em>b</em><u>c</u><ins>d</ins><s>e</s><strike>f</strike><del>g</del>' +
      '<tg-spoiler>h</tg-spoiler><span class="tg-spoiler">i</span><blockquote>j</blockquote>' +
      '<blockquote expandable>k</blockquote><pre>l</pre>';
    const result = parseTelegramHtml(html);
    expect(result.ok && result.entities.map((entity) => entity.type)).toEqual([
      'bold',
      'italic',
      'underline',
      'underline',
      'strikethrough',
      'strikethrough',
      'strikethrough',
      'spoiler',
      'spoiler',
      'blockquote',
      'expandable_blockquote',
      'pre',
    ]);
  });

  it('makes <pre><code class="language-x"> one pre entity with that language', () => {
    const result = parseTelegramHtml('<pre><code class="language-yaml">a: 1</code></pre>');
    expect(result).toEqual({ ok: true, text: 'a: 1', entities: [{ type: 'pre', offset: 0, length: 4, language: 'yaml' }] });
  });

  it('decodes only &lt; &gt; &amp; &quot; and numeric entities, leaving other ampersands literal', () => {
    expect(parsedText('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27; &nbsp; AT&T')).toBe('a <b> & "c" \'d\' &nbsp; AT&T');
  });

  it('refuses tags Telegram does not support, naming the tag and its byte offset', () => {
    expect(parseError('<p>hi</p>')).toBe('Unsupported start tag "p" at byte offset 0');
    expect(parseError('部署 <br>')).toBe('Unsupported start tag "br" at byte offset 7');
  });

  it('refuses a bare "<" as an empty start tag, as Telegram does', () => {
    expect(parseError('replicas < 5 or more')).toBe('Unsupported start tag "" at byte offset 9');
  });

  it('refuses unbalanced and crossed tags', () => {
    expect(parseError('<b>bold')).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(parseError('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(parseError('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(parseError('<b')).toBe('Unclosed start tag at byte offset 0');
  });

  it('refuses a span that is not a spoiler', () => {
    expect(parseError('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
  });

  it('leaves text without markup unchanged and without entities', () => {
    expect(parseTelegramHtml('plain > text')).toEqual({ ok: true, text: 'plain > text', entities: [] });
  });
});
