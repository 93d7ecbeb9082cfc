import { describe, expect, it } from 'vitest';
import { normalizeMessages } from './message-normalization.js';
import type { ChatMessage } from './types.js';

const toolCall = { id: 'c1', type: 'function' as const, function: { name: 'list_pods', arguments: '{}' } };

describe('normalizeMessages', () => {
  it('returns the same array when nothing needs changing', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
    ];
    expect(normalizeMessages(messages)).toBe(messages);
  });

  it('sends null content with tool calls, not "" (NVIDIA NIM)', () => {
    const [out] = normalizeMessages([{ role: 'assistant', content: '', tool_calls: [toolCall] }]);
    expect(out).toEqual({ role: 'assistant', content: null, tool_calls: [toolCall] });
  });

  it('joins list-shaped content outside user messages', () => {
    const out = normalizeMessages([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: '{"pods":[]}' }] },
    ]);
    expect(out).toEqual([
      { role: 'system', content: 'ab' },
      { role: 'tool', tool_call_id: 'c1', content: '{"pods":[]}' },
    ]);
  });

  it('keeps fields it does not know about (Gemini thought signatures)', () => {
    const withSignature = { ...toolCall, extra_content: { google: { thought_signature: 'sig' } } };
    // Cast: extra_content is outside the SDK's param type, which is the point of the test.
    const message = { role: 'assistant', content: '', tool_calls: [withSignature] } as ChatMessage;
    const [out] = normalizeMessages([message]);
    expect(out).toMatchObject({ content: null, tool_calls: [withSignature] });
  });
});
