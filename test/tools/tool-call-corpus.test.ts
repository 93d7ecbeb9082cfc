import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runParseToolCallCommand } from '../../src/tools/parse-command.js';

const corpusDir = new URL('../fixtures/tool-calls/', import.meta.url);

const expectSchema = z.union([
  z.strictObject({
    ok: z.literal(true),
    calls: z.array(z.strictObject({ name: z.string(), arguments: z.record(z.string(), z.unknown()) })),
  }),
  z.strictObject({ ok: z.literal(false), errorIncludes: z.string().optional() }),
]);
const caseSchema = z.strictObject({
  name: z.string().min(1),
  shape: z.string().min(1),
  response: z.unknown(),
  expect: expectSchema,
  /** Why an expectation changed, or what a newer case pins down. */
  note: z.string().min(1).optional(),
});
type CorpusCase = z.infer<typeof caseSchema> & { file: string };

function loadCorpus(): CorpusCase[] {
  return readdirSync(corpusDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const cases = z.array(caseSchema).parse(JSON.parse(readFileSync(new URL(file, corpusDir), 'utf8')));
      return cases.map((c) => ({ ...c, file }));
    });
}

async function* asLines(cases: CorpusCase[]): AsyncIterable<string> {
  for (const c of cases) yield JSON.stringify({ response: c.response });
}

const corpus = loadCorpus();

describe('the tool-call corpus (test/fixtures/tool-calls)', () => {
  it('holds at least 80 raw responses with unique names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('covers every shape the parser reads, and refusals of each kind', () => {
    const shapes = new Set(corpus.map((c) => c.shape));
    const required = [
      'structured-string',
      'structured-object',
      'structured-double-encoded',
      'structured-fenced',
      'structured-trailing-comma',
      'structured-single-quotes',
      'structured-apostrophe',
      'nemotron-mini-toolcall',
      'nemotron-mini-toolcall-array',
      'llama-nemotron-TOOLCALL',
      'llama-nemotron-after-think',
      'llama-nemotron-closing-only',
      'hermes-tool_call',
      'qwen3-coder-xml',
      'llama-json',
      'llama-python-tag',
      'llama-semicolon',
      'mistral-list',
      'mistral-args',
      'fenced-json',
      'dedupe',
      'coercion',
      'answer',
      'answer-truncated',
      'anthropic-stop-reason',
      'error-body',
      'no-choices',
      'bad-unknown-tool',
      'bad-missing-required',
      'bad-out-of-bounds',
      'bad-wrong-type',
      'bad-k8s-name',
      'bad-extra-key',
      'bad-truncated',
      'bad-empty-arguments',
      'bad-garbage-arguments',
      'prose-quoted-json',
      'markup-with-prose',
      'whole-reply-after-think',
      'structured-no-action',
    ];
    expect(required.filter((shape) => !shapes.has(shape))).toEqual([]);
  });

  it('gives the expected result for every response, streamed through the parse-tool-call command', async () => {
    const outputs: string[] = [];
    await runParseToolCallCommand(asLines(corpus), (line) => outputs.push(line));
    expect(outputs).toHaveLength(corpus.length);

    const mismatches = corpus.flatMap((c, i) => {
      const actual = JSON.parse(outputs[i] ?? 'null') as { ok: boolean; calls?: unknown; error?: string };
      const expected = c.expect;
      const matches = expected.ok
        ? actual.ok && isDeepStrictEqual(actual.calls, expected.calls)
        : !actual.ok &&
          typeof actual.error === 'string' &&
          actual.error.length > 0 &&
          (expected.errorIncludes === undefined || actual.error.includes(expected.errorIncludes));
      return matches ? [] : [{ case: `${c.file}: ${c.name}`, expected, actual }];
    });
    expect(mismatches).toEqual([]);
  });
});
