import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { taskLabelSchema } from '../../src/routing/tasks.js';

/** One labeled operator message from test/fixtures/classifier/*.jsonl. */
export const labeledMessageSchema = z.object({
  text: z.string().min(1),
  task: taskLabelSchema,
  lang: z.enum(['zh-TW', 'en', 'mixed']),
  note: z.string().optional(),
});
export type LabeledMessage = z.infer<typeof labeledMessageSchema> & { source: string };

export const CLASSIFIER_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'classifier');

/** Loads every JSON-lines file in the folder; a malformed line fails loudly with its file and line number. */
export function loadLabeledMessages(dir: string = CLASSIFIER_FIXTURE_DIR): LabeledMessage[] {
  const messages: LabeledMessage[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${file}:${index + 1}`;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          throw new Error(`${where}: not JSON`);
        }
        const parsed = labeledMessageSchema.safeParse(json);
        if (!parsed.success) throw new Error(`${where}: ${parsed.error.message}`);
        messages.push({ ...parsed.data, source: where });
      });
  }
  return messages;
}
