/** Helpers that keep the vocabulary readable: lists of alternatives instead of one long regular expression. */

/** One RegExp matching any of the parts (regex sources or RegExps). */
export function anyOf(parts: ReadonlyArray<string | RegExp>, flags = ''): RegExp {
  return new RegExp(parts.map((p) => (typeof p === 'string' ? p : p.source)).join('|'), flags);
}

/** Source matching any of the English words or phrases as whole words. */
export function englishWords(words: readonly string[]): string {
  return String.raw`\b(?:${words.join('|')})\b`;
}

/** `prefix:match` for the first match of `pattern` in `text`, or null. */
export function evidence(prefix: string, pattern: RegExp, text: string): string | null {
  const m = pattern.exec(text);
  return m ? `${prefix}:${m[0].trim()}` : null;
}
