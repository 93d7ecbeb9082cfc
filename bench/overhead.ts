/**
 * The bot's own time around a model call: N sequential calls to a local FAKE OpenAI-compatible server that
 * answers at once, through the raw openai SDK and through the model chain (real Redis for the rate limit and
 * usage counters, pino logging one line per attempt to /dev/null). Prints figures only.
 *   npm run bench:overhead            N=2000
 *   BENCH_N=5000 npm run bench:overhead
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { pino } from 'pino';
import { createModelChain } from '../src/llm/chain.js';
import { withProviderDefaults } from '../src/llm/provider-defaults.js';
import type { ChatMessage } from '../src/llm/types.js';
import { chatCompletion, startFakeOpenAiServer } from '../test/support/fake-openai-server.js';

const N = Number(process.env.BENCH_N ?? 2000);
const WARMUP = 200;
const messages: ChatMessage[] = [
  { role: 'system', content: 'You are a Kubernetes operations assistant.' },
  { role: 'user', content: '什麼是 HPA?' },
];

const reply = chatCompletion({ content: 'HPA scales pods on metrics.', model: 'gemini-2.5-flash' });
const server = await startFakeOpenAiServer({ handler: () => ({ json: reply }) });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keyPrefix = `bench:overhead:${randomUUID()}:`;

const raw = new OpenAI({ baseURL: server.baseUrl, apiKey: 'bench-key', maxRetries: 0 });
const chain = createModelChain({
  providers: [
    withProviderDefaults({
      name: 'gemini',
      baseUrl: server.baseUrl,
      apiKey: 'bench-key',
      model: 'gemini-2.5-flash',
      // High enough never to refuse, so every call runs the Lua script and the usage counters.
      limitPerMinute: 1_000_000,
    }),
  ],
  redis,
  logger: pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true })),
  keyPrefix,
});

async function timeRaw(): Promise<number> {
  const started = performance.now();
  await raw.chat.completions.create({ model: 'gemini-2.5-flash', messages });
  return performance.now() - started;
}

async function timeChain(): Promise<number> {
  const started = performance.now();
  await chain.complete(['gemini'], { messages });
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? Number.NaN;
}

try {
  for (let i = 0; i < WARMUP; i++) {
    await timeRaw();
    await timeChain();
  }
  const rawTimes: number[] = [];
  const chainTimes: number[] = [];
  // Alternate which goes first so drift (GC, CPU frequency) lands on both sides alike.
  for (let i = 0; i < N; i++) {
    if (i % 2 === 0) {
      rawTimes.push(await timeRaw());
      chainTimes.push(await timeChain());
    } else {
      chainTimes.push(await timeChain());
      rawTimes.push(await timeRaw());
    }
  }
  rawTimes.sort((a, b) => a - b);
  chainTimes.sort((a, b) => a - b);
  const row = (label: string, t: number[]) =>
    `${label.padEnd(22)} p50 ${percentile(t, 0.5).toFixed(3)} ms   p99 ${percentile(t, 0.99).toFixed(3)} ms`;
  const diffP50 = percentile(chainTimes, 0.5) - percentile(rawTimes, 0.5);
  const diffP99 = percentile(chainTimes, 0.99) - percentile(rawTimes, 0.99);
  console.log(`model call overhead, N=${N} sequential calls each (after ${WARMUP} warm-up), fake server on 127.0.0.1`);
  console.log(row('raw openai SDK', rawTimes));
  console.log(row('model chain', chainTimes));
  console.log(`chain - raw at p50      ${diffP50.toFixed(3)} ms   (at p99 ${diffP99.toFixed(3)} ms)`);
  console.log(`chain / raw at p50      ${(percentile(chainTimes, 0.5) / percentile(rawTimes, 0.5)).toFixed(2)}x`);
} finally {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  await server.close();
}
