import { describe, expect, it } from 'vitest';
import { parseChatCompletionBody } from './chat-completion-body.js';
import { InvalidProviderResponseError } from './provider-errors.js';

describe('parseChatCompletionBody', () => {
  it('reads content, finish reason, model and token counts', () => {
    const parsed = parseChatCompletionBody({
      model: 'm1',
      choices: [{ message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
    });
    expect(parsed).toEqual({
      model: 'm1',
      message: { content: 'hi' },
      finishReason: 'stop',
      promptTokens: 7,
      completionTokens: 2,
    });
  });

  it('keeps tool calls as the provider sent them, extra fields included', () => {
    const call = {
      id: 'c1',
      type: 'function',
      function: { name: 'list_pods', arguments: '{}' },
      extra_content: { google: { thought_signature: 'sig' } },
    };
    const parsed = parseChatCompletionBody({ choices: [{ message: { content: null, tool_calls: [call] }, finish_reason: 'tool_calls' }] });
    expect(parsed.message).toEqual({ content: null, tool_calls: [call] });
  });

  it('counts missing usage as zero tokens', () => {
    const parsed = parseChatCompletionBody({ choices: [{ message: { content: 'x' } }] });
    expect(parsed).toMatchObject({ promptTokens: 0, completionTokens: 0, finishReason: null, model: null });
  });

  it('refuses a body without choices', () => {
    expect(() => parseChatCompletionBody({ choices: [] })).toThrow(InvalidProviderResponseError);
    expect(() => parseChatCompletionBody('<html>')).toThrow(InvalidProviderResponseError);
  });
});
