import { describe, expect, it } from 'vitest';
import { parseCompletion, type ParseResult } from './parse.js';

function completion(message: Record<string, unknown>, finishReason: string | null = 'stop'): unknown {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
  };
}

function toolCall(name: string, args: unknown, id = 'call_1'): unknown {
  return { id, type: 'function', function: { name, arguments: args } };
}

function refusal(result: ParseResult): string {
  if (result.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.reason;
}

describe('parseCompletion: structured tool_calls', () => {
  it('returns validated calls with their ids and no text when content is null', () => {
    const raw = completion({ content: null, tool_calls: [toolCall('scale_deployment', '{"name": "web", "replicas": "3"}')] }, 'tool_calls');
    expect(parseCompletion(raw)).toEqual({
      kind: 'calls',
      calls: [{ name: 'scale_deployment', arguments: { name: 'web', replicas: 3 } }],
      text: null,
      toolCallIds: ['call_1'],
    });
  });

  it('keeps the prose the model wrote next to its calls', () => {
    const raw = completion({ content: 'Checking the pods now.', tool_calls: [toolCall('list_pods', { namespace: 'prod' })] });
    expect(parseCompletion(raw)).toMatchObject({ kind: 'calls', text: 'Checking the pods now.' });
  });

  it('counts a call once when it is both structured and echoed in the text', () => {
    const raw = completion(
      {
        content: '<toolcall>{"name": "restart_deployment", "arguments": {"namespace": "prod", "name": "api"}}</toolcall>',
        tool_calls: [toolCall('restart_deployment', '{"name": "api", "namespace": "prod"}', 'call_9')],
      },
      'tool_calls',
    );
    expect(parseCompletion(raw)).toEqual({
      kind: 'calls',
      calls: [{ name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } }],
      text: null,
      toolCallIds: ['call_9'],
    });
  });

  it('refuses the whole set when one call names an unknown tool, and reports what was attempted', () => {
    const raw = completion(
      { content: null, tool_calls: [toolCall('list_pods', '{}', 'a'), toolCall('exec_in_pod', '{"pod": "x", "cmd": "sh"}', 'b')] },
      'tool_calls',
    );
    const result = parseCompletion(raw);
    expect(refusal(result)).toContain('unknown tool "exec_in_pod"');
    expect(result).toMatchObject({
      attempted: [
        { name: 'list_pods', arguments: {} },
        { name: 'exec_in_pod', arguments: { pod: 'x', cmd: 'sh' } },
      ],
    });
  });

  it('refuses a call whose arguments are cut off, even without finish_reason length', () => {
    const raw = completion({ content: null, tool_calls: [toolCall('scale_deployment', '{"name": "web", "replicas": 1')] }, 'tool_calls');
    expect(refusal(parseCompletion(raw))).toContain('cut off');
  });

  it('refuses any call when the output was cut off by the token limit', () => {
    const raw = completion({ content: null, tool_calls: [toolCall('list_nodes', '{}')] }, 'length');
    expect(refusal(parseCompletion(raw))).toContain('finish_reason: length');
  });

  it('refuses when finish_reason says tool_calls but there is no call to read', () => {
    expect(refusal(parseCompletion(completion({ content: null, tool_calls: [] }, 'tool_calls')))).toContain('no tool call');
  });

  it('refuses a tool call entry with no function name', () => {
    const raw = completion({ content: null, tool_calls: [{ id: 'x', type: 'function', function: { arguments: '{}' } }] }, 'tool_calls');
    expect(refusal(parseCompletion(raw))).toContain('without a function name');
  });

  it('reads the legacy function_call field', () => {
    const raw = completion({ content: null, function_call: { name: 'list_nodes', arguments: '{}' } }, 'function_call');
    expect(parseCompletion(raw)).toMatchObject({ kind: 'calls', calls: [{ name: 'list_nodes', arguments: {} }] });
  });
});

describe('parseCompletion: several choices', () => {
  it('reads text and tool calls split across choices as one turn', () => {
    const raw = {
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Looking.' }, finish_reason: 'stop' },
        {
          index: 1,
          message: { role: 'assistant', content: null, tool_calls: [toolCall('list_nodes', '{}')] },
          finish_reason: 'tool_calls',
        },
      ],
    };
    expect(parseCompletion(raw)).toEqual({
      kind: 'calls',
      calls: [{ name: 'list_nodes', arguments: {} }],
      text: 'Looking.',
      toolCallIds: ['call_1'],
    });
  });

  it('refuses when any choice was cut off while a call was attempted', () => {
    const raw = {
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: null, tool_calls: [toolCall('list_nodes', '{}')] },
          finish_reason: 'tool_calls',
        },
        { index: 1, message: { role: 'assistant', content: 'and then' }, finish_reason: 'length' },
      ],
    };
    expect(refusal(parseCompletion(raw))).toContain('finish_reason: length');
  });
});

describe('parseCompletion: plain answers', () => {
  it('returns the text of a plain answer without reasoning or special tokens', () => {
    const raw = completion({ content: '<think>greet back</think>Good morning!<|eot_id|>' });
    expect(parseCompletion(raw)).toEqual({ kind: 'answer', text: 'Good morning!' });
  });

  it('reads content given as a list of text parts', () => {
    const raw = completion({
      content: [
        { type: 'text', text: 'Hello ' },
        { type: 'text', text: 'there' },
      ],
    });
    expect(parseCompletion(raw)).toEqual({ kind: 'answer', text: 'Hello there' });
  });

  it('treats a plain answer cut off by the token limit as an answer, since no call was attempted', () => {
    expect(parseCompletion(completion({ content: 'The pod restarts because' }, 'length'))).toEqual({
      kind: 'answer',
      text: 'The pod restarts because',
    });
  });

  it("returns a model's refusal message as its answer", () => {
    expect(parseCompletion(completion({ content: null, refusal: 'I cannot help with that.' }))).toEqual({
      kind: 'answer',
      text: 'I cannot help with that.',
    });
  });
});

describe('parseCompletion: bodies that are not completions', () => {
  it.each([
    ['an OpenAI error', { error: { message: 'Rate limit reached', type: 'rate_limit', code: 429 } }, 'Rate limit reached'],
    ['a NIM detail', { detail: 'Not found for account' }, 'Not found for account'],
    ['a FastAPI validation detail', { detail: [{ loc: ['body'], msg: 'field required' }] }, 'field required'],
    ['a vLLM error object', { object: 'error', message: 'DEGRADED function cannot be invoked', code: 400 }, 'DEGRADED'],
    ['an Anthropic error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'Overloaded'],
    ['a string error', { error: 'upstream timeout' }, 'upstream timeout'],
    ['a completion with no choices', { id: 'x', object: 'chat.completion', choices: [] }, 'no choices'],
    ['an empty object', {}, 'no choices'],
    ['plain text', 'Bad Gateway', 'not a completion'],
    ['null', null, 'not a completion'],
    ['a Gemini error list', [{ error: { code: 400, message: 'Parallel tool calls are not supported.' } }], 'Parallel tool calls'],
    ['a choice that failed', { choices: [{ index: 0, finish_reason: 'error', error: { message: 'provider died' } }] }, 'provider died'],
  ])('refuses %s with its message', (_label, raw, fragment) => {
    const result = parseCompletion(raw);
    expect(refusal(result)).toContain(fragment);
    expect(result).toMatchObject({ attempted: [] });
  });

  it('reads a completion body that arrives as a JSON string', () => {
    const raw = JSON.stringify(completion({ content: 'hi' }));
    expect(parseCompletion(raw)).toEqual({ kind: 'answer', text: 'hi' });
  });
});

describe('parseCompletion: other provider dialects', () => {
  it('reads an Anthropic message with tool_use blocks and honours its stop reason', () => {
    const body = {
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'toolu_1', name: 'get_pod_logs', input: { pod: 'api-1', tail_lines: 100 } },
      ],
      stop_reason: 'tool_use',
    };
    expect(parseCompletion(body)).toEqual({
      kind: 'calls',
      calls: [{ name: 'get_pod_logs', arguments: { pod: 'api-1', tail_lines: 100 } }],
      text: 'Let me check.',
      toolCallIds: ['toolu_1'],
    });
    expect(refusal(parseCompletion({ ...body, stop_reason: 'max_tokens' }))).toContain('max_tokens');
  });

  it('reads a Gemini generateContent response with a functionCall part', () => {
    const body = {
      candidates: [
        { content: { role: 'model', parts: [{ functionCall: { name: 'list_pods', args: { namespace: 'prod' } } }] }, finishReason: 'STOP' },
      ],
    };
    expect(parseCompletion(body)).toMatchObject({ kind: 'calls', calls: [{ name: 'list_pods', arguments: { namespace: 'prod' } }] });
    const malformed = { candidates: [{ content: { parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL' }] };
    expect(refusal(parseCompletion(malformed))).toContain('malformed');
  });

  it('reads an Ollama /api/chat response', () => {
    const body = {
      model: 'llama3.1',
      message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'list_nodes', arguments: {} } }] },
      done: true,
      done_reason: 'stop',
    };
    expect(parseCompletion(body)).toMatchObject({ kind: 'calls', calls: [{ name: 'list_nodes', arguments: {} }] });
  });
});
