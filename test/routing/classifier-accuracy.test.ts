import { describe, expect, it } from 'vitest';
import { classify } from '../../src/routing/classifier.js';
import { TASK_LABELS } from '../../src/routing/tasks.js';
import { loadLabeledMessages } from './classifier-fixtures.js';
import { formatReport, scoreCases } from './classifier-metrics.js';

const messages = loadLabeledMessages();
const report = scoreCases(
  messages.map((m) => {
    const { task, evidence } = classify(m.text);
    return { text: m.text, lang: m.lang, expected: m.task, actual: task, source: m.source, evidence };
  }),
);

describe('the task classifier on the labeled operator messages', () => {
  it('has a labeled set large and varied enough to mean something', () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    for (const label of TASK_LABELS) expect(messages.filter((m) => m.task === label).length).toBeGreaterThanOrEqual(20);
    expect(messages.filter((m) => m.task === 'tool_calling').length).toBeGreaterThanOrEqual(80);
    for (const lang of ['zh-TW', 'en', 'mixed']) expect(messages.filter((m) => m.lang === lang).length).toBeGreaterThanOrEqual(50);
  });

  it('holds each message once', () => {
    const seen = new Set<string>();
    const repeated = messages.filter((m) => {
      const key = m.text.trim().toLowerCase();
      const again = seen.has(key);
      seen.add(key);
      return again;
    });
    expect(repeated.map((m) => m.source)).toEqual([]);
  });

  it('gets at least 95% right overall', () => {
    console.log(`\n${formatReport(report)}`);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the label when greetings, thanks or emoji wrap the message', () => {
    const wraps = [(t: string) => `hey, ${t}`, (t: string) => `${t} thx 🙏`, (t: string) => `麻煩一下，${t}!!`];
    const changed = messages
      .filter((m) => m.task !== 'general_chat')
      .flatMap((m) => wraps.map((wrap) => ({ m, text: wrap(m.text) })))
      .filter(({ m, text }) => classify(text).task !== m.task)
      .map(({ m, text }) => `${m.source} ${text}`);
    expect(changed).toEqual([]);
  });

  it('never misses a request to change the cluster (tool_calling recall is 1.0)', () => {
    const toolCalling = report.labels.find((l) => l.label === 'tool_calling')!;
    const missed = report.mistakes.filter((m) => m.expected === 'tool_calling').map((m) => `${m.source} ${m.text}`);
    expect(missed).toEqual([]);
    expect(toolCalling.recall).toBe(1);
  });
});
