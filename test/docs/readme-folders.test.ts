import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const folderTable = readme.slice(readme.indexOf('## Folders'));

describe("README's folder table", () => {
  it('names every folder and top-level file under src/', () => {
    const entries = readdirSync(`${root}src`, { withFileTypes: true })
      .filter((e) => e.isDirectory() || (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')))
      .map((e) => (e.isDirectory() ? `src/${e.name}/` : `src/${e.name}`));
    const missing = entries.filter((entry) => !folderTable.includes(`\`${entry}\``));
    expect(missing).toEqual([]);
  });

  it('names no folder that src/ does not have', () => {
    const named = [...folderTable.matchAll(/`(src\/[a-z-]+\/)`/g)].map((m) => m[1] ?? '');
    const present = new Set(
      readdirSync(`${root}src`, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `src/${e.name}/`),
    );
    expect(named.filter((folder) => !present.has(folder))).toEqual([]);
  });
});
