import { z } from 'zod';
import type { ProviderName } from '../llm/provider-names.js';
import { classify } from './classifier.js';
import { routeTask } from './router.js';

const classifyInputSchema = z.object({ text: z.string() });

/** One output line: the route for a message, or why the input line could not be read. */
function classifyLine(line: string, configured: ReadonlySet<ProviderName>): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'not JSON: expected {"text": "..."}' };
  }
  const input = classifyInputSchema.safeParse(parsed);
  if (!input.success) return { error: 'expected an object with a string "text"' };
  const { task, evidence } = classify(input.data.text);
  const route = routeTask(task, configured);
  return { task, mode: route.mode, chain: route.chain, evidence };
}

/**
 * `npm run --silent cli -- classify`: JSON lines `{"text": ...}` in, one JSON line out per input, written as
 * soon as its line is read. Blank lines are skipped; a bad line yields `{"error": ...}` and the rest go on.
 */
export async function runClassifyCommand(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  configured: ReadonlySet<ProviderName>,
): Promise<void> {
  for await (const line of lines) {
    if (line.trim() === '') continue;
    write(JSON.stringify(classifyLine(line, configured)));
  }
}
