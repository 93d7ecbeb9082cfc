/** Telegram HTML helpers: escaping, plain-text fallback, and splitting under the message size limit. */

export const TELEGRAM_TEXT_LIMIT = 4096;
/** We split a little below Telegram's limit so that closing and reopening tags always fit. */
export const SPLIT_AT = 4000;

export function escapeHtml(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What the user would see: tags dropped, entities decoded. Used for the plain-text retry. */
export function htmlToPlainText(html: string): string {
  return (
    html
      .replace(/<br\s*\/?>/gi, '\n')
      // Only what looks like a tag: a bare "<" in the text (the reason Telegram refused it) stays.
      .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&')
  );
}

const TAG = /<(\/?)([a-zA-Z-]+)((?:\s[^>]*)?)>/g;

/** Tags open at the end of `html`, outermost first, as their full opening text (so attributes survive). */
function openTagsAfter(html: string, open: { name: string; text: string }[]): { name: string; text: string }[] {
  const stack = [...open];
  for (const m of html.matchAll(TAG)) {
    const [text, closing, rawName] = m;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at, 1);
    } else {
      stack.push({ name, text });
    }
  }
  return stack;
}

/** Cuts at the last line break before `limit`, else the last space, else hard at the limit (never inside a tag or entity). */
function cutPoint(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const window = text.slice(0, limit);
  const newline = window.lastIndexOf('\n');
  if (newline > limit / 2) return newline + 1;
  const space = window.lastIndexOf(' ');
  if (space > limit / 2) return space + 1;
  let cut = limit;
  const lastLt = window.lastIndexOf('<');
  if (lastLt > window.lastIndexOf('>')) cut = lastLt;
  const lastAmp = window.lastIndexOf('&');
  if (lastAmp > window.lastIndexOf(';') && lastAmp < cut) cut = lastAmp;
  return cut > 0 ? cut : limit;
}

/**
 * Splits Telegram HTML into chunks of at most `limit` characters, preferring line breaks.
 * Tags open at a cut are closed at the end of the chunk and reopened at the start of the next,
 * so every chunk is valid HTML on its own.
 */
export function splitHtml(html: string, limit = SPLIT_AT): string[] {
  const chunks: string[] = [];
  let rest = html;
  let open: { name: string; text: string }[] = [];
  while (rest.length > 0) {
    const prefix = open.map((t) => t.text).join('');
    // Leave room for the reopened prefix and for closing whatever is open at the cut.
    const budget = Math.max(200, limit - prefix.length - 100);
    const cut = cutPoint(rest, budget);
    const body = rest.slice(0, cut);
    const stillOpen = openTagsAfter(body, open);
    const suffix = [...stillOpen]
      .reverse()
      .map((t) => `</${t.name}>`)
      .join('');
    const chunk = `${prefix}${body}${suffix}`;
    if (chunk.trim().length > 0) chunks.push(chunk);
    rest = rest.slice(cut);
    open = stillOpen;
  }
  return chunks.length > 0 ? chunks : [''];
}

/** Splits plain text (no markup) at line breaks under the limit. */
export function splitPlain(text: string, limit = SPLIT_AT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const cut = cutPoint(rest, limit);
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return chunks.length > 0 ? chunks : [''];
}
