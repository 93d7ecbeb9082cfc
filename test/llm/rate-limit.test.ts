import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createModelChain } from '../../src/llm/chain.js';
import { createRateLimiter, rateLimitKey } from '../../src/llm/rate-limit.js';
import { ChainExhaustedError, type ChatRequest } from '../../src/llm/types.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { connectTestRedis, deleteKeysWithPrefix, settingsFor, silentLogger, uniquePrefix } from './helpers.js';

const question: ChatRequest = { messages: [{ role: 'user', content: 'list pods' }] };
const CHILD_SCRIPT = fileURLToPath(new URL('./rate-limit-child.ts', import.meta.url));

let redis: Redis;
let prefix: string;
let nim: FakeOpenAiServer;
let gemini: FakeOpenAiServer;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = uniquePrefix('rate');
  nim = await startFakeOpenAiServer({ models: ['fake-nemotron'] });
  gemini = await startFakeOpenAiServer();
});
afterEach(async () => {
  await Promise.all([nim.close(), gemini.close()]);
  await deleteKeysWithPrefix(redis, prefix);
});

describe('rate limit per provider, in Redis', () => {
  it('admits exactly the limit under 50 concurrent callers split across two processes', async () => {
    const limit = 20;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
      env: {
        ...process.env,
        RATE_TEST_PREFIX: prefix,
        RATE_TEST_BASE_URL: nim.baseUrl,
        RATE_TEST_CALLERS: '25',
        RATE_TEST_LIMIT: String(limit),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const childOutput: string[] = [];
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        childOutput.push(chunk.toString('utf8'));
        if (childOutput.join('').includes('ready\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await ready;

    const chain = createModelChain({
      providers: [settingsFor('nvidia', nim.baseUrl, { limitPerMinute: limit })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    child.stdin.write('go\n');
    child.stdin.end();
    const ours = await Promise.allSettled(Array.from({ length: 25 }, () => chain.complete(['nvidia'], question)));
    expect(await exited).toBe(0);

    const theirs = JSON.parse(childOutput.join('').split('\n').filter(Boolean).at(-1) ?? '{}') as {
      admitted: number;
      limited: number;
      total: number;
    };
    const ourAdmitted = ours.filter((r) => r.status === 'fulfilled').length;
    const ourLimited = ours.filter(
      (r) => r.status === 'rejected' && r.reason instanceof ChainExhaustedError && r.reason.tried[0]?.outcome === 'rate_limited',
    ).length;
    expect(theirs.total).toBe(25);
    expect(ourAdmitted + theirs.admitted).toBe(limit);
    expect(ourLimited + theirs.limited).toBe(50 - limit);
    expect(nim.chatRequests()).toHaveLength(limit);
  }, 30_000);

  it('skips a limited provider at once instead of waiting, and the next provider answers', async () => {
    const chain = createModelChain({
      providers: [settingsFor('nvidia', nim.baseUrl, { limitPerMinute: 1 }), settingsFor('gemini', gemini.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    expect((await chain.complete(['nvidia', 'gemini'], question)).provider).toBe('nvidia');
    const second = await chain.complete(['nvidia', 'gemini'], question);
    expect(second.tried).toEqual([
      { provider: 'nvidia', outcome: 'rate_limited' },
      { provider: 'gemini', outcome: 'ok' },
    ]);
    expect(second.attempts).toBe(1);
    expect(nim.chatRequests()).toHaveLength(1);
  });

  it('frees slots as the 60-second window slides past them', async () => {
    let clock = 1_000_000;
    const chain = createModelChain({
      providers: [settingsFor('nvidia', nim.baseUrl, { limitPerMinute: 2 })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      now: () => clock,
    });
    await chain.complete(['nvidia'], question);
    clock += 30_000;
    await chain.complete(['nvidia'], question);
    await expect(chain.complete(['nvidia'], question)).rejects.toBeInstanceOf(ChainExhaustedError);
    clock += 30_001; // the first request is now older than 60 s; the second is not
    await chain.complete(['nvidia'], question);
    await expect(chain.complete(['nvidia'], question)).rejects.toBeInstanceOf(ChainExhaustedError);
    expect(nim.chatRequests()).toHaveLength(3);
  });

  it('counts every HTTP request against the limit, retries included', async () => {
    nim.respondWith((_b, n) =>
      n === 1 ? { status: 503, json: { error: { message: 'fake busy' } } } : { json: { choices: [{ message: { content: 'ok' } }] } },
    );
    const chain = createModelChain({
      providers: [settingsFor('nvidia', nim.baseUrl, { limitPerMinute: 5 })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    await chain.complete(['nvidia'], question);
    const status = (await chain.snapshot()).find((s) => s.name === 'nvidia');
    expect(status).toMatchObject({ rateLimit: 5, rateRemaining: 3 });
  });

  it('shows no rate window for an unlimited provider', async () => {
    const chain = createModelChain({
      providers: [settingsFor('ollama', nim.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    await chain.complete(['ollama'], question);
    const status = (await chain.snapshot()).find((s) => s.name === 'ollama');
    expect(status).toMatchObject({ rateLimit: null, rateRemaining: null });
    expect(await redis.exists(rateLimitKey(prefix, 'ollama'))).toBe(0);
  });
});

describe('createRateLimiter', () => {
  it('reports what is left and when a refused caller could come back', async () => {
    const limiter = createRateLimiter({ redis, keyPrefix: prefix });
    expect(await limiter.tryAcquire('gemini', 2, 1_000)).toEqual({ admitted: true, remaining: 1, retryInMs: 0 });
    expect(await limiter.tryAcquire('gemini', 2, 2_000)).toEqual({ admitted: true, remaining: 0, retryInMs: 0 });
    expect(await limiter.tryAcquire('gemini', 2, 3_000)).toEqual({ admitted: false, remaining: 0, retryInMs: 58_000 });
    expect(await limiter.remaining('gemini', 2, 3_000)).toBe(0);
    expect(await limiter.remaining('gemini', 2, 61_500)).toBe(1);
  });

  it('expires its key once the window has passed', async () => {
    const limiter = createRateLimiter({ redis, keyPrefix: prefix });
    await limiter.tryAcquire('nvidia', 35, Date.now());
    const ttl = await redis.pttl(rateLimitKey(prefix, 'nvidia'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
