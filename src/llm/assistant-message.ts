import { z } from 'zod';
import type { ChatMessage } from './types.js';

const assistantMessageSchema = z.looseObject({
  content: z.string().nullish(),
  tool_calls: z.array(z.looseObject({ id: z.string() })).nullish(),
});
const bodySchema = z.looseObject({ choices: z.array(z.looseObject({ message: assistantMessageSchema })).min(1) });

/**
 * The assistant turn to append to the history before the next call, built from the raw chat.completion body.
 * Every field the provider sent is kept (Gemini 3 needs `extra_content.google.thought_signature` on its tool
 * calls back), nulls such as `refusal: null` are dropped, and a tool-calling turn gets `content: null` (NIM).
 */
export function assistantMessageForHistory(raw: unknown): ChatMessage {
  const message = bodySchema.parse(raw).choices[0].message; // min(1) above
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(message)) {
    if (value !== null && value !== undefined) kept[field] = value;
  }
  const hasToolCalls = Array.isArray(message.tool_calls) && message.tool_calls.length > 0;
  if (!hasToolCalls) delete kept.tool_calls;
  // The provider's extra fields are not in the SDK's param type; they travel as they came, under its known ones.
  const turn: ChatMessage = {
    ...kept,
    role: 'assistant',
    content: hasToolCalls ? (message.content ? message.content : null) : (message.content ?? ''),
  };
  return turn;
}
