import { TASK_LABELS, type TaskLabel } from '../../src/routing/tasks.js';

/** Per-label precision and recall, per-language and overall accuracy, and a plain-text table of them. */

export interface ScoredCase {
  text: string;
  lang: string;
  expected: TaskLabel;
  actual: TaskLabel;
  source: string;
  evidence: string[];
}

export interface LabelScore {
  label: TaskLabel;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface AccuracyReport {
  total: number;
  correct: number;
  accuracy: number;
  labels: LabelScore[];
  languages: Array<{ lang: string; total: number; accuracy: number }>;
  mistakes: ScoredCase[];
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

export function scoreCases(cases: readonly ScoredCase[]): AccuracyReport {
  const labels = TASK_LABELS.map((label): LabelScore => {
    const support = cases.filter((c) => c.expected === label).length;
    const predicted = cases.filter((c) => c.actual === label).length;
    const correct = cases.filter((c) => c.expected === label && c.actual === label).length;
    return { label, support, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, support) };
  });
  const languages = [...new Set(cases.map((c) => c.lang))].sort().map((lang) => {
    const mine = cases.filter((c) => c.lang === lang);
    return { lang, total: mine.length, accuracy: ratio(mine.filter((c) => c.expected === c.actual).length, mine.length) };
  });
  const correct = cases.filter((c) => c.expected === c.actual).length;
  return {
    total: cases.length,
    correct,
    accuracy: ratio(correct, cases.length),
    labels,
    languages,
    mistakes: cases.filter((c) => c.expected !== c.actual),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: AccuracyReport): string {
  const lines = [
    `${'label'.padEnd(20)} ${'support'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
    ...report.labels.map(
      (l) => `${l.label.padEnd(20)} ${String(l.support).padStart(7)} ${pct(l.precision).padStart(9)} ${pct(l.recall).padStart(7)}`,
    ),
    `${'overall accuracy'.padEnd(20)} ${String(report.total).padStart(7)} ${''.padStart(9)} ${pct(report.accuracy).padStart(7)}  (${report.correct}/${report.total})`,
    ...report.languages.map(
      (l) => `  ${l.lang.padEnd(18)} ${String(l.total).padStart(7)} ${''.padStart(9)} ${pct(l.accuracy).padStart(7)}`,
    ),
  ];
  for (const m of report.mistakes) {
    lines.push(`  miss ${m.source}: expected ${m.expected}, got ${m.actual}: ${JSON.stringify(m.text)} [${m.evidence.join(', ')}]`);
  }
  return lines.join('\n');
}
