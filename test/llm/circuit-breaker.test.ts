import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createModelChain } from '../../src/llm/chain.js';
import type { ChatRequest } from '../../src/llm/types.js';
import { chatCompletion, openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { connectTestRedis, deleteKeysWithPrefix, settingsFor, silentLogger, uniquePrefix } from './helpers.js';

const question: ChatRequest = { messages: [{ role: 'user', content: 'hello' }] };
const COOLDOWN_MS = 10_000;

let redis: Redis;
let prefix: string;
let ollama: FakeOpenAiServer;
let gemini: FakeOpenAiServer;
let clock: number;

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = uniquePrefix('breaker');
  clock = Date.parse('2025-06-01T00:00:00Z');
  ollama = await startFakeOpenAiServer();
  gemini = await startFakeOpenAiServer();
});
afterEach(async () => {
  await Promise.all([ollama.close(), gemini.close()]);
  await deleteKeysWithPrefix(redis, prefix);
});

function chain() {
  return createModelChain({
    providers: [settingsFor('ollama', ollama.baseUrl, { budgetMs: 2_000 }), settingsFor('gemini', gemini.baseUrl)],
    redis,
    logger: silentLogger(),
    keyPrefix: prefix,
    retry: { maxAttempts: 1 },
    breaker: { failureThreshold: 2, cooldownMs: COOLDOWN_MS },
    now: () => clock,
  });
}

async function breakerOf(c: ReturnType<typeof chain>, name: string) {
  return (await c.snapshot()).find((s) => s.name === name)?.breaker;
}

describe('circuit breaker per provider', () => {
  it('opens after repeated failures and skips the provider during the cool-down, sending it nothing', async () => {
    ollama.respondWith(() => openAiError(500, 'fake down'));
    const c = chain();
    await c.complete(['ollama', 'gemini'], question);
    expect(await breakerOf(c, 'ollama')).toBe('closed');
    await c.complete(['ollama', 'gemini'], question);
    expect(await breakerOf(c, 'ollama')).toBe('open');

    clock += COOLDOWN_MS - 1;
    const during = await c.complete(['ollama', 'gemini'], question);
    expect(during.tried).toEqual([
      { provider: 'ollama', outcome: 'breaker_open' },
      { provider: 'gemini', outcome: 'ok' },
    ]);
    expect(ollama.chatRequests()).toHaveLength(2);
  });

  it('lets one trial through after the cool-down and closes when it succeeds', async () => {
    ollama.respondWith((_b, n) => (n <= 2 ? openAiError(500, 'fake down') : { json: chatCompletion({ content: 'back' }) }));
    const c = chain();
    await c.complete(['ollama', 'gemini'], question);
    await c.complete(['ollama', 'gemini'], question);
    clock += COOLDOWN_MS;
    expect(await breakerOf(c, 'ollama')).toBe('half_open');

    const trial = await c.complete(['ollama', 'gemini'], question);
    expect(trial.provider).toBe('ollama');
    expect(await breakerOf(c, 'ollama')).toBe('closed');
  });

  it('re-opens when the trial fails, for a whole new cool-down', async () => {
    ollama.respondWith(() => openAiError(503, 'fake still down'));
    const c = chain();
    await c.complete(['ollama', 'gemini'], question);
    await c.complete(['ollama', 'gemini'], question);
    clock += COOLDOWN_MS;
    const trial = await c.complete(['ollama', 'gemini'], question);
    expect(trial.tried[0]).toEqual({ provider: 'ollama', outcome: 'http_503' });
    expect(ollama.chatRequests()).toHaveLength(3);
    expect(await breakerOf(c, 'ollama')).toBe('open');

    clock += COOLDOWN_MS - 1;
    await c.complete(['ollama', 'gemini'], question);
    expect(ollama.chatRequests()).toHaveLength(3);
  });

  it('sends only one trial while half-open, even to concurrent callers', async () => {
    ollama.respondWith((_b, n) => (n <= 2 ? openAiError(500, 'fake down') : { json: chatCompletion({ content: 'trial' }), hangMs: 150 }));
    const c = chain();
    await c.complete(['ollama', 'gemini'], question);
    await c.complete(['ollama', 'gemini'], question);
    clock += COOLDOWN_MS;
    const answers = await Promise.all([1, 2, 3].map(() => c.complete(['ollama', 'gemini'], question)));
    expect(answers.map((a) => a.provider).sort()).toEqual(['gemini', 'gemini', 'ollama']);
    expect(ollama.chatRequests()).toHaveLength(3);
  });

  it('does not count a 400 about the request itself toward opening', async () => {
    ollama.respondWith(() => openAiError(400, 'fake: bad request'));
    const c = chain();
    for (let i = 0; i < 3; i++) await c.complete(['ollama', 'gemini'], question);
    expect(await breakerOf(c, 'ollama')).toBe('closed');
    expect(ollama.chatRequests()).toHaveLength(3);
  });

  it('keeps breakers per chain instance (per process), not shared through Redis', async () => {
    ollama.respondWith(() => openAiError(500, 'fake down'));
    const first = chain();
    await first.complete(['ollama', 'gemini'], question);
    await first.complete(['ollama', 'gemini'], question);
    expect(await breakerOf(first, 'ollama')).toBe('open');
    expect(await breakerOf(chain(), 'ollama')).toBe('closed');
  });
});
