import { z } from 'zod';
import { isAgentNote } from '../agent/messages.js';
import { readToolResultContent, safeJson } from '../agent/tool-message-content.js';

/** What came back for one tool call, as the offline provider reads it from the conversation. */
export type ToolOutcome =
  | { kind: 'result'; value: unknown }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'decision'; status: 'approved' | 'declined' | 'expired' | 'failed'; result: unknown; reason: string | null }
  | { kind: 'unreadable' };

export interface ToolExchange {
  name: string;
  arguments: Record<string, unknown>;
  outcome: ToolOutcome;
}

export interface Transcript {
  /** The person's last request (agent notes are skipped); null when there is none. */
  request: string | null;
  /** Calls made since that request, each with what came back, in order. */
  exchanges: ToolExchange[];
  /** Tool messages in the whole conversation, for fresh call ids. */
  toolMessageCount: number;
}

const textContentSchema = z.union([
  z.string(),
  z
    .array(z.looseObject({ type: z.string(), text: z.string().optional() }))
    .transform((parts) => parts.map((part) => part.text ?? '').join('')),
]);
const toolCallSchema = z.looseObject({
  id: z.string(),
  function: z.looseObject({ name: z.string(), arguments: z.string().optional() }),
});
const messageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('user'), content: textContentSchema }),
  z.looseObject({ role: z.literal('assistant'), tool_calls: z.array(toolCallSchema).nullish() }),
  z.looseObject({ role: z.literal('tool'), tool_call_id: z.string(), content: textContentSchema }),
  z.looseObject({ role: z.enum(['system', 'developer', 'function']) }),
]);
type Message = z.infer<typeof messageSchema>;

function outcomeOf(content: string): ToolOutcome {
  const envelope = readToolResultContent(content);
  if (!envelope) return { kind: 'unreadable' };
  if (envelope.error) return { kind: 'error', code: envelope.error.code, message: envelope.error.message };
  if (envelope.status) {
    return { kind: 'decision', status: envelope.status, result: envelope.result ?? null, reason: envelope.reason ?? null };
  }
  if ('result' in envelope) return { kind: 'result', value: envelope.result };
  return { kind: 'unreadable' };
}

function argumentsOf(text: string | undefined): Record<string, unknown> {
  const value = text === undefined ? {} : safeJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads the conversation the agent sends: the request, and the calls answered since. Unknown messages are skipped. */
export function readTranscript(messages: readonly unknown[]): Transcript {
  const parsed = messages.flatMap((message): Message[] => {
    const result = messageSchema.safeParse(message);
    return result.success ? [result.data] : [];
  });
  let requestIndex = -1;
  parsed.forEach((message, index) => {
    if (message.role === 'user' && !isAgentNote(message.content)) requestIndex = index;
  });
  const requestMessage = parsed[requestIndex];
  const request = requestMessage?.role === 'user' ? requestMessage.content : null;

  const calls = new Map<string, { name: string; arguments: Record<string, unknown> }>();
  const exchanges: ToolExchange[] = [];
  for (const message of parsed.slice(requestIndex + 1)) {
    if (message.role === 'assistant') {
      for (const call of message.tool_calls ?? []) {
        calls.set(call.id, { name: call.function.name, arguments: argumentsOf(call.function.arguments) });
      }
    } else if (message.role === 'tool') {
      const call = calls.get(message.tool_call_id);
      if (call) exchanges.push({ ...call, outcome: outcomeOf(message.content) });
    }
  }
  return { request, exchanges, toolMessageCount: parsed.filter((m) => m.role === 'tool').length };
}
