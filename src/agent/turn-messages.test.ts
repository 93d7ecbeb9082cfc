import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../llm/types.js';
import { AGENT_NOTE_PREFIX } from './messages.js';
import { assistantTurnFor, refusedTurnMessages } from './turn-messages.js';

/** A message's content, which for the refusals and notes written here is always plain text. */
function textOf(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content !== 'string') throw new Error(`expected text content, got ${JSON.stringify(content)}`);
  return content;
}

function body(message: Record<string, unknown>): unknown {
  return { choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' }] };
}

const structuredCall = {
  id: 'call_1',
  type: 'function',
  function: { name: 'list_pods', arguments: '{"namespace":"prod"}' },
  extra_content: { google: { thought_signature: 'sig' } },
};

describe('assistant turns kept in the history', () => {
  it("keep the provider's own message (and its thought_signature) when its tool calls are the ones answered", () => {
    const message = assistantTurnFor(body({ content: '', tool_calls: [structuredCall] }), [
      { id: 'call_1', call: { name: 'list_pods', arguments: { namespace: 'prod' } } },
    ]);
    expect(message).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', extra_content: { google: { thought_signature: 'sig' } } }],
    });
  });

  it('become a structured tool_calls message with content null for calls read from text', () => {
    const message = assistantTurnFor(body({ content: '<TOOLCALL>[{"name":"list_pods","arguments":{"namespace":"prod"}}]</TOOLCALL>' }), [
      { id: 'call_agent_1_1', call: { name: 'list_pods', arguments: { namespace: 'prod' } } },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_agent_1_1', type: 'function', function: { name: 'list_pods', arguments: '{"namespace":"prod"}' } }],
    });
  });

  it('answer every structured call of a refused turn with the reason', () => {
    const messages = refusedTurnMessages(body({ content: null, tool_calls: [structuredCall] }), 'list_pods: bad namespace');
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
    const refusal = JSON.parse(textOf(messages[1])) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('invalid_call');
    expect(refusal.error.message).toContain('bad namespace');
  });

  it('follow a refused text reply with a note from the tool runner', () => {
    const messages = refusedTurnMessages(body({ content: '<TOOLCALL>[{"name":"nope"}]</TOOLCALL>' }), 'unknown tool "nope"');
    expect(messages[0]).toEqual({ role: 'assistant', content: '<TOOLCALL>[{"name":"nope"}]</TOOLCALL>' });
    expect(messages[1]?.role).toBe('user');
    expect(textOf(messages[1])).toContain('unknown tool "nope"');
    expect(textOf(messages[1]).startsWith(AGENT_NOTE_PREFIX)).toBe(true);
  });
});
