import { posix } from 'node:path';
import ts from 'typescript';

/** One source file, by its path from the repository root with '/' separators (e.g. src/approvals/flow.ts). */
export interface SourceFile {
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

/** Where a module specifier points: a repository path for a relative one, the package name for a bare one. */
function target(fromFile: string, specifier: string): { kind: 'file'; path: string } | { kind: 'package'; name: string } {
  if (specifier.startsWith('.')) return { kind: 'file', path: posix.normalize(posix.join(posix.dirname(fromFile), specifier)) };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier) };
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/**
 * The import rules of the rooms under src/ (the README's layout): only the bot talks Telegram, and only the
 * composition root and the bot's own role may reach into the bot.
 * - Nothing outside src/bot imports src/bot, except src/app.ts (wires the parts), src/runtime/bot-role.ts
 *   (starts the bot) and src/demo/ (drives the Bot API emulator).
 * - grammY and @grammyjs/* only under src/bot/; BullMQ only under src/jobs/; @kubernetes/client-node only
 *   under src/cluster/.
 * Static, type-only, re-export and dynamic imports all count (the TypeScript pre-processor finds them; text in
 * comments and strings does not).
 */
export function importViolations(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const mayImportBot =
      under(file.path, 'src/bot') || under(file.path, 'src/demo') || file.path === 'src/app.ts' || file.path === 'src/runtime/bot-role.ts';
    for (const { fileName } of ts.preProcessFile(file.text, true, true).importedFiles) {
      const to = target(file.path, fileName);
      const report = (rule: string) => out.push({ file: file.path, imports: fileName, rule });
      if (to.kind === 'file') {
        if (under(to.path, 'src/bot') && !mayImportBot)
          report('only src/bot, src/app.ts, src/runtime/bot-role.ts and src/demo import src/bot');
        continue;
      }
      if ((to.name === 'grammy' || to.name.startsWith('@grammyjs/')) && !under(file.path, 'src/bot'))
        report('grammY is imported only under src/bot');
      if (to.name === 'bullmq' && !under(file.path, 'src/jobs')) report('BullMQ is imported only under src/jobs');
      if (to.name === '@kubernetes/client-node' && !under(file.path, 'src/cluster'))
        report('@kubernetes/client-node is imported only under src/cluster');
    }
  }
  return out;
}
