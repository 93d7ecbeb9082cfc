import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompletion } from '../../src/tools/parse.js';

const corpusDir = new URL('../fixtures/tool-calls/', import.meta.url);

/** Every corpus response whose text holds a call the parser accepts when the text is complete. */
function callTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.json'))) {
    const cases = JSON.parse(readFileSync(new URL(file, corpusDir), 'utf8')) as { response: unknown }[];
    for (const { response } of cases) {
      const content = (response as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') continue;
      const whole = parseCompletion({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
      if (whole.kind === 'calls') texts.push(content);
    }
  }
  return texts;
}

function withContent(content: string, finishReason: string): unknown {
  return { choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }] };
}

describe('tool-call parsing safety', () => {
  const texts = callTexts();

  it('finds calls written as text in the corpus to cut up', () => {
    expect(texts.length).toBeGreaterThan(30);
  });

  it('never returns a runnable call from text cut at any character when finish_reason is length', () => {
    const leaks: string[] = [];
    for (const text of texts) {
      for (let end = 0; end <= text.length; end += 1) {
        const result = parseCompletion(withContent(text.slice(0, end), 'length'));
        if (result.kind === 'calls') leaks.push(text.slice(0, end));
      }
    }
    expect(leaks).toEqual([]);
  });

  it('never throws, whatever text a model produces', () => {
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      ':',
      ',',
      ';',
      ' ',
      '\n',
      '\\',
      'name',
      'arguments',
      'list_pods',
      '<toolcall>',
      '</TOOLCALL>',
      '<tool_call>',
      '<function=',
      '<parameter=',
      '[TOOL_CALLS]',
      '[ARGS]',
      '<|python_tag|>',
      '<think>',
      '</think>',
      'true',
      'None',
      '3',
      '```json',
      '(',
      ')',
      '=',
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const failures: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let j = 0; j < length; j += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      const structured = random() < 0.3 ? [{ id: 'c', type: 'function', function: { name: 'list_pods', arguments: text } }] : undefined;
      const body = {
        choices: [{ index: 0, message: { role: 'assistant', content: text, tool_calls: structured }, finish_reason: 'stop' }],
      };
      try {
        const result = parseCompletion(body);
        expect(['calls', 'answer', 'refused']).toContain(result.kind);
      } catch (error) {
        failures.push(`${JSON.stringify(text)}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
