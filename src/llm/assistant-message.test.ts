import { describe, expect, it } from 'vitest';
import { assistantMessageForHistory } from './assistant-message.js';

function body(message: Record<string, unknown>): unknown {
  return { choices: [{ index: 0, message, finish_reason: 'stop' }] };
}

describe('assistantMessageForHistory', () => {
  it('keeps the thought signature Gemini 3 needs back on the next turn', () => {
    const call = {
      id: 'c1',
      type: 'function',
      function: { name: 'list_pods', arguments: '{}' },
      extra_content: { google: { thought_signature: 'abc=' } },
    };
    expect(assistantMessageForHistory(body({ role: 'assistant', content: null, tool_calls: [call] }))).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [call],
    });
  });

  it('turns "" into null beside tool calls and drops null fields', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'x', arguments: '{}' } };
    const out = assistantMessageForHistory(body({ role: 'assistant', content: '', refusal: null, tool_calls: [call] }));
    expect(out).toEqual({ role: 'assistant', content: null, tool_calls: [call] });
  });

  it('keeps plain text and drops an empty tool_calls list', () => {
    expect(assistantMessageForHistory(body({ role: 'assistant', content: 'done', tool_calls: [] }))).toEqual({
      role: 'assistant',
      content: 'done',
    });
  });

  it('refuses a body without a message', () => {
    expect(() => assistantMessageForHistory({ choices: [] })).toThrow();
  });
});
