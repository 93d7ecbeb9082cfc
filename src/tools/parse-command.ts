import { z } from 'zod';
import { parseCompletion } from './parse.js';

export type ParseCommandOutput = { ok: true; calls: { name: string; arguments: unknown }[] } | { ok: false; error: string };

const inputLineSchema = z.looseObject({ response: z.unknown() });

/** One input line of `parse-tool-call` to its output object. */
export function parseToolCallLine(line: string): ParseCommandOutput {
  let input: unknown;
  try {
    input = JSON.parse(line) as unknown;
  } catch {
    return { ok: false, error: 'input line is not JSON' };
  }
  const parsed = inputLineSchema.safeParse(input);
  if (!parsed.success || !Object.hasOwn(parsed.data, 'response')) {
    return { ok: false, error: 'input line has no "response" field' };
  }
  const result = parseCompletion(parsed.data.response);
  switch (result.kind) {
    case 'calls':
      return { ok: true, calls: result.calls.map((call) => ({ name: call.name, arguments: call.arguments })) };
    case 'answer':
      return { ok: true, calls: [] };
    case 'refused':
      return { ok: false, error: result.reason };
  }
}

/**
 * The CLI's `parse-tool-call`: JSON lines `{"response": <raw completion body>}` in, one JSON line out per
 * input, written as soon as its line is read. Blank lines are skipped.
 */
export async function runParseToolCallCommand(lines: AsyncIterable<string>, write: (line: string) => void): Promise<void> {
  for await (const line of lines) {
    if (line.trim() === '') continue;
    write(JSON.stringify(parseToolCallLine(line)));
  }
}
