import { describe, expect, it } from 'vitest';
import { AGENT_NOTE_PREFIX } from './agent-messages.js';
import { assistantTurnFor, refusedTurnMessages } from './agent-turn-messages.js';

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
  it('keep the provider\'s own message (and its thought_signature) when its tool calls are the ones answered', () => {
    const message = assistantTurnFor(body({ content: '', tool_calls: [structuredCall] }), [
      { id: 'call_1', call: { name: 'list_pods', arguments: { namespace: 'prod' } } },
    ]);
    expect(message).toMatchObject({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', extra_content: { google: { thought_signature: 'sig' } } }] });
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
    expect(JSON.parse(String(messages[1]!.content))).toMatchObject({ error: { code: 'invalid_call', message: expect.stringContaining('bad namespace') } });
  });

  it('follow a refused text reply with a note from the tool runner', () => {
    const messages = refusedTurnMessages(body({ content: '<TOOLCALL>[{"name":"nope"}]</TOOLCALL>' }), 'unknown tool "nope"');
    expect(messages[0]).toEqual({ role: 'assistant', content: '<TOOLCALL>[{"name":"nope"}]</TOOLCALL>' });
    expect(messages[1]).toMatchObject({ role: 'user', content: expect.stringContaining('unknown tool "nope"') });
    expect(String(messages[1]!.content).startsWith(AGENT_NOTE_PREFIX)).toBe(true);
  });
});
