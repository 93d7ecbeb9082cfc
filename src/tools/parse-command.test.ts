import { describe, expect, it } from 'vitest';
import { runParseToolCallCommand } from './parse-command.js';

async function* linesOf(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

async function run(lines: string[]): Promise<unknown[]> {
  const out: string[] = [];
  await runParseToolCallCommand(linesOf(lines), (line) => out.push(line));
  return out.map((line) => JSON.parse(line) as unknown);
}

const callBody = {
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'list_pods', arguments: '{"namespace":"prod"}' } }],
      },
      finish_reason: 'tool_calls',
    },
  ],
};

describe('runParseToolCallCommand', () => {
  it('writes one line per input: calls, an empty list for a plain answer, an error for a refused call', async () => {
    const answer = { choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' }, finish_reason: 'stop' }] };
    const bad = {
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '<toolcall>{"name": "rm_rf", "arguments": {}}</toolcall>' },
          finish_reason: 'stop',
        },
      ],
    };
    expect(
      await run([JSON.stringify({ response: callBody }), JSON.stringify({ response: answer }), JSON.stringify({ response: bad })]),
    ).toEqual([
      { ok: true, calls: [{ name: 'list_pods', arguments: { namespace: 'prod' } }] },
      { ok: true, calls: [] },
      { ok: false, error: 'unknown tool "rm_rf"' },
    ]);
  });

  it('answers an error body, a line that is not JSON and a line without response with ok:false', async () => {
    const results = await run([JSON.stringify({ response: { error: { message: 'quota' } } }), '{not json', '{"text": "hi"}', '[1]']);
    expect(results).toEqual([
      { ok: false, error: 'provider error: quota' },
      { ok: false, error: 'input line is not JSON' },
      { ok: false, error: 'input line has no "response" field' },
      { ok: false, error: 'input line has no "response" field' },
    ]);
  });

  it('skips blank lines', async () => {
    expect(await run(['', '   ', JSON.stringify({ response: callBody }), '\t'])).toHaveLength(1);
  });

  it('writes each result as soon as its line is read', async () => {
    const written: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slowLines(): AsyncIterable<string> {
      yield JSON.stringify({ response: callBody });
      await gate; // the second line arrives only after the first result has been checked
      yield JSON.stringify({ response: callBody });
    }
    const done = runParseToolCallCommand(slowLines(), (line) => written.push(line));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(1);
    release();
    await done;
    expect(written).toHaveLength(2);
  });
});
