/** A line-based unified diff, enough to show an approver what apply_manifest changes. */

type Op = { type: 'same' | 'del' | 'add'; line: string };

// Beyond this many LCS cells the diff degrades to "all removed, all added" to stay cheap.
const MAX_LCS_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffOps(before: string[], after: string[]): Op[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_LCS_CELLS) {
    return [...before.map((line): Op => ({ type: 'del', line })), ...after.map((line): Op => ({ type: 'add', line }))];
  }
  // lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      ops.push({ type: 'same', line: before[i] });
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ops.push({ type: 'del', line: before[i] });
      i += 1;
    } else {
      ops.push({ type: 'add', line: after[j] });
      j += 1;
    }
  }
  while (i < n) ops.push({ type: 'del', line: before[i++] });
  while (j < m) ops.push({ type: 'add', line: after[j++] });
  return ops;
}

function range(start: number, count: number): string {
  // Unified diff convention: an empty range is shown at the line before it.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Unified diff of two texts with `context` unchanged lines around each change.
 * Returns "" when the texts have the same lines.
 */
export function unifiedDiff(before: string, after: string, labels: { before: string; after: string }, context = 3): string {
  const ops = diffOps(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.type === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';

  // Group changes whose context windows touch into one hunk.
  const hunks: Array<{ from: number; to: number }> = [];
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(ops.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last.to + 1) last.to = to;
    else hunks.push({ from, to });
  }

  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  // Line numbers before each op, in the old and new text.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  let o = 1;
  let a = 1;
  for (const op of ops) {
    oldLine.push(o);
    newLine.push(a);
    if (op.type !== 'add') o += 1;
    if (op.type !== 'del') a += 1;
  }
  for (const hunk of hunks) {
    const slice = ops.slice(hunk.from, hunk.to + 1);
    const oldCount = slice.filter((op) => op.type !== 'add').length;
    const newCount = slice.filter((op) => op.type !== 'del').length;
    out.push(`@@ -${range(oldLine[hunk.from], oldCount)} +${range(newLine[hunk.from], newCount)} @@`);
    for (const op of slice) out.push(`${op.type === 'same' ? ' ' : op.type === 'del' ? '-' : '+'}${op.line}`);
  }
  return `${out.join('\n')}\n`;
}
