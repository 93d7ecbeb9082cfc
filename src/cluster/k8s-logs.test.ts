import { describe, expect, it } from 'vitest';
import { readLogChunk, retryTailLines, splitLogLines } from './k8s-logs.js';

const lines = (count: number, width = 9) => Array.from({ length: count }, (_, index) => `line ${String(index).padStart(width - 5, '0')}`);
const text = (items: string[]) => items.map((line) => `${line}\n`).join('');

describe('splitLogLines', () => {
  it('splits on newlines without a trailing empty line', () => {
    expect(splitLogLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLogLines('')).toEqual([]);
  });
});

describe('readLogChunk', () => {
  it('is not truncated when fewer lines than asked for came back', () => {
    expect(readLogChunk(text(lines(3)), 5, 1_000_000)).toEqual({ lines: lines(3), truncated: false, cutByBytes: false });
  });

  it('is truncated when the extra line asked for came back, and drops it', () => {
    const chunk = readLogChunk(text(lines(6)), 5, 1_000_000);
    expect(chunk.lines).toEqual(lines(6).slice(1));
    expect(chunk.truncated).toBe(true);
  });

  it('notices a byte-limited answer and drops its half last line', () => {
    const full = text(lines(10));
    const cut = full.slice(0, 25);
    const chunk = readLogChunk(cut, 10, 25);
    expect(chunk.cutByBytes).toBe(true);
    expect(chunk.truncated).toBe(true);
    expect(chunk.lines).toEqual(lines(2));
  });

  it('keeps only the newest lines that fit the byte limit, whatever the server sent', () => {
    const chunk = readLogChunk(text(lines(10)), 10, 1_000);
    expect(chunk.lines).toHaveLength(10);
    const small = readLogChunk(text(lines(3)), 10, 25);
    expect(small.lines).toEqual(lines(3).slice(1));
    expect(small.truncated).toBe(true);
  });
});

describe('retryTailLines', () => {
  it('asks for about as many lines as fit in the limit', () => {
    const chunk = { lines: lines(10), truncated: true, cutByBytes: true };
    // 10 bytes a line with the newline: 80% of 1000 bytes is 80 lines.
    expect(retryTailLines(chunk, 1000)).toBe(80);
  });

  it('asks for at least one line', () => {
    expect(retryTailLines({ lines: ['x'.repeat(5000)], truncated: true, cutByBytes: true }, 100)).toBe(1);
  });
});
