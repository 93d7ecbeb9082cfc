/**
 * Child process for the cross-process rate-limit test: builds its own chain on the same Redis prefix and fake
 * server, waits for "go" on stdin, fires CALLERS concurrent calls, prints one JSON line with its counts.
 */
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createModelChain } from '../../src/llm/chain.js';
import { withProviderDefaults } from '../../src/llm/provider-defaults.js';
import { ChainExhaustedError } from '../../src/llm/types.js';

const prefix = process.env.RATE_TEST_PREFIX ?? '';
const baseUrl = process.env.RATE_TEST_BASE_URL ?? '';
const callers = Number(process.env.RATE_TEST_CALLERS ?? '0');
const limit = Number(process.env.RATE_TEST_LIMIT ?? '0');

const redis = new Redis('redis://127.0.0.1:6379');
const chain = createModelChain({
  providers: [withProviderDefaults({ name: 'nvidia', baseUrl, model: 'fake-nemotron', apiKey: 'k', limitPerMinute: limit })],
  redis,
  logger: pino({ level: 'silent' }),
  keyPrefix: prefix,
});

await redis.ping();
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === 'go') break;
}
const results = await Promise.allSettled(
  Array.from({ length: callers }, () => chain.complete(['nvidia'], { messages: [{ role: 'user', content: 'hi' }] })),
);
const admitted = results.filter((r) => r.status === 'fulfilled').length;
const limited = results.filter(
  (r) => r.status === 'rejected' && r.reason instanceof ChainExhaustedError && r.reason.tried[0]?.outcome === 'rate_limited',
).length;
process.stdout.write(`${JSON.stringify({ admitted, limited, total: results.length })}\n`);
await redis.quit();
