/** A word of Latin script inside a message (names, flags and English words alike). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// Letters and digits with inner apostrophes, dots, hyphens and underscores: `don't`, `api-7f9c`, `v1.2`.
const WORD = /[a-z0-9](?:[a-z0-9_]|['.-](?=[a-z0-9]))*/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}
