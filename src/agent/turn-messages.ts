import { z } from 'zod';
import { assistantMessageForHistory } from '../llm/assistant-message.js';
import type { ChatMessage } from '../llm/types.js';
import { agentNote, assistantToolCallMessage, toolMessage, type IdentifiedCall } from './messages.js';
import { errorContent } from './tool-message-content.js';

const rawTurnSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({
          content: z.string().nullish(),
          tool_calls: z.array(z.looseObject({ id: z.unknown(), function: z.looseObject({ arguments: z.unknown() }).optional() })).nullish(),
        }),
      }),
    )
    .min(1),
});

/**
 * The ids of the provider's structured tool calls when they can be sent back as they came (each has a string
 * id and string arguments); null when there are none or one of them cannot.
 */
export function echoableToolCallIds(raw: unknown): string[] | null {
  const parsed = rawTurnSchema.safeParse(raw);
  const calls = parsed.success ? parsed.data.choices[0].message.tool_calls : null; // min(1) above
  if (!calls || calls.length === 0) return null;
  const ids: string[] = [];
  for (const call of calls) {
    if (typeof call.id !== 'string' || call.id === '' || typeof call.function?.arguments !== 'string') return null;
    ids.push(call.id);
  }
  return ids;
}

export function rawContent(raw: unknown): string | null {
  const parsed = rawTurnSchema.safeParse(raw);
  return parsed.success ? (parsed.data.choices[0].message.content ?? null) : null; // min(1) above
}

/**
 * The assistant turn to keep for calls about to be answered. The provider's own message when its tool calls
 * are exactly these (Gemini's thought_signature rides along); otherwise a structured message built from the
 * calls, so calls read from text come back as tool_calls with `content: null`.
 */
export function assistantTurnFor(raw: unknown, calls: readonly IdentifiedCall[]): ChatMessage {
  const ids = echoableToolCallIds(raw);
  const same = ids !== null && ids.length === calls.length && new Set(ids).size === ids.length && calls.every((c) => ids.includes(c.id));
  return same ? assistantMessageForHistory(raw) : assistantToolCallMessage(calls);
}

/**
 * A refused turn, kept so the model sees what it said and why it was refused: each structured call answered
 * with the reason, or, for calls written as text, the text followed by a note.
 */
export function refusedTurnMessages(raw: unknown, reason: string): ChatMessage[] {
  const advice = 'Use only the tools listed, with their exact argument names and types, or answer the person without tools.';
  const ids = echoableToolCallIds(raw);
  if (ids !== null && new Set(ids).size === ids.length) {
    const content = errorContent('invalid_call', `this call was refused: ${reason}. ${advice}`);
    return [assistantMessageForHistory(raw), ...ids.map((id) => toolMessage(id, content))];
  }
  const text = rawContent(raw);
  return [
    { role: 'assistant', content: text === null || text.trim() === '' ? '(no usable reply)' : text },
    agentNote(`your last reply could not be used: ${reason}. ${advice}`),
  ];
}
