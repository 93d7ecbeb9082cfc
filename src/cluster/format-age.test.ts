import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('formatAge', () => {
  it('shows seconds under two minutes', () => {
    expect(formatAge(0)).toBe('0s');
    expect(formatAge(119 * s)).toBe('119s');
  });

  it('shows minutes and seconds under ten minutes, minutes alone up to three hours', () => {
    expect(formatAge(5 * m + 7 * s)).toBe('5m7s');
    expect(formatAge(6 * m)).toBe('6m');
    expect(formatAge(47 * m + 59 * s)).toBe('47m');
    expect(formatAge(179 * m)).toBe('179m');
  });

  it('shows hours with minutes, then hours, then days with hours, then days', () => {
    expect(formatAge(3 * h + 20 * m)).toBe('3h20m');
    expect(formatAge(20 * h)).toBe('20h');
    expect(formatAge(3 * d + 4 * h)).toBe('3d4h');
    expect(formatAge(34 * d)).toBe('34d');
  });

  it('shows years beyond two years and never a negative age', () => {
    expect(formatAge(3 * 365 * d + 10 * d)).toBe('3y10d');
    expect(formatAge(-5 * s)).toBe('0s');
  });
});
