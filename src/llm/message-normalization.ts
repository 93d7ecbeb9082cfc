import type { ChatMessage } from './types.js';

/**
 * Shapes messages the way every provider in the chain accepts (pitfalls from NVIDIA NIM, harmless elsewhere):
 * an assistant turn with tool_calls carries `content: null`, not "", and list-shaped content appears only in
 * user messages (other roles get their text parts joined). Messages that need nothing are passed through as
 * they are, unknown fields included (Gemini's thought signatures ride in them).
 */
export function normalizeMessages(messages: ChatMessage[]): ChatMessage[] {
  let changed = false;
  const out = messages.map((message) => {
    const next = normalizeMessage(message);
    if (next !== message) changed = true;
    return next;
  });
  return changed ? out : messages;
}

function normalizeMessage(message: ChatMessage): ChatMessage {
  if (message.role === 'user') return message;
  let next: ChatMessage = message;
  if (Array.isArray(message.content)) {
    const text = message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
    // Cast: every non-user role accepts a plain string as content.
    next = { ...message, content: text };
  }
  if (next.role === 'assistant' && next.tool_calls && next.tool_calls.length > 0 && !next.content) {
    next = { ...next, content: null };
  }
  return next;
}
