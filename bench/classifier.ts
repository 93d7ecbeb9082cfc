/**
 * `npm run bench:classifier`: accuracy of the task classifier on the labeled messages (the same table the
 * accuracy test prints) and its latency per message, in microseconds, over many rounds of the whole set.
 */
import { performance } from 'node:perf_hooks';
import { classify } from '../src/routing/classifier.js';
import { loadLabeledMessages } from '../test/routing/classifier-fixtures.js';
import { formatReport, scoreCases } from '../test/routing/classifier-metrics.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP_ROUNDS = 5;

const messages = loadLabeledMessages();
const report = scoreCases(
  messages.map((m) => {
    const { task, evidence } = classify(m.text);
    return { text: m.text, lang: m.lang, expected: m.task, actual: task, source: m.source, evidence };
  }),
);
console.log(`classifier accuracy on ${messages.length} labeled messages`);
console.log(formatReport(report));

for (let r = 0; r < WARMUP_ROUNDS; r++) for (const m of messages) classify(m.text);

const samples = new Float64Array(ROUNDS * messages.length);
let i = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const m of messages) {
    const start = performance.now();
    classify(m.text);
    samples[i++] = (performance.now() - start) * 1000;
  }
}
samples.sort();
const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
const longest = messages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
console.log(
  `\nlatency per message over ${samples.length} calls (${ROUNDS} rounds): ` +
    `mean ${mean.toFixed(1)} µs, p50 ${at(0.5).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs, max ${samples[samples.length - 1].toFixed(1)} µs` +
    ` (longest message: ${longest.text.length} characters)`,
);
