/** Small statistics for benchmark figures. Percentiles are nearest-rank on a sorted copy. */

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** "p50 1.23 ms   p99 4.56 ms   max 7.89 ms   (n=500)" */
export function formatSummary(s: Summary, unit = 'ms', digits = 2): string {
  const f = (v: number) => `${v.toFixed(digits)} ${unit}`;
  return `p50 ${f(s.p50).padStart(11)}   p99 ${f(s.p99).padStart(11)}   max ${f(s.max).padStart(11)}   (n=${s.n})`;
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : 'n/a';
}

/** "met" / "MISSED" against a goal, for the last line of each figure. */
export function verdict(ok: boolean): string {
  return ok ? 'goal met' : 'GOAL MISSED';
}
