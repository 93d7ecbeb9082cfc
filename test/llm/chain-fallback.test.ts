import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createModelChain, type ModelChainDeps } from '../../src/llm/chain.js';
import { ChainCancelledError, ChainExhaustedError, type ChatRequest } from '../../src/llm/types.js';
import { chatCompletion, openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { capturingLogger, connectTestRedis, deleteKeysWithPrefix, settingsFor, silentLogger, uniquePrefix } from './helpers.js';

const question: ChatRequest = { messages: [{ role: 'user', content: '什麼是 HPA?' }] };
const BUDGET_MS = 300;
// Generous room for a loaded CI machine; a correctness bound, not a performance figure.
const SLACK_MS = 1_500;

let redis: Redis;
let prefix: string;
let ollama: FakeOpenAiServer;
let gemini: FakeOpenAiServer;

beforeAll(async () => {
  redis = connectTestRedis();
  // The first call of a process pays for lazy loading in the SDK; on a loaded machine that alone can exceed the
  // 300 ms budgets below, so it is paid here, outside any assertion.
  const warm = await startFakeOpenAiServer({ models: ['warm-up'] });
  warm.respondWith(() => ({ json: chatCompletion({ content: 'warm', model: 'warm-up' }) }));
  const warmPrefix = uniquePrefix('chain-warm');
  await createModelChain({
    providers: [settingsFor('ollama', warm.baseUrl, { budgetMs: 30_000, model: 'warm-up' })],
    redis,
    logger: silentLogger(),
    keyPrefix: warmPrefix,
  }).complete(['ollama'], question);
  await warm.close();
  await deleteKeysWithPrefix(redis, warmPrefix);
});
afterAll(async () => {
  await redis.quit();
});
beforeEach(async () => {
  prefix = uniquePrefix('chain');
  ollama = await startFakeOpenAiServer({ models: ['ollama-fake-model'] });
  gemini = await startFakeOpenAiServer({ models: ['gemini-fake-model'] });
  gemini.respondWith(() => ({ json: chatCompletion({ content: 'from fake Gemini', model: 'gemini-fake-model' }) }));
  ollama.respondWith(() => ({ json: chatCompletion({ content: 'from fake Ollama', model: 'ollama-fake-model' }) }));
});
afterEach(async () => {
  await Promise.all([ollama.close(), gemini.close()]);
  await deleteKeysWithPrefix(redis, prefix);
});

function chain(overrides: Partial<ModelChainDeps> = {}) {
  return createModelChain({
    providers: [
      settingsFor('ollama', ollama.baseUrl, { budgetMs: BUDGET_MS, model: 'ollama-fake-model' }),
      settingsFor('gemini', gemini.baseUrl, { budgetMs: BUDGET_MS * 2, model: 'gemini-fake-model' }),
    ],
    redis,
    logger: silentLogger(),
    keyPrefix: prefix,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

describe('model chain: fallback', () => {
  it('sends a chat message to Ollama and records who answered, with which model, in how many attempts', async () => {
    const answer = await chain().complete(['ollama', 'gemini'], question);
    expect(answer).toMatchObject({
      provider: 'ollama',
      model: 'ollama-fake-model',
      attempts: 1,
      message: { content: 'from fake Ollama' },
      finishReason: 'stop',
      tried: [{ provider: 'ollama', outcome: 'ok' }],
    });
    expect(ollama.chatRequests()).toHaveLength(1);
    expect(ollama.chatRequests()[0]?.body).toMatchObject({ model: 'ollama-fake-model', messages: question.messages });
    expect(gemini.chatRequests()).toHaveLength(0);
  });

  it('passes the raw chat.completion body on exactly as the provider sent it', async () => {
    const body = { ...chatCompletion({ content: 'x' }), system_fingerprint: 'fp_fake', provider_extra: { a: [1, 2] } };
    ollama.respondWith(() => ({ json: body }));
    const answer = await chain().complete(['ollama'], question);
    expect(answer.raw).toEqual(body);
  });

  it('with Ollama answering 500, retries it, then the same message is answered by Gemini', async () => {
    ollama.respondWith(() => openAiError(500, 'fake Ollama is broken'));
    const answer = await chain().complete(['ollama', 'gemini'], question);
    expect(answer.provider).toBe('gemini');
    expect(answer.message.content).toBe('from fake Gemini');
    expect(ollama.chatRequests()).toHaveLength(3);
    expect(answer.attempts).toBe(4);
    expect(answer.tried).toEqual([
      { provider: 'ollama', outcome: 'http_500' },
      { provider: 'gemini', outcome: 'ok' },
    ]);
    expect(gemini.chatRequests()[0]?.body).toMatchObject({ messages: question.messages });
  });

  it('with Ollama hanging, cancels it when its budget runs out and Gemini answers within the budget sum', async () => {
    ollama.respondWith(() => ({ hangMs: Infinity }));
    const started = Date.now();
    const answer = await chain().complete(['ollama', 'gemini'], question);
    const elapsed = Date.now() - started;
    expect(answer.provider).toBe('gemini');
    expect(answer.tried[0]).toEqual({ provider: 'ollama', outcome: 'budget_exceeded' });
    expect(ollama.chatRequests()).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    expect(elapsed).toBeLessThan(BUDGET_MS + SLACK_MS);
  });

  it('counts retries inside the budget: a slow failing Ollama is given up when its budget is spent', async () => {
    ollama.respondWith(() => ({ ...openAiError(503, 'fake overload'), hangMs: 120 }));
    const started = Date.now();
    const answer = await chain({ retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 5 } }).complete(['ollama', 'gemini'], question);
    expect(answer.provider).toBe('gemini');
    expect(ollama.chatRequests().length).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + SLACK_MS);
  });

  it('with Ollama answering 429 and a Retry-After longer than its budget, moves to Gemini without waiting', async () => {
    ollama.respondWith(() => openAiError(429, 'fake rate limit', 'rate_limit_error', { 'retry-after': '30' }));
    const started = Date.now();
    const answer = await chain().complete(['ollama', 'gemini'], question);
    expect(answer.provider).toBe('gemini');
    expect(answer.tried[0]).toEqual({ provider: 'ollama', outcome: 'http_429' });
    expect(ollama.chatRequests()).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + SLACK_MS);
  });

  it('honours a short Retry-After: waits that long and retries the same provider', async () => {
    ollama.respondWith((_body, n) =>
      n === 1
        ? openAiError(429, 'fake rate limit', 'rate_limit_error', { 'retry-after-ms': '40' })
        : { json: chatCompletion({ content: 'second try' }) },
    );
    const waits: number[] = [];
    const answer = await chain({
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).complete(['ollama', 'gemini'], question);
    expect(answer).toMatchObject({ provider: 'ollama', attempts: 2, message: { content: 'second try' } });
    expect(waits).toEqual([40]);
  });

  it('backs off exponentially with jitter between retries', async () => {
    ollama.respondWith(() => openAiError(502, 'fake bad gateway'));
    const waits: number[] = [];
    await chain({
      retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 1_000 },
      random: () => 1,
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).complete(['ollama', 'gemini'], question);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('does not retry a 4xx other than 408 and 429; the next provider answers', async () => {
    ollama.respondWith(() => openAiError(400, 'fake: messages is malformed', 'invalid_request_error'));
    const answer = await chain().complete(['ollama', 'gemini'], question);
    expect(answer.provider).toBe('gemini');
    expect(ollama.chatRequests()).toHaveLength(1);
    expect(answer.tried[0]).toEqual({ provider: 'ollama', outcome: 'http_400' });
  });

  it('retries a 408', async () => {
    ollama.respondWith((_b, n) => (n === 1 ? openAiError(408, 'fake timeout') : { json: chatCompletion({ content: 'ok' }) }));
    const answer = await chain().complete(['ollama'], question);
    expect(answer).toMatchObject({ provider: 'ollama', attempts: 2 });
  });

  it('moves on when a provider answers 200 with something that is not a chat completion', async () => {
    ollama.respondWith(() => ({ text: '<html>fake proxy page</html>' }));
    const answer = await chain().complete(['ollama', 'gemini'], question);
    expect(answer.provider).toBe('gemini');
    expect(answer.tried[0]).toEqual({ provider: 'ollama', outcome: 'invalid_response' });
    expect(ollama.chatRequests()).toHaveLength(1);
  });

  it('treats a refused connection as retryable and then moves on', async () => {
    const deadUrl = await closedPortUrl();
    const c = createModelChain({
      providers: [settingsFor('ollama', deadUrl, { budgetMs: BUDGET_MS }), settingsFor('gemini', gemini.baseUrl)],
      redis,
      logger: silentLogger(),
      keyPrefix: prefix,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
    });
    const answer = await c.complete(['ollama', 'gemini'], question);
    expect(answer.tried[0]).toEqual({ provider: 'ollama', outcome: 'connection_error' });
    expect(answer.attempts).toBe(3);
  });

  it('skips a provider that is not configured', async () => {
    const answer = await chain().complete(['anthropic', 'gemini'], question);
    expect(answer.tried).toEqual([
      { provider: 'anthropic', outcome: 'not_configured' },
      { provider: 'gemini', outcome: 'ok' },
    ]);
  });

  it('throws ChainExhaustedError naming every link when none answers', async () => {
    ollama.respondWith(() => openAiError(500, 'fake down'));
    gemini.respondWith(() => openAiError(401, 'fake: bad key'));
    const error = await chain()
      .complete(['ollama', 'gemini', 'anthropic'], question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainExhaustedError);
    expect((error as ChainExhaustedError).tried).toEqual([
      { provider: 'ollama', outcome: 'http_500' },
      { provider: 'gemini', outcome: 'http_401' },
      { provider: 'anthropic', outcome: 'not_configured' },
    ]);
  });

  it("lets the caller's AbortSignal cancel the call in flight and try nothing further", async () => {
    ollama.respondWith(() => ({ hangMs: Infinity }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await chain({
      providers: [settingsFor('ollama', ollama.baseUrl, { budgetMs: 10_000 }), settingsFor('gemini', gemini.baseUrl)],
    })
      .complete(['ollama', 'gemini'], { ...question, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainCancelledError);
    expect((error as ChainCancelledError).tried).toEqual([{ provider: 'ollama', outcome: 'cancelled' }]);
    expect(gemini.chatRequests()).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('sends nothing when the caller has already cancelled', async () => {
    const error = await chain()
      .complete(['ollama', 'gemini'], { ...question, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainCancelledError);
    expect(ollama.requests).toHaveLength(0);
  });

  it('takes a per-call budget over the configured one', async () => {
    ollama.respondWith(() => ({ hangMs: Infinity }));
    const slowBudgetChain = chain({
      providers: [settingsFor('ollama', ollama.baseUrl, { budgetMs: 60_000 }), settingsFor('gemini', gemini.baseUrl)],
    });
    const started = Date.now();
    const answer = await slowBudgetChain.complete(['ollama', 'gemini'], { ...question, budgetMs: { ollama: 150 } });
    expect(answer.provider).toBe('gemini');
    expect(Date.now() - started).toBeLessThan(150 + SLACK_MS);
  });
});

describe('model chain: NVIDIA NIM quirks', () => {
  it('retries the temporary 400 DEGRADED function', async () => {
    ollama.respondWith((_b, n) =>
      n === 1 ? openAiError(400, "Function 'abc': DEGRADED function cannot be invoked") : { json: chatCompletion({ content: 'ok' }) },
    );
    const c = chain({ providers: [settingsFor('nvidia', ollama.baseUrl, { limitPerMinute: null })] });
    const answer = await c.complete(['nvidia'], question);
    expect(answer).toMatchObject({ provider: 'nvidia', attempts: 2 });
  });

  it('does not retry 404 Not found for account and stops sending to that provider', async () => {
    ollama.respondWith(() => openAiError(404, "Function 'abc': Not found for account 'xyz'"));
    const c = chain({
      providers: [settingsFor('nvidia', ollama.baseUrl, { limitPerMinute: null }), settingsFor('gemini', gemini.baseUrl)],
      breaker: { failureThreshold: 5, cooldownMs: 60_000 },
    });
    const first = await c.complete(['nvidia', 'gemini'], question);
    expect(first.tried[0]).toEqual({ provider: 'nvidia', outcome: 'model_unavailable' });
    const second = await c.complete(['nvidia', 'gemini'], question);
    expect(second.tried[0]).toEqual({ provider: 'nvidia', outcome: 'breaker_open' });
    expect(ollama.chatRequests()).toHaveLength(1);
  });
});

describe('model chain: logs', () => {
  it('writes one line per attempt with provider, model, attempt, outcome and latency, and never the API key', async () => {
    const apiKey = 'sk-fake-secret-0123456789';
    ollama.respondWith(() => openAiError(401, `Incorrect API key provided: ${apiKey}`));
    const { logger, lines } = capturingLogger();
    const c = chain({
      logger,
      providers: [settingsFor('ollama', ollama.baseUrl, { apiKey }), settingsFor('gemini', gemini.baseUrl)],
    });
    await c.complete(['ollama', 'gemini'], question);
    const attempts = lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'model attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ provider: 'ollama', model: 'ollama-fake-model', attempt: 1, outcome: 'http_401', status: 401 });
    expect(attempts[1]).toMatchObject({ provider: 'gemini', attempt: 2, outcome: 'ok' });
    expect(typeof attempts[1]?.latencyMs).toBe('number');
    expect(lines().join('\n')).not.toContain(apiKey);
  });
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
