import {
  readBareJsonCalls,
  readCallBlocks,
  readMistralCalls,
  readTokenPrefixedCalls,
  readXmlFunctions,
  removeReasoning,
} from './text-format-readers.js';
import { readPythonicCalls } from './pythonic-calls.js';
import { flagUnreadCallMarkup, readDeepSeekCalls, readHarmonyCalls } from './special-token-calls.js';
import { isToolName } from './registry.js';
import { proseOf, TextWorkspace, type TextCall, type TextProblem } from './text-workspace.js';

export type { TextCall, TextProblem } from './text-workspace.js';

export interface TextExtraction {
  /** Calls written into the text, in the order they appear. */
  calls: TextCall[];
  /** Call-like text that could not be read; any one refuses the turn. */
  problems: TextProblem[];
  /** The text without calls, reasoning and special tokens: what the model said to the person. */
  prose: string;
  /** Something in the text started a call (a tag, a marker token, call-shaped JSON). */
  sawCallMarker: boolean;
}

/**
 * Finds the tool calls a model wrote into its text, in every shape we know: Nemotron `<toolcall>`,
 * Llama-Nemotron `<TOOLCALL>[…]</TOOLCALL>`, Hermes/Qwen `<tool_call>`, Qwen3-Coder XML, Llama JSON with or
 * without `<|python_tag|>`, Mistral `[TOOL_CALLS]`, JSON calls in fences or prose, a reply that is only
 * pythonic calls `[name(key=value)]`, DeepSeek and harmony tokens. Call markup it cannot read is a problem,
 * never a plain answer. Reads every block, not
 * only the first. `isKnownTool` names the tools on offer (the standard ones by default).
 */
export function extractTextCalls(content: string, isKnownTool: (name: string) => boolean = isToolName): TextExtraction {
  const ws = new TextWorkspace(content, isKnownTool);
  removeReasoning(ws);
  readCallBlocks(ws);
  readMistralCalls(ws);
  readXmlFunctions(ws);
  readTokenPrefixedCalls(ws);
  readDeepSeekCalls(ws);
  readHarmonyCalls(ws);
  readBareJsonCalls(ws);
  readPythonicCalls(ws);
  flagUnreadCallMarkup(ws);
  return {
    calls: [...ws.calls].sort((a, b) => a.at - b.at),
    problems: [...ws.problems].sort((a, b) => a.at - b.at),
    prose: proseOf(ws.text),
    sawCallMarker: ws.sawCallMarker,
  };
}
