import { callFromObject, type RawCall } from './call-shape.js';
import { parseLooseJsonPrefix } from './json-repair.js';
import { CONSUMED, callsFromValues, guessName, preview, proseOf, readJsonSequence, type TextWorkspace } from './text-workspace.js';

/**
 * One reader per way models write calls into `content`. Each takes what it recognises out of the workspace
 * (so the next reader and the prose never see it) and records calls or problems.
 */

const BLOCK_TAGS = 'toolcall|tool_call|tool_calls|function_call|function_calls|functioncall';
const CALL_MARKER = new RegExp(
  `<(?:${BLOCK_TAGS})>|<\\/(?:${BLOCK_TAGS})>|\\[TOOL_CALLS\\]|<\\|python_tag\\|>|<\\|tool_calls?\\|>|<function=`,
  'i',
);

/** Reasoning is not an answer and not a call: `<think>…</think>`, a lone `</think>` (the template opened it), an unclosed `<think>`. */
export function removeReasoning(ws: TextWorkspace): void {
  for (const match of ws.text.matchAll(/<(think|thinking)>[\s\S]*?<\/\1\s*>/gi)) {
    ws.consume(match.index, match.index + match[0].length);
  }
  for (let close = /<\/(think|thinking)\s*>/i.exec(ws.text); close; close = /<\/(think|thinking)\s*>/i.exec(ws.text)) {
    ws.consume(0, close.index + close[0].length);
  }
  const open = /<(think|thinking)>/i.exec(ws.text);
  if (open) {
    // Unfinished reasoning runs to the end, unless a call follows it.
    const rest = ws.text.slice(open.index);
    const marker = CALL_MARKER.exec(rest);
    ws.consume(open.index, marker ? open.index + marker.index : ws.text.length);
  }
}

function addCalls(ws: TextWorkspace, calls: RawCall[], at: number): void {
  calls.forEach((call, i) => ws.addCall(call, at + i));
}

/** Reads the inside of a call block (JSON calls or Qwen3-Coder XML); returns where the block's calls end. */
function readBlockBody(ws: TextWorkspace, start: number, end: number, label: string, closed: boolean): number {
  const body = ws.text.slice(start, end);
  if (/<function=/i.test(body)) {
    readXmlFunctions(ws, start, end, closed);
    return end;
  }
  const sequence = readJsonSequence(ws.text, start, end);
  const { calls, notCalls } = callsFromValues(sequence.values);
  if (!sequence.ok) {
    // Inside a closed block, JSON that runs into the closing tag is broken, not cut off.
    const truncated = sequence.truncated && !closed;
    const what = truncated ? 'is cut off' : `is not valid JSON (${sequence.error})`;
    ws.addProblem(`the call in ${label} ${what}`, start, truncated, body.trim());
    return end;
  }
  const leftover = ws.text.slice(sequence.end, end).trim();
  if (notCalls.length > 0) {
    ws.addProblem(`${label} holds something that is not a tool call: ${preview(notCalls[0])}`, start, false, body.trim());
    return end;
  }
  if (calls.length === 0) {
    const reason = leftover === '' ? `${label} is empty` : `${label} holds no JSON call: ${preview(leftover)}`;
    ws.addProblem(reason, start, false, leftover === '' ? undefined : leftover);
    return end;
  }
  if (closed && leftover !== '') {
    ws.addProblem(`${label} holds text after the call: ${preview(leftover)}`, start, false, body.trim());
    return end;
  }
  addCalls(ws, calls, start);
  return closed ? end : sequence.end;
}

/** Where the calls before an opener-less closing tag begin: the first bracket from which JSON reaches the tag. */
function orphanBodyStart(text: string, closerAt: number): number {
  const segmentStart = text.lastIndexOf(CONSUMED, closerAt) + 1;
  let first = -1;
  let tries = 0;
  for (let i = segmentStart; i < closerAt && tries < 100; i += 1) {
    if (text[i] !== '[' && text[i] !== '{') continue;
    if (first === -1) first = i;
    tries += 1;
    const sequence = readJsonSequence(text, i, closerAt);
    if (sequence.ok && sequence.values.length > 0 && text.slice(sequence.end, closerAt).trim() === '') return i;
  }
  return first === -1 ? segmentStart : first;
}

/** `<toolcall>…</toolcall>`, `<TOOLCALL>[…]</TOOLCALL>`, `<tool_call>…</tool_call>`, and their unclosed or opener-less forms. */
export function readCallBlocks(ws: TextWorkspace): void {
  const closedBlock = new RegExp(`<(${BLOCK_TAGS})>([\\s\\S]*?)<\\/\\1\\s*>`, 'gi');
  for (const match of ws.text.matchAll(closedBlock)) {
    ws.sawCallMarker = true;
    const bodyStart = match.index + match[1].length + 2;
    const bodyEnd = match.index + match[0].lastIndexOf('<');
    readBlockBody(ws, bodyStart, bodyEnd, `<${match[1]}>`, true);
    ws.consume(match.index, match.index + match[0].length);
  }
  // An opener with no closer: the model stopped at the closing tag (a stop sequence) or was cut off.
  const opener = new RegExp(`<(${BLOCK_TAGS})>`, 'gi');
  for (let match = opener.exec(ws.text); match; match = opener.exec(ws.text)) {
    ws.sawCallMarker = true;
    const bodyStart = match.index + match[0].length;
    const next = new RegExp(`<(?:${BLOCK_TAGS})>`, 'i').exec(ws.text.slice(bodyStart));
    const bodyEnd = next ? bodyStart + next.index : ws.text.length;
    const end = readBlockBody(ws, bodyStart, bodyEnd, `<${match[1]}>`, false);
    ws.consume(match.index, end);
    opener.lastIndex = end;
  }
  // A closer with no opener: Llama-Nemotron's template can open the block itself.
  const closer = new RegExp(`<\\/(${BLOCK_TAGS})\\s*>`, 'gi');
  for (let match = closer.exec(ws.text); match; match = closer.exec(ws.text)) {
    ws.sawCallMarker = true;
    const bodyStart = orphanBodyStart(ws.text, match.index);
    readBlockBody(ws, bodyStart, match.index, `<${match[1]}>`, true);
    ws.consume(bodyStart, match.index + match[0].length);
    closer.lastIndex = 0;
  }
}

function xmlParameters(body: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const parameter = /<parameter=([^>\s]+)\s*>([\s\S]*?)(?:<\/parameter\s*>|(?=<parameter=)|$)/gi;
  for (const match of body.matchAll(parameter)) {
    const raw = (match[2] ?? '').replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    // XML has no null; Qwen3-Coder's own parser reads the word as one.
    Object.defineProperty(args, match[1], {
      value: raw.trim() === 'null' ? null : raw,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return args;
}

/**
 * Qwen3-Coder and Nemotron 3 `<function=name><parameter=key>value</parameter></function>`; Llama 3.1
 * `<function=name>{json}</function>`. Inside a closed `<tool_call>` block a missing `</function>` is forgiven.
 */
export function readXmlFunctions(ws: TextWorkspace, start = 0, end = ws.text.length, insideClosedBlock = false): void {
  const fn = /<function=([^>\s]+)\s*>([\s\S]*?)(<\/function\s*>|(?=<function=)|$)/gi;
  const region = ws.text.slice(0, end);
  fn.lastIndex = start;
  for (let match = fn.exec(region); match; match = fn.exec(region)) {
    if (match[0] === '') break;
    ws.sawCallMarker = true;
    const name = match[1];
    const body = match[2] ?? '';
    const closed = (match[3] ?? '') !== '' || insideClosedBlock;
    if (!closed) {
      ws.addProblem(`<function=${name}> is not closed (cut off?)`, match.index, true, body.trim(), name);
    } else if (/<parameter=/i.test(body) || body.trim() === '') {
      ws.addCall({ name, arguments: xmlParameters(body) }, match.index);
    } else {
      ws.addCall({ name, arguments: body.trim() }, match.index); // JSON text; read like any arguments string
    }
    ws.consume(match.index, match.index + match[0].length);
  }
}

/** Mistral: `[TOOL_CALLS][{…}]`, and the newer `[TOOL_CALLS]name[ARGS]{…}` (optionally with `[CALL_ID]id`). */
export function readMistralCalls(ws: TextWorkspace): void {
  const marker = /\[TOOL_CALLS\]/g;
  for (let match = marker.exec(ws.text); match; match = marker.exec(ws.text)) {
    ws.sawCallMarker = true;
    const after = match.index + match[0].length;
    const rest = ws.text.slice(after);
    const first = rest.search(/\S/);
    if (first !== -1 && (rest[first] === '[' || rest[first] === '{')) {
      const end = readMarkedJson(ws, after, '[TOOL_CALLS]');
      ws.consume(match.index, end);
      marker.lastIndex = end;
      continue;
    }
    let pos = after;
    const named = /\s*([A-Za-z_][\w.-]*)\s*(?:\[CALL_ID\]\s*([\w-]+)\s*)?\[ARGS\]/y;
    named.lastIndex = pos;
    let found = false;
    for (let head = named.exec(ws.text); head; head = named.exec(ws.text)) {
      found = true;
      const parsed = parseLooseJsonPrefix(ws.text, named.lastIndex);
      if (!parsed.ok) {
        const what = parsed.truncated ? 'are cut off' : `are not valid JSON (${parsed.error})`;
        const partial = ws.text.slice(named.lastIndex);
        ws.addProblem(`the arguments of ${head[1]} after [TOOL_CALLS] ${what}`, pos, parsed.truncated, partial, head[1]);
        pos = ws.text.length;
        break;
      }
      ws.addCall({ name: head[1], arguments: parsed.value, id: head[2] }, pos);
      pos = parsed.end;
      named.lastIndex = pos;
    }
    if (!found) {
      const tail = ws.text.slice(after);
      ws.addProblem(`[TOOL_CALLS] is not followed by a readable call: ${preview(tail)}`, after, tail.trim() === '', tail);
      pos = ws.text.length;
    }
    ws.consume(match.index, pos);
    marker.lastIndex = pos;
  }
}

/** JSON calls right after a marker token; returns where they end. */
function readMarkedJson(ws: TextWorkspace, start: number, label: string): number {
  const sequence = readJsonSequence(ws.text, start);
  const { calls, notCalls } = callsFromValues(sequence.values);
  if (!sequence.ok) {
    const what = sequence.truncated ? 'is cut off' : `is not valid JSON (${sequence.error})`;
    ws.addProblem(`the call after ${label} ${what}`, start, sequence.truncated, ws.text.slice(start).trim());
    return ws.text.length;
  }
  if (notCalls.length > 0 || calls.length === 0) {
    const shown = notCalls.length > 0 ? preview(notCalls[0]) : preview(ws.text.slice(start));
    ws.addProblem(`${label} is not followed by a readable call: ${shown}`, start, false, ws.text.slice(start).trim());
    return ws.text.length;
  }
  addCalls(ws, calls, start);
  return sequence.end;
}

/** Llama's `<|python_tag|>`, Granite's `<|tool_call|>`, InternLM's `<|action_start|><|plugin|>`: JSON calls follow. */
export function readTokenPrefixedCalls(ws: TextWorkspace): void {
  const token = /<\|(?:python_tag|tool_calls?)\|>|<\|action_start\|>\s*<\|plugin\|>/g;
  for (let match = token.exec(ws.text); match; match = token.exec(ws.text)) {
    ws.sawCallMarker = true;
    const after = match.index + match[0].length;
    const end = readMarkedJson(ws, after, match[0]);
    ws.consume(match.index, end);
    token.lastIndex = end;
  }
}

/** The items that may be calls: an array's elements, a `{"tool_calls": [...]}` wrapper's list, or the value itself. */
function callItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value === 'object' && value !== null) {
    const entries: [string, unknown][] = Object.entries(value);
    const [key, list] = entries[0] ?? [];
    if (entries.length === 1 && (key === 'tool_calls' || key === 'calls') && Array.isArray(list)) return list as unknown[];
  }
  return [value];
}

/**
 * Broken JSON in prose that starts with a name: cut off at the end of the text, it is a call that was cut off;
 * broken in the middle, it is a call only if it names one of our tools or has arguments, so a sloppy JSON
 * example in an answer (`{"name": "my-app", ...}`) stays prose.
 */
function looksLikeBrokenCall(ws: TextWorkspace, text: string, truncated: boolean): boolean {
  if (truncated) return true;
  return ws.isKnownTool(guessName(text)) || /^[^{}]*\{[^{}]*["']?(?:arguments|parameters)["']?\s*:/.test(text.slice(0, 300));
}

function nextBracket(text: string, from: number): number {
  const found = text.slice(from).search(/[[{]/);
  return found === -1 ? -1 : from + found;
}

/**
 * Bare JSON calls: Llama's `{"name", "parameters"}`, a fenced JSON call, a JSON array of calls. They count only
 * when they are the whole reply (besides what other readers took and reasoning): JSON quoted inside prose is
 * prose, never a call, however call-like it looks.
 */
export function readBareJsonCalls(ws: TextWorkspace): void {
  // JSON that starts like a call. Only keys a call begins with make broken JSON a call attempt.
  const CALL_START = /(?:\[\s*)?\{\s*["']?(?:name|function|tool_name|tool|type|id|tool_calls|calls)["']?\s*:/y;
  const NAMED_CALL_START = /(?:\[\s*)?\{\s*["']?(?:name|function|tool_name)["']?\s*:\s*["']/y;
  const next = (from: number): number => nextBracket(ws.text, from);
  const found: { calls: RawCall[]; start: number; end: number }[] = [];
  let broken: { at: number; truncated: boolean; error: string } | undefined;
  for (let i = next(0); i !== -1 && i < ws.text.length;) {
    CALL_START.lastIndex = i;
    if (!CALL_START.test(ws.text)) {
      i = next(i + 1);
      continue;
    }
    const parsed = parseLooseJsonPrefix(ws.text, i);
    if (parsed.ok) {
      const items = callItems(parsed.value);
      const calls = items.map((item) => callFromObject(item, true, ws.isKnownTool)).filter((call): call is RawCall => call !== null);
      if (items.length > 0 && calls.length === items.length) {
        found.push({ calls, start: i, end: parsed.end });
        i = next(parsed.end);
      } else {
        i = next(i + 1);
      }
      continue;
    }
    NAMED_CALL_START.lastIndex = i;
    if (NAMED_CALL_START.test(ws.text) && looksLikeBrokenCall(ws, ws.text.slice(i), parsed.truncated)) {
      broken = { at: i, truncated: parsed.truncated, error: parsed.error };
      break;
    }
    i = next(i + 1);
  }
  if (found.length === 0 && broken === undefined) return;
  let rest = broken === undefined ? ws.text : ws.text.slice(0, broken.at);
  for (const { start, end } of found) rest = rest.slice(0, start) + CONSUMED.repeat(end - start) + rest.slice(end);
  // Fence markers around the calls are not prose (an unclosed one, before JSON that is cut off, included).
  if (proseOf(rest.replace(/```[\w-]*/g, '')) !== '') return;
  ws.sawCallMarker = true;
  for (const { calls, start, end } of found) {
    addCalls(ws, calls, start);
    ws.consume(start, end);
  }
  if (broken !== undefined) {
    const text = ws.text.slice(broken.at);
    const what = broken.truncated ? 'is cut off' : `is not valid JSON (${broken.error})`;
    ws.addProblem(`a JSON tool call in the text ${what}`, broken.at, broken.truncated, text.trim());
    ws.consume(broken.at, ws.text.length);
  }
}
