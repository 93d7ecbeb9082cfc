import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import {
  chatCompletion,
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type FakeReply,
} from '../support/fake-openai-server.js';
import { finishedAck } from './answers.js';
import { reportFault } from './fault-report.js';

const FAILING_BUDGET_S = 1;
const FALLBACK_BUDGET_S = 2;
/** Time around the model calls: Telegram round trips, Redis, the queue. */
const SLACK_MS = 1500;
const FALLBACK_TEXT = 'Good morning from the fallback model.';

let harness: Harness | undefined;
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fakeServer(reply: () => FakeReply): Promise<FakeOpenAiServer> {
  const server = await startFakeOpenAiServer();
  server.respondWith(reply);
  servers.push(server);
  return server;
}

const FAULTS: { name: string; says: string; reply: () => FakeReply }[] = [
  { name: '500', says: 'answers 500', reply: () => openAiError(500, 'fake provider: internal error') },
  {
    name: '429',
    says: 'answers 429 with a long Retry-After',
    reply: () => openAiError(429, 'fake provider: rate limit reached', 'rate_limit_error', { 'retry-after': '30' }),
  },
  { name: 'hang', says: 'never answers', reply: () => ({ hangMs: Infinity }) },
];

describe('fault matrix: provider 500, 429 and hang', () => {
  for (const fault of FAULTS) {
    it(`answers a chat message from the fallback within the budgets when the first provider ${fault.says}`, async () => {
      const failing = await fakeServer(fault.reply);
      const fallback = await fakeServer(() => ({ json: chatCompletion({ content: FALLBACK_TEXT, model: 'gemini-2.5-flash' }) }));
      harness = await startHarness({
        role: 'bot',
        env: {
          OLLAMA_BASE_URL: failing.baseUrl,
          OLLAMA_MODEL: 'llama3.2',
          OLLAMA_BUDGET_SECONDS: String(FAILING_BUDGET_S),
          GEMINI_BASE_URL: fallback.baseUrl,
          GEMINI_API_KEY: 'fault-gemini-key',
          GEMINI_BUDGET_SECONDS: String(FALLBACK_BUDGET_S),
        },
      });
      const started = Date.now();
      const reply = await harness.say('good morning!');
      const elapsedMs = Date.now() - started;
      const fromFallback = reply.plainText.includes(FALLBACK_TEXT) && reply.plainText.includes('gemini');
      const tally = reportFault(`provider ${fault.name}`, {
        lost: fromFallback ? 0 : 1,
        duplicated: Math.max(0, harness.emulator.messages(ALICE).length - 1),
      });

      expect(tally).toEqual({ lost: 0, duplicated: 0 });
      expect(failing.chatRequests().length).toBeGreaterThan(0);
      expect(fallback.chatRequests()).toHaveLength(1);
      expect(elapsedMs).toBeLessThan((FAILING_BUDGET_S + FALLBACK_BUDGET_S) * 1000 + SLACK_MS);
    });
  }

  it('answers cluster work from the fallback within the budgets when the tool-calling provider hangs', async () => {
    const nemotron = await fakeServer(() => ({ hangMs: Infinity }));
    const fallback = await fakeServer(() => ({
      json: chatCompletion({ content: 'prod runs api, web and worker.', model: 'gemini-2.5-flash' }),
    }));
    harness = await startHarness({
      env: {
        NVIDIA_BASE_URL: nemotron.baseUrl,
        NVIDIA_API_KEY: 'fault-nvidia-key',
        NVIDIA_BUDGET_SECONDS: String(FAILING_BUDGET_S),
        GEMINI_BASE_URL: fallback.baseUrl,
        GEMINI_API_KEY: 'fault-gemini-key',
        GEMINI_BUDGET_SECONDS: String(FALLBACK_BUDGET_S),
      },
    });
    const h = harness;
    const started = Date.now();
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list pods in prod', languageCode: 'en' });
    const done = await h.emulator.waitFor(() => finishedAck(h, ALICE, messageId), 15_000).catch(() => undefined);
    const elapsedMs = Date.now() - started;
    const tally = reportFault('provider hang (background job)', {
      lost: done?.plainText.includes('prod runs api, web and worker.') ? 0 : 1,
      duplicated: Math.max(0, h.emulator.messages(ALICE).length - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(done?.plainText).toContain('gemini');
    expect(nemotron.chatRequests().length).toBeGreaterThan(0);
    expect(elapsedMs).toBeLessThan((FAILING_BUDGET_S + FALLBACK_BUDGET_S) * 1000 + SLACK_MS);
  });
});
