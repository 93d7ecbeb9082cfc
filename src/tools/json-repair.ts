/**
 * A forgiving JSON reader for what models write. Valid JSON is read by JSON.parse untouched; otherwise a
 * string-aware parser accepts the usual slips: single-quoted strings, trailing commas, unquoted keys, raw
 * newlines inside strings, \' escapes, Python's True/False/None. Because it tracks strings, an apostrophe
 * inside a double-quoted string is just a character and never "repaired".
 *
 * Truncation is reported, never completed: input that ends inside a value is `truncated: true`, so a call
 * cut off by the token limit cannot come back as something that runs.
 */
export type LooseJson =
  { ok: true; value: unknown; end: number; repaired: boolean } | { ok: false; truncated: boolean; error: string; at: number };

const MAX_DEPTH = 64;

class LooseJsonError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly truncated: boolean,
  ) {
    super(message);
  }
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, so a key named "__proto__" stays data and never swaps the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class LooseJsonReader {
  pos: number;
  repaired = false;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(message: string): never {
    throw new LooseJsonError(message, this.pos, this.pos >= this.text.length);
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === undefined) this.fail('unexpected end of input');
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"' || char === "'") return this.string(char);
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    return this.literal();
  }

  object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos += 1;
    let needComma = false;
    for (;;) {
      this.skipWhitespace();
      const char = this.text[this.pos];
      if (char === undefined) this.fail('unexpected end of input in an object');
      if (char === '}') {
        this.pos += 1;
        return result;
      }
      if (needComma) {
        if (char !== ',') this.fail(`expected ',' or '}' but found '${char}'`);
        this.pos += 1;
        this.skipWhitespace();
        if (this.text[this.pos] === '}') {
          this.repaired = true; // trailing comma
          continue;
        }
      }
      const key = this.key();
      this.skipWhitespace();
      if (this.text[this.pos] === undefined) this.fail('unexpected end of input after a key');
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after key "${key}"`);
      this.pos += 1;
      setOwn(result, key, this.value(depth + 1));
      needComma = true;
    }
  }

  key(): string {
    const char = this.text[this.pos];
    if (char === '"' || char === "'") return this.string(char);
    const match = /^[A-Za-z_$][\w$-]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!match) this.fail('expected a key');
    this.repaired = true; // unquoted key
    this.pos += match[0].length;
    return match[0];
  }

  array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos += 1;
    let needComma = false;
    for (;;) {
      this.skipWhitespace();
      const char = this.text[this.pos];
      if (char === undefined) this.fail('unexpected end of input in an array');
      if (char === ']') {
        this.pos += 1;
        return result;
      }
      if (needComma) {
        if (char !== ',') this.fail(`expected ',' or ']' but found '${char}'`);
        this.pos += 1;
        this.skipWhitespace();
        if (this.text[this.pos] === ']') {
          this.repaired = true; // trailing comma
          continue;
        }
      }
      result.push(this.value(depth + 1));
      needComma = true;
    }
  }

  /** A single quote closes a single-quoted string only before `, : } ] )` or the end; otherwise it is an apostrophe. */
  closesSingleQuoted(index: number): boolean {
    const closer = /\s*(?:[,:}\])]|$)/y;
    closer.lastIndex = index + 1;
    return closer.test(this.text);
  }

  string(quote: '"' | "'"): string {
    if (quote === "'") this.repaired = true;
    let out = '';
    this.pos += 1;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) this.fail('unexpected end of input in a string');
      if (char === quote && (quote === '"' || this.closesSingleQuoted(this.pos))) {
        this.pos += 1;
        return out;
      }
      if (char === '\\') {
        out += this.escape();
        continue;
      }
      if (char === '\n' || char === '\r' || char === '\t') this.repaired = true; // raw control character
      out += char;
      this.pos += 1;
    }
  }

  escape(): string {
    const next = this.text[this.pos + 1];
    if (next === undefined) {
      this.pos = this.text.length;
      this.fail('unexpected end of input in an escape');
    }
    this.pos += 2;
    switch (next) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u': {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (hex.length < 4) this.fail('unexpected end of input in a \\u escape');
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case '"':
      case '\\':
      case '/':
        return next;
      default:
        this.repaired = true; // \' and other non-JSON escapes keep the character
        return next;
    }
  }

  number(): number {
    const loose = /^-?\d*(\.\d*)?([eE][+-]?\d*)?/.exec(this.text.slice(this.pos, this.pos + 64))?.[0] ?? '';
    this.pos += loose.length;
    if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(loose)) {
      // "-" or "1." or "1e" at the very end is a number that was cut off.
      this.fail(this.pos >= this.text.length ? 'unexpected end of input in a number' : 'bad number');
    }
    return Number(loose);
  }

  literal(): unknown {
    const literals: [string, unknown, boolean][] = [
      ['true', true, false],
      ['false', false, false],
      ['null', null, false],
      ['True', true, true],
      ['False', false, true],
      ['None', null, true],
    ];
    const rest = this.text.slice(this.pos, this.pos + 5);
    for (const [word, value, python] of literals) {
      if (rest.startsWith(word) && !/^[\w$]/.test(this.text.slice(this.pos + word.length, this.pos + word.length + 1))) {
        this.pos += word.length;
        if (python) this.repaired = true;
        return value;
      }
      // "tr" at the very end is a literal that was cut off.
      if (this.pos + rest.length >= this.text.length && rest.length < word.length && word.startsWith(rest)) {
        this.pos = this.text.length;
        this.fail('unexpected end of input in a literal');
      }
    }
    this.fail(`unexpected character '${this.text[this.pos] ?? ''}'`);
  }
}

/** Reads one JSON value starting at `start` (after whitespace) and reports where it ended. */
export function parseLooseJsonPrefix(text: string, start = 0): LooseJson {
  const reader = new LooseJsonReader(text, start);
  try {
    const value = reader.value(0);
    return { ok: true, value, end: reader.pos, repaired: reader.repaired };
  } catch (error) {
    if (error instanceof LooseJsonError) {
      return { ok: false, truncated: error.truncated, error: error.message, at: error.at };
    }
    throw error;
  }
}

const FENCE = /^```[\w-]*[ \t]*\r?\n?([\s\S]*?)\r?\n?[ \t]*(```)?$/;

/** Removes one markdown code fence around the whole text, if there is one. */
export function stripMarkdownFence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('```')) return trimmed;
  const match = FENCE.exec(trimmed);
  return match ? (match[1] ?? '').trim() : trimmed;
}

/** Reads a whole text as one JSON value: strict JSON first, then the forgiving reader. */
export function parseLooseJson(text: string): LooseJson {
  const body = stripMarkdownFence(text);
  try {
    return { ok: true, value: JSON.parse(body) as unknown, end: body.length, repaired: body !== text };
  } catch {
    // not strict JSON: fall through to the forgiving reader
  }
  const result = parseLooseJsonPrefix(body, 0);
  if (!result.ok) return result;
  const rest = body.slice(result.end).trim();
  if (rest !== '') return { ok: false, truncated: false, error: `unexpected text after the value: ${rest.slice(0, 20)}`, at: result.end };
  return { ...result, repaired: true };
}
