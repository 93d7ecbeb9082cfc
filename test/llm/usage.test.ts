import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createModelChain } from '../../src/llm/chain.js';
import { USAGE_TTL_SECONDS, usageKey } from '../../src/llm/usage.js';
import type { ChatRequest } from '../../src/llm/types.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { connectTestRedis, deleteKeysWithPrefix, settingsFor, silentLogger, uniquePrefix } from './helpers.js';

const question: ChatRequest = { messages: [{ role: 'user', content: 'how much did we spend?' }] };
const DAY = Date.parse('2025-06-01T10:00:00Z');

let redis: Redis;
let prefix: string;
let server: FakeOpenAiServer;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = uniquePrefix('usage');
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
  await deleteKeysWithPrefix(redis, prefix);
});

function replyWithUsage(usages: [number, number][], model: string): void {
  server.respondWith((_b, n) => {
    const [prompt_tokens, completion_tokens] = usages[n - 1] ?? [0, 0];
    return { json: chatCompletion({ content: `answer ${n}`, model, usage: { prompt_tokens, completion_tokens } }) };
  });
}

describe('usage and cost per provider per UTC day', () => {
  it('adds up tokens, requests and cost across calls and shows them in the snapshot', async () => {
    replyWithUsage(
      [
        [1_000, 200],
        [500, 100],
      ],
      'gemini-2.5-flash',
    );
    let clock = DAY;
    const chain = createModelChain({
      providers: [settingsFor('gemini', server.baseUrl, { model: 'gemini-2.5-flash' })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      now: () => clock,
    });
    const first = await chain.complete(['gemini'], question);
    clock += 60_000;
    const second = await chain.complete(['gemini'], question);
    // gemini-2.5-flash: $0.30 in / $2.50 out per 1M tokens
    expect(first.usage).toEqual({ promptTokens: 1_000, completionTokens: 200, costUsd: 0.0008 });
    expect(second.usage).toEqual({ promptTokens: 500, completionTokens: 100, costUsd: 0.0004 });

    const status = (await chain.snapshot()).find((s) => s.name === 'gemini');
    expect(status).toMatchObject({
      configured: true,
      model: 'gemini-2.5-flash',
      tokensToday: { prompt: 1_500, completion: 300 },
      requestsToday: 2,
      priced: true,
    });
    expect(status?.costTodayUsd).toBeCloseTo(0.0012, 10);
    expect(await redis.hgetall(usageKey(prefix, '2025-06-01', 'gemini'))).toEqual({
      prompt_tokens: '1500',
      completion_tokens: '300',
      requests: '2',
      cost_micro_usd: '1200',
    });
  });

  it('starts a new count on a new UTC day', async () => {
    replyWithUsage(
      [
        [10, 1],
        [20, 2],
      ],
      'claude-sonnet-4-5-20250929',
    );
    let clock = Date.parse('2025-06-01T23:59:59Z');
    const chain = createModelChain({
      providers: [settingsFor('anthropic', server.baseUrl, { model: 'claude-sonnet-4-5' })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      now: () => clock,
    });
    await chain.complete(['anthropic'], question);
    clock += 2_000;
    await chain.complete(['anthropic'], question);
    const status = (await chain.snapshot()).find((s) => s.name === 'anthropic');
    expect(status).toMatchObject({ tokensToday: { prompt: 20, completion: 2 }, requestsToday: 1 });
    expect(await redis.hget(usageKey(prefix, '2025-06-01', 'anthropic'), 'prompt_tokens')).toBe('10');
  });

  it('keeps usage keys about eight days', async () => {
    replyWithUsage([[1, 1]], 'x');
    const chain = createModelChain({
      providers: [settingsFor('ollama', server.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      now: () => DAY,
    });
    await chain.complete(['ollama'], question);
    const ttl = await redis.ttl(usageKey(prefix, '2025-06-01', 'ollama'));
    expect(ttl).toBeGreaterThan(USAGE_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(USAGE_TTL_SECONDS);
  });

  it('counts Ollama as free', async () => {
    replyWithUsage([[5_000, 5_000]], 'llama3.1:8b');
    const chain = createModelChain({
      providers: [settingsFor('ollama', server.baseUrl, { model: 'llama3.1:8b' })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    const answer = await chain.complete(['ollama'], question);
    expect(answer.usage.costUsd).toBe(0);
    expect((await chain.snapshot()).find((s) => s.name === 'ollama')).toMatchObject({ priced: true, costTodayUsd: 0 });
  });

  it('counts an unpriced model at zero cost and says it is unpriced', async () => {
    replyWithUsage([[100, 50]], 'claude-future-9');
    const chain = createModelChain({
      providers: [settingsFor('anthropic', server.baseUrl, { model: 'claude-future-9' })],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    const answer = await chain.complete(['anthropic'], question);
    expect(answer.usage).toEqual({ promptTokens: 100, completionTokens: 50, costUsd: 0 });
    expect((await chain.snapshot()).find((s) => s.name === 'anthropic')).toMatchObject({
      priced: false,
      costTodayUsd: 0,
      tokensToday: { prompt: 100, completion: 50 },
    });
  });

  it('lists all four providers in the snapshot, unconfigured ones as such', async () => {
    const chain = createModelChain({
      providers: [settingsFor('ollama', server.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    const snapshot = await chain.snapshot();
    expect(snapshot.map((s) => s.name)).toEqual(['ollama', 'nvidia', 'gemini', 'anthropic']);
    expect(snapshot[1]).toEqual({
      name: 'nvidia',
      configured: false,
      model: null,
      breaker: 'closed',
      lastLatencyMs: null,
      rateRemaining: null,
      rateLimit: null,
      tokensToday: { prompt: 0, completion: 0 },
      costTodayUsd: 0,
      priced: false,
      requestsToday: 0,
    });
  });

  it('records the last latency of a provider that answered', async () => {
    server.respondWith(() => ({ json: chatCompletion({ content: 'slowish' }), hangMs: 60 }));
    const chain = createModelChain({
      providers: [settingsFor('ollama', server.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
    });
    expect((await chain.snapshot())[0]?.lastLatencyMs).toBeNull();
    await chain.complete(['ollama'], question);
    expect((await chain.snapshot())[0]?.lastLatencyMs).toBeGreaterThanOrEqual(55);
  });
});
