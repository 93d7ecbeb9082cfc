import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './text-diff.js';

const labels = { before: 'live', after: 'manifest' };

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', labels)).toBe('');
  });

  it('shows a changed line with surrounding context and hunk ranges', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h'].join('\n');
    expect(unifiedDiff(before, after, labels)).toBe(
      ['--- live', '+++ manifest', '@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ''].join('\n'),
    );
  });

  it('shows a new object as all additions', () => {
    expect(unifiedDiff('', 'kind: ConfigMap\nname: x\n', labels)).toBe(
      ['--- live', '+++ manifest', '@@ -0,0 +1,2 @@', '+kind: ConfigMap', '+name: x', ''].join('\n'),
    );
  });

  it('splits distant changes into separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[1] = 'changed 1';
    after[18] = 'changed 18';
    const diff = unifiedDiff(before.join('\n'), after.join('\n'), labels);
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('-line 1\n+changed 1');
    expect(diff).toContain('-line 18\n+changed 18');
  });

  it('shows inserted lines without removing their neighbours', () => {
    const diff = unifiedDiff('a\nb\nc\n', 'a\nb\nnew\nc\n', labels);
    expect(diff).toContain(' b\n+new\n c');
    expect(diff).not.toMatch(/^-(?!-- )/m);
  });
});
