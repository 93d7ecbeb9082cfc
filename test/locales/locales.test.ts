import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function keysOf(ftl: string): string[] {
  return [...ftl.matchAll(/^([A-Za-z][A-Za-z0-9_-]*)\s*=/gm)].map((m) => m[1]).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const en = keysOf(read('locales/en.ftl'));
const zh = keysOf(read('locales/zh-TW.ftl'));

describe('locale files', () => {
  it('have exactly the same keys in English and Traditional Chinese', () => {
    expect(zh).toEqual(en);
    expect(new Set(en).size).toBe(en.length);
  });

  it('contain every key the code asks for', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const code = read(file);
      for (const m of code.matchAll(/\bt\(\s*(?:[\w.]+,\s*)?'([a-z][a-z0-9-]*)'/g)) {
        if (!en.includes(m[1])) missing.push(`${file}: ${m[1]}`);
      }
      // Keys built from a prefix (`task-${label}`): at least one key must carry that prefix.
      for (const m of code.matchAll(/\bt\(\s*(?:[\w.]+,\s*)?`([a-z][a-z0-9-]*-)\$\{/g)) {
        if (!en.some((k) => k.startsWith(m[1]))) missing.push(`${file}: ${m[1]}*`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('write Traditional Chinese with Taiwan terms, not Simplified characters or mainland terms', () => {
    const zhText = read('locales/zh-TW.ftl');
    for (const word of ['服务器', '配置', '集群', '设置', '信息', '节点', '命令', '软件', '默认', '用户', '文件']) {
      expect(zhText, `found ${word}`).not.toContain(word);
    }
  });
});

describe('user-facing strings', () => {
  // Places allowed to hold Chinese literals: the classifier's and offline reader's vocabularies, model-facing
  // prompts, the demo tools, and the simulated cluster's sample data.
  const allowHan = [
    /^src\/routing\//,
    /^src\/chat\/system-prompt\.ts$/,
    /^src\/demo\//,
    /^src\/cluster\/simulated/,
    /^src\/offline\/(read-request|request-words)\.ts$/,
    /^src\/tools\//,
  ];

  it('are not written in code: no Chinese literals outside vocabularies and prompts', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      const rel = relative(ROOT, join(ROOT, file));
      if (allowHan.some((re) => re.test(rel))) continue;
      const withoutComments = read(file)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      if (/\p{Script=Han}/u.test(withoutComments)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('are not written in code: bot replies, edits and alerts take their text from the locale files', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src/bot')) {
      const code = read(file);
      for (const m of code.matchAll(/\b(reply|editMessageText|answerCallbackQuery|sendMessage)\(\s*(['"`])/g)) {
        offenders.push(`${file}: ${m[1]}(${m[2]}…`);
      }
      for (const m of code.matchAll(/\b(text|description):\s*(['"`])[A-Za-z]/g)) offenders.push(`${file}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
