import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { answerTo } from '../support/approval-helpers.js';
import { ALICE, BOB, CAROL, startHarness, type Harness } from '../support/bot-harness.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';

/**
 * A person (or a script using their account) cannot turn the bot into a model or cluster pump: requests that become
 * work are limited per person per minute across replicas (USER_RATE_LIMIT_PER_MINUTE), with one notice per window;
 * taps, /help and /status stay free. And every request is audited, the sync answers too.
 */
const LIMIT = 3;
let h: Harness;
let model: FakeOpenAiServer;

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  model.respondWith(() => ({ json: chatCompletion({ content: 'Good morning to you too.', model: 'llama-fake' }) }));
  h = await startHarness({
    app: { executor: createSimulatedCluster() },
    env: { OLLAMA_BASE_URL: model.baseUrl, USER_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
  });
});
afterAll(async () => {
  await h.stop();
  await model.close();
});

const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));
const newest = (chatId: number) => Math.max(0, ...h.emulator.messages(chatId).map((m) => m.messageId));
const botTextsAfter = (chatId: number, after: number) =>
  h.emulator
    .messages(chatId)
    .filter((m) => m.messageId > after)
    .map((m) => m.plainText);

describe('per-person request limit', () => {
  it('answers the first requests of a minute, tells the person once when they pass the limit, then stays silent', async () => {
    const start = newest(ALICE);
    for (let i = 0; i < LIMIT; i += 1) {
      const answer = await h.say('good morning!');
      expect(answer.plainText).toContain('Good morning to you too.');
    }
    const limited = await h.say('good morning!');
    expect(limited.plainText).toContain(`You have sent ${LIMIT} requests in the last minute`);
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'good morning again!', languageCode: 'en' });
    await settle();
    expect(botTextsAfter(ALICE, before)).toEqual([]);
    expect(model.chatRequests()).toHaveLength(LIMIT);

    // What is not work stays free: /help, /status, and taps.
    expect((await h.say('/help')).plainText.length).toBeGreaterThan(0);
    expect((await h.say('/status')).plainText.length).toBeGreaterThan(0);
    const lang = await h.say('/lang');
    const data = lang.replyMarkup?.inline_keyboard.flat().find((b) => b.text === 'English')?.callback_data ?? '';
    const press = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: lang.messageId, data });
    expect((await answerTo(h, press.callbackQueryId)).text).toBeUndefined();

    // Someone else is not limited by it.
    expect((await h.say('good morning!', { chatId: BOB, userId: BOB })).plainText).toContain('Good morning to you too.');
    expect(botTextsAfter(ALICE, start).filter((t) => t.includes('You have sent'))).toHaveLength(1);
  });

  it('counts in Redis: a restarted bot (or another replica) still refuses, without a second notice', async () => {
    await h.restart();
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'what is an HPA?', languageCode: 'en' });
    await settle(1000);
    expect(botTextsAfter(ALICE, before)).toEqual([]);
  });

  it('counts /run commands that run something, and only those', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await h.say('/run list_nodes', { chatId: CAROL, userId: CAROL })).plainText).toMatch(/node/i);
    }
    expect((await h.say('/run no_such_tool', { chatId: CAROL, userId: CAROL })).plainText).not.toContain('You have sent');
    expect((await h.say('/run list_nodes', { chatId: CAROL, userId: CAROL })).plainText).toContain(`You have sent ${LIMIT} requests`);
  });
});

describe('the audit trail', () => {
  it('has a request entry for every sync model answer, as for background jobs', async () => {
    const entries = (await h.app.approvals.audit.latest(100)).filter((e) => e.kind === 'request');
    const answered = entries.filter((e) => e.task === 'general_chat' && e.outcome === 'answer');
    expect(answered.map((e) => e.userId).sort()).toEqual([ALICE, ALICE, ALICE, BOB]);
    for (const entry of answered) {
      expect(entry).toMatchObject({ chatId: entry.userId, provider: 'ollama', model: 'llama-fake', tokens: 17 });
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    }
  });
});
