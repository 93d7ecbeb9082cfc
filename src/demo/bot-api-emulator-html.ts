import type { EmulatedMessageEntity } from './bot-api-emulator-types.js';

/**
 * Telegram's parse_mode=HTML, following the rules of TDLib's parser (the one behind the Bot API):
 * only the supported tags, only &lt; &gt; &amp; &quot; and numeric entities (the ';' is optional,
 * anything else after '&' stays literal), tags must nest, and errors name UTF-8 byte offsets.
 */
export type TelegramHtmlParseResult = { ok: true; text: string; entities: EmulatedMessageEntity[] } | { ok: false; error: string };

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE_ENTITY_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

interface OpenTag {
  name: string;
  argument: string;
  expandable: boolean;
  offset: number;
  language?: string;
}

const NUL = '\0';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f' || c === NUL;
}

function isAsciiAlnum(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}

/** Decodes one HTML entity at pos; returns the character and where parsing continues, or undefined to keep '&'. */
export function decodeHtmlEntity(source: string, pos: number): { char: string; next: number } | undefined {
  const at = (i: number): string => (i < source.length ? source.charAt(i) : NUL);
  let end = pos + 1;
  let code = 0;
  if (at(end) === '#') {
    end++;
    const hex = at(end) === 'x';
    if (hex) end++;
    const digit = hex ? /^[0-9a-fA-F]$/ : /^[0-9]$/;
    while (digit.test(at(end))) {
      code = code * (hex ? 16 : 10) + Number.parseInt(at(end), 16);
      end++;
      if (code >= 0x10ffff) return undefined;
    }
    if (code === 0 || end - pos >= 10) return undefined;
  } else {
    while (/^[A-Za-z]$/.test(at(end))) end++;
    const name = source.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    const value = named[name];
    if (value === undefined) return undefined;
    code = value;
  }
  if (at(end) === ';') end++;
  return { char: String.fromCodePoint(code), next: end };
}

function byteOffset(source: string, pos: number): number {
  return Buffer.byteLength(source.slice(0, pos), 'utf8');
}

function isUsableLink(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url) || /^tg:\S+$/i.test(url)) return url;
  if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(url)) return `http://${url}`;
  return undefined;
}

export function parseTelegramHtml(source: string): TelegramHtmlParseResult {
  const at = (i: number): string => (i < source.length ? source.charAt(i) : NUL);
  const fail = (error: string): TelegramHtmlParseResult => ({ ok: false, error });
  let text = '';
  const entities: EmulatedMessageEntity[] = [];
  const open: OpenTag[] = [];

  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '&') {
      const decoded = decodeHtmlEntity(source, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.next;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }

    const begin = i++;
    if (at(i) !== '/') {
      while (!isSpace(at(i)) && at(i) !== '>') i++;
      if (i >= source.length) return fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
      const name = source.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
      }
      let argument = '';
      let expandable = false;
      while (at(i) !== '>') {
        while (i < source.length && isSpace(at(i))) i++;
        if (at(i) === '>') break;
        const attrBegin = i;
        while (!isSpace(at(i)) && at(i) !== '=' && at(i) !== '>') i++;
        const attrName = source.slice(attrBegin, i).toLowerCase();
        if (attrName === '') {
          return fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        }
        while (i < source.length && isSpace(at(i))) i++;
        if (at(i) !== '=') {
          if (name === 'blockquote' && attrName === 'expandable') {
            expandable = true;
            continue;
          }
          return fail(
            `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(source, begin)}`,
          );
        }
        i++;
        while (i < source.length && isSpace(at(i))) i++;
        if (i >= source.length) {
          return fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        }
        let value = '';
        const quote = at(i);
        if (quote !== '"' && quote !== "'") {
          const tokenBegin = i;
          while (isAsciiAlnum(at(i)) || at(i) === '.' || at(i) === '-') i++;
          value = source.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== '>') {
            return fail(`Unexpected end of name token at byte offset ${byteOffset(source, tokenBegin)}`);
          }
        } else {
          i++;
          while (i < source.length && at(i) !== quote) {
            if (at(i) === '&') {
              const decoded = decodeHtmlEntity(source, i);
              if (decoded) {
                value += decoded.char;
                i = decoded.next;
                continue;
              }
            }
            value += at(i);
            i++;
          }
          if (at(i) === quote) i++;
        }
        if (i >= source.length) return fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);

        if (name === 'a' && attrName === 'href') argument = value;
        else if (name === 'code' && attrName === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attrName === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attrName === 'emoji-id') argument = value;
      }
      if (name === 'span' && argument !== 'spoiler') {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, begin)}`);
      }
      open.push({ name, argument, expandable, offset: text.length });
      i++; // past '>'
      continue;
    }

    // An end tag.
    if (open.length === 0) return fail(`Unexpected end tag at byte offset ${byteOffset(source, begin)}`);
    i++; // past '/'
    const nameBegin = i;
    while (!isSpace(at(i)) && at(i) !== '>') i++;
    const endName = source.slice(nameBegin, i).toLowerCase();
    while (i < source.length && isSpace(at(i))) i++;
    if (at(i) !== '>') return fail(`Unclosed end tag at byte offset ${byteOffset(source, begin)}`);
    i++;
    const tag = open.pop() as OpenTag; // length checked above
    if (endName !== '' && endName !== tag.name) {
      return fail(`Unmatched end tag at byte offset ${byteOffset(source, begin)}, expected "</${tag.name}>", found "</${endName}>"`);
    }
    const length = text.length - tag.offset;
    const parent = open[open.length - 1];
    if (tag.name === 'code' && parent?.name === 'pre') {
      // <pre><code class="language-x"> is one pre entity with a language, as Telegram makes it.
      if (tag.argument !== '') parent.language = tag.argument;
      continue;
    }
    if (length <= 0) continue;
    const simple = SIMPLE_ENTITY_TYPES[tag.name];
    if (simple) {
      entities.push({ type: simple, offset: tag.offset, length });
    } else if (tag.name === 'a') {
      const url = isUsableLink(tag.argument || text.slice(tag.offset));
      if (url) entities.push({ type: 'text_link', offset: tag.offset, length, url });
    } else if (tag.name === 'code') {
      entities.push({ type: 'code', offset: tag.offset, length });
    } else if (tag.name === 'pre') {
      entities.push({ type: 'pre', offset: tag.offset, length, ...(tag.language ? { language: tag.language } : {}) });
    } else if (tag.name === 'blockquote') {
      entities.push({ type: tag.expandable ? 'expandable_blockquote' : 'blockquote', offset: tag.offset, length });
    } else if (tag.name === 'tg-emoji' && tag.argument !== '') {
      entities.push({ type: 'custom_emoji', offset: tag.offset, length, custom_emoji_id: tag.argument });
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed) return fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text, entities };
}
