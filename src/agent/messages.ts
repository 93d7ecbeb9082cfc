import type { ChatMessage } from '../llm/types.js';
import type { AnyToolCall } from '../tools/tool-registry.js';

/**
 * Notes the agent adds to the conversation (a refused call, the step limit) travel as user messages, because
 * not every provider accepts a system message mid-conversation. The prefix tells them apart from the person,
 * for models and for the offline provider alike.
 */
export const AGENT_NOTE_PREFIX = '[Note from the tool runner, not from the user]';

export function agentNote(text: string): ChatMessage {
  return { role: 'user', content: `${AGENT_NOTE_PREFIX} ${text}` };
}

export function isAgentNote(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(AGENT_NOTE_PREFIX);
}

export function toolMessage(toolCallId: string, content: string): ChatMessage {
  return { role: 'tool', tool_call_id: toolCallId, content };
}

export interface IdentifiedCall {
  id: string;
  call: AnyToolCall;
}

/**
 * A well-formed assistant turn for calls that did not arrive as structured tool_calls (read from the text,
 * or rebuilt): `content: null` with `tool_calls`, as NIM requires, so the tool messages that follow answer it.
 */
export function assistantToolCallMessage(calls: readonly IdentifiedCall[]): ChatMessage {
  return {
    role: 'assistant',
    content: null,
    tool_calls: calls.map(({ id, call }) => ({
      id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    })),
  };
}
