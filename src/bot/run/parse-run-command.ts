/**
 * The typed form of /run: `/run <tool> key=value ...`, values optionally quoted, and for apply_manifest the YAML
 * on the lines after the first. Parsing only splits the text; the catalog validates what comes out.
 */
import { standardTools } from '../../tools/registry.js';
import type { ToolRegistry } from '../../tools/tool-registry.js';
import { bodyParameterOf } from './tool-parameters.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Straight quotes, and the curly ones phone keyboards put in. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

export type RunCommandProblem = 'syntax' | 'unclosed_quote' | 'duplicate_key' | 'unexpected_body';

export type ParsedRunCommand =
  | { kind: 'guided' }
  | { kind: 'call'; tool: string; args: Record<string, string> }
  | { kind: 'error'; problem: RunCommandProblem; tool: string | null; token: string };

type Tokens = { ok: true; tokens: string[] } | { ok: false; token: string };

/** Whitespace-separated tokens; a quoted run keeps its spaces and loses its quotes. */
export function tokenize(line: string): Tokens {
  const tokens: string[] = [];
  let current: string | null = null;
  let closing: string | null = null;
  for (const char of line) {
    if (closing !== null) {
      if (char === closing) closing = null;
      else current = (current ?? '') + char;
      continue;
    }
    const close = QUOTES[char];
    if (close !== undefined) {
      closing = close;
      current = current ?? '';
    } else if (/\s/.test(char)) {
      if (current !== null) tokens.push(current);
      current = null;
    } else {
      current = (current ?? '') + char;
    }
  }
  if (closing !== null) return { ok: false, token: current ?? '' };
  if (current !== null) tokens.push(current);
  return { ok: true, tokens };
}

/** A fenced block typed by hand (```yaml ... ```) is the same manifest without its fences. */
function unfence(body: string): string {
  const lines = body.split('\n');
  const first = lines[0]?.trim() ?? '';
  const last = lines.at(-1)?.trim() ?? '';
  if (lines.length >= 2 && first.startsWith('```') && last === '```') return lines.slice(1, -1).join('\n');
  return body;
}

/** Telegram users write list-pods or List_Pods as often as list_pods. */
export function normalizeToolName(name: string): string {
  return name.toLowerCase().replaceAll('-', '_');
}

/** `text` is what follows the command (grammY's ctx.match): empty means the guided flow. */
export function parseRunCommand(text: string, tools: ToolRegistry = standardTools): ParsedRunCommand {
  const newline = text.indexOf('\n');
  const head = (newline === -1 ? text : text.slice(0, newline)).trim();
  const body = newline === -1 ? '' : unfence(text.slice(newline + 1).replace(/\s+$/, ''));
  if (head === '' && body.trim() === '') return { kind: 'guided' };

  const tokenized = tokenize(head);
  if (!tokenized.ok) return { kind: 'error', problem: 'unclosed_quote', tool: null, token: tokenized.token };
  const [first = '', ...pairs] = tokenized.tokens;
  if (first === '' || first.includes('=')) return { kind: 'error', problem: 'syntax', tool: null, token: first || head };
  const tool = normalizeToolName(first);

  const args: Record<string, string> = {};
  const seen = new Set<string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at === -1 ? pair : pair.slice(0, at);
    if (at === -1 || !KEY.test(key)) return { kind: 'error', problem: 'syntax', tool, token: pair };
    if (seen.has(key)) return { kind: 'error', problem: 'duplicate_key', tool, token: key };
    seen.add(key);
    // defineProperty, so a key such as __proto__ is just an unknown argument for the catalog to refuse.
    Object.defineProperty(args, key, { value: pair.slice(at + 1), enumerable: true, writable: true, configurable: true });
  }

  if (body.trim() !== '') {
    const bodyKey = bodyParameterOf(tool, tools);
    if (bodyKey === undefined) return { kind: 'error', problem: 'unexpected_body', tool, token: '' };
    if (seen.has(bodyKey)) return { kind: 'error', problem: 'duplicate_key', tool, token: bodyKey };
    args[bodyKey] = body;
  }
  return { kind: 'call', tool, args };
}

function quoteIfNeeded(value: string): string {
  if (value !== '' && !/[\s"']/.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

/** The typed form of a call, to teach it after a guided run. A manifest goes on the next lines. */
export function formatRunCommand(call: { name: string; arguments: Record<string, unknown> }, tools: ToolRegistry = standardTools): string {
  const bodyKey = bodyParameterOf(call.name, tools);
  const pairs = Object.entries(call.arguments)
    .filter(([key, value]) => value !== undefined && key !== bodyKey)
    .map(([key, value]) => `${key}=${quoteIfNeeded(String(value))}`);
  const head = ['/run', call.name, ...pairs].join(' ');
  const body = bodyKey === undefined ? undefined : call.arguments[bodyKey];
  return typeof body === 'string' ? `${head}\n${body}` : head;
}
