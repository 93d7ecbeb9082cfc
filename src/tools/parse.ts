import { canonicalJson, readArguments, type RawCall } from './call-shape.js';
import { readCompletion } from './completion-shape.js';
import { saysNoActionNeeded } from './no-action-text.js';
import { extractTextCalls, type TextExtraction } from './parse-text-formats.js';
import { standardTools, type ToolCall } from './registry.js';
import { isReadTool, type ToolModule } from './tool-module.js';
import { toolOf, type AnyToolCall, type CallOf, type ToolRegistry } from './tool-registry.js';
import { validateToolCall } from './validate-tool-call.js';

export type ParseResult<C extends AnyToolCall = ToolCall> =
  | { kind: 'calls'; calls: C[]; text: string | null /* any prose around the calls */; toolCallIds: (string | undefined)[] }
  | { kind: 'answer'; text: string }
  | { kind: 'refused'; reason: string; attempted: { name: string; arguments: unknown }[] };

const NO_TEXT: TextExtraction = { calls: [], problems: [], prose: '', sawCallMarker: false };

function refused(reason: string, attempted: { name: string; arguments: unknown }[]): ParseResult<never> {
  return { kind: 'refused', reason, attempted };
}

const callKeyOf = (call: RawCall): string => {
  const args = readArguments(call.arguments);
  return `${call.name}\u0000${args.ok ? canonicalJson(args.value) : String(call.arguments)}`;
};

/** Quoted for a reason: the first words of the prose, on one line. */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}...` : flat);
}

/**
 * Turns a provider's raw completion body into validated calls, a plain answer, or a refusal with a reason.
 *
 * Calls come from the structured `tool_calls` and from the text (every block, every known shape); the same
 * call in both counts once. A call written in the text counts only when the whole reply is calls (whitespace and
 * reasoning aside): JSON quoted in prose stays prose, and call markup mixed with prose is refused. A reply whose
 * text says no action is needed never yields a change. Nothing is returned as runnable unless every call in the turn is readable and
 * valid: one unknown tool or bad argument refuses the whole set. A turn cut off by the token limit is refused
 * when it tried to call anything; a cut-off plain answer is still an answer (it is not a call attempt).
 * Truncated JSON is never completed: `attempted` then holds the raw partial text, for the report only.
 * Omitted `arguments` mean none; an empty string is refused as empty arguments. The namespace is never
 * filled in here (the executor applies the default). Calls are checked against `tools`, the standard registry
 * unless given.
 */
export function parseCompletion(raw: unknown): ParseResult;
export function parseCompletion<T extends ToolModule>(raw: unknown, tools: ToolRegistry<T>): ParseResult<CallOf<T>>;
export function parseCompletion(raw: unknown, tools: ToolRegistry = standardTools): ParseResult<AnyToolCall> {
  const turn = readCompletion(raw);
  if (turn.kind === 'error') return refused(turn.reason, []);

  const text = turn.content === null ? NO_TEXT : extractTextCalls(turn.content, (name) => tools.has(name));
  // A call written in the text counts only when it is the whole reply; one that only echoes a structured call
  // adds nothing, and call markup mixed with prose is refused below.
  const structuredKeys = new Set(turn.structured.map(callKeyOf));
  const textCalls = text.prose === '' ? text.calls : text.calls.filter((call) => !structuredKeys.has(callKeyOf(call)));
  const found: RawCall[] = [...turn.structured, ...textCalls];
  const attempted = [
    ...found.map((call) => {
      const args = readArguments(call.arguments);
      return { name: call.name, arguments: args.ok ? args.value : call.arguments };
    }),
    ...text.problems.flatMap((problem) => (problem.attempted ? [problem.attempted] : [])),
  ];
  const triedToCall = found.length > 0 || text.problems.length > 0 || turn.malformed.length > 0 || text.sawCallMarker;

  if (turn.stop === 'truncated' && triedToCall) {
    return refused(`the output was cut off (finish_reason: ${turn.finishReason ?? 'length'}) while calling a tool`, attempted);
  }
  if (turn.stop === 'filtered' && triedToCall) {
    return refused(`the output was stopped by a filter (finish_reason: ${turn.finishReason ?? 'content_filter'})`, attempted);
  }
  if (turn.stop === 'malformed_call') {
    return refused(`the provider reported a malformed tool call (finish_reason: ${turn.finishReason ?? ''})`, attempted);
  }
  const problems = [...turn.malformed, ...text.problems.map((problem) => problem.reason)];
  if (problems.length > 0) return refused(problems.join('; '), attempted);
  if (text.prose !== '' && textCalls.length > 0) {
    return refused(`a tool call written in the text must be the whole reply, but prose comes with it: ${quoted(text.prose)}`, attempted);
  }
  if (found.length === 0 && turn.stop === 'tool_calls') {
    return refused(`finish_reason is ${turn.finishReason ?? 'tool_calls'} but no tool call could be read`, attempted);
  }
  if (found.length === 0) return { kind: 'answer', text: text.prose };

  const calls: AnyToolCall[] = [];
  const toolCallIds: (string | undefined)[] = [];
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const call of found) {
    const args = readArguments(call.arguments);
    if (!args.ok) {
      reasons.push(`${call.name}: ${args.reason}`);
      continue;
    }
    const checked = validateToolCall(call.name, args.value, tools);
    if (!checked.ok) {
      reasons.push(checked.reason);
      continue;
    }
    // The same call echoed (structured and as text, or twice) runs once.
    const key = `${checked.call.name}\u0000${canonicalJson(checked.call.arguments)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(checked.call);
    toolCallIds.push(call.id);
  }
  if (reasons.length > 0) return refused(reasons.join('; '), attempted);
  const change = calls.find((call) => !isReadTool(toolOf(tools, call)));
  if (change && saysNoActionNeeded(text.prose)) {
    return refused(`the reply says no action is needed, yet asks for ${change.name}: a change is never taken from such a reply`, attempted);
  }
  return { kind: 'calls', calls, text: text.prose === '' ? null : text.prose, toolCallIds };
}
