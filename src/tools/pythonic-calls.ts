import type { RawCall } from './call-shape.js';
import { parseLooseJsonPrefix } from './json-repair.js';
import { CONSUMED, type TextWorkspace } from './text-workspace.js';

type Pythonic = { ok: true; calls: RawCall[] } | { ok: false; error: string; truncated: boolean };

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `[name(key=value, ...), other()]` with Python literal values, read as calls. */
export function parsePythonicCalls(text: string): Pythonic {
  const calls: RawCall[] = [];
  const ident = /\s*([A-Za-z_][\w.]*)\s*\(/y;
  const key = /\s*([A-Za-z_]\w*)\s*=/y;
  let pos = text.indexOf('[') + 1;
  const end = (): boolean => pos >= text.length;
  const skip = (): void => {
    while (!end() && /\s/.test(text[pos] ?? '')) pos += 1;
  };
  for (;;) {
    ident.lastIndex = pos;
    const head = ident.exec(text);
    if (!head) return { ok: false, error: 'expected a function call', truncated: end() };
    pos = ident.lastIndex;
    const args: Record<string, unknown> = {};
    skip();
    while (text[pos] !== ')') {
      key.lastIndex = pos;
      const k = key.exec(text);
      if (!k) return { ok: false, error: 'expected key=value', truncated: end() };
      const value = parseLooseJsonPrefix(text, key.lastIndex);
      if (!value.ok) return { ok: false, error: value.error, truncated: value.truncated };
      setOwn(args, k[1], value.value);
      pos = value.end;
      skip();
      if (text[pos] === ',') pos += 1;
      else if (text[pos] !== ')') return { ok: false, error: "expected ',' or ')'", truncated: end() };
      skip();
    }
    pos += 1;
    calls.push({ name: head[1].replace(/^default_api\./, ''), arguments: args });
    skip();
    if (text[pos] === ',') {
      pos += 1;
      continue;
    }
    if (text[pos] === ']' && text.slice(pos + 1).trim() === '') return { ok: true, calls };
    return { ok: false, error: "expected ',' or ']' after a call", truncated: end() };
  }
}

/**
 * Llama 3.2 / Llama 4 "pythonic" calls: the whole reply is `[name(key=value, ...)]`, perhaps fenced or inside
 * `<|python_start|>…<|python_end|>`. Only a reply that is nothing else counts, so prose with brackets does not.
 */
export function readPythonicCalls(ws: TextWorkspace): void {
  const visible = ws.text.split(CONSUMED).join('');
  const body = visible
    .replace(/<\|python_(start|end)\|>/g, '')
    .replace(/^\s*```[\w-]*\s*\n?/, '')
    .replace(/\n?\s*```\s*$/, '')
    .trim();
  const head = /^\[\s*([A-Za-z_][\w.]*)\s*\(/.exec(body);
  // Either the whole reply is shaped like a call list, or it begins by calling one of our tools.
  if (!head || !(/\)\s*\]$/.test(body) || ws.isKnownTool(head[1].replace(/^default_api\./, '')))) return;
  ws.sawCallMarker = true;
  // eslint-disable-next-line no-control-regex -- NUL is CONSUMED (text-workspace.ts), text already read; skip it to find the call.
  const start = ws.text.search(/[^\u0000\s]/);
  const parsed = parsePythonicCalls(body);
  if (parsed.ok) parsed.calls.forEach((call, i) => ws.addCall(call, start + i));
  else {
    const what = parsed.truncated ? 'is cut off' : `cannot be read (${parsed.error})`;
    ws.addProblem(`a pythonic tool call ${what}`, start, parsed.truncated, body);
  }
  ws.consume(0, ws.text.length);
}
