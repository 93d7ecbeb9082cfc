import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const files = ['src', 'test', 'bench'].flatMap(sourceFiles);
/** Markdown documents of the repo by path and by file name (comments often give only the name). */
const repoDocs = new Set(
  ['.', 'docs', 'deploy'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((n) => n.endsWith('.md'))
      .flatMap((n) => [n, relative(root, join(root, dir, n))]),
  ),
);

describe('documents cited in the code', () => {
  it('are documents of this repository', () => {
    const outside: string[] = [];
    for (const file of files) {
      for (const [line, text] of readFileSync(join(root, file), 'utf8').split('\n').entries()) {
        for (const match of text.matchAll(/([A-Za-z0-9_./-]+\.md)\b/g)) {
          const cited = (match[1] ?? '').replace(/^\.\//, '');
          if (!repoDocs.has(cited) && !existsSync(join(root, cited))) outside.push(`${file}:${line + 1} ${cited}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('never point at an issue number, which lives outside the repository', () => {
    const cited = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((text, line) => (/\b[Ii]ssue\s+#?\d/.test(text) ? [`${file}:${line + 1}`] : [])),
    );
    expect(cited).toEqual([]);
  });
});
