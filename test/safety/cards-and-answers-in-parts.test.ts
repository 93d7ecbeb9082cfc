import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatOutput, createTelegramApi } from '../../src/bot/chat-output.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { answerTo, cardWhen } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { captureLogger } from '../support/log-capture.js';

/**
 * What the card shows is everything that runs, however long: a card over several messages keeps every part, edits
 * each one in place on a state change (no part is posted again), and carries its buttons on the last part only.
 * A model's answer takes at most four messages; the rest comes as a file.
 */
let h: Harness;
let model: FakeOpenAiServer;
let reply = 'fake reply';

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  model.respondWith(() => ({ json: chatCompletion({ content: reply }) }));
  // The fake plays Ollama (sync answers) and Nemotron (background work).
  h = await startHarness({
    app: { executor: createSimulatedCluster() },
    env: { OLLAMA_BASE_URL: model.baseUrl, NVIDIA_BASE_URL: model.baseUrl, NVIDIA_API_KEY: 'nvapi-test-key-for-parts' },
  });
});
afterAll(async () => {
  await h.stop();
  await model.close();
});

const hasButtons = (m: EmulatedMessage) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0;
const newest = (chatId: number) => Math.max(0, ...h.emulator.allMessages(chatId).map((m) => m.messageId));

/** A ConfigMap whose data alone is longer than two Telegram messages. */
function bigManifest(): string {
  const data = Array.from({ length: 120 }, (_, i) => `  key-${i}: "${'v'.repeat(60)}"`).join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-settings\n  namespace: prod\ndata:\n${data}\n`;
}

describe('an approval card over several messages', () => {
  it('puts the buttons on its last part only, and edits every part in place when it is decided', async () => {
    const before = newest(ALICE);
    const proposed = await h.app.approvals.flow.propose({
      call: { name: 'apply_manifest', arguments: { manifest: bigManifest(), namespace: 'prod' } },
      risk: 'critical',
      requesterId: ALICE,
      requesterName: 'Alice',
      chatId: ALICE,
      locale: 'en',
    });
    if (proposed.kind !== 'card') throw new Error(`expected a card, got ${proposed.kind}`);
    const parts = h.emulator.messages(ALICE).filter((m) => m.messageId > before);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map(hasButtons)).toEqual(parts.map((_, i) => i === parts.length - 1));
    expect(proposed.record.cardMessageIds).toEqual(parts.map((m) => m.messageId));
    // Every value that will run is on the card, across its parts.
    expect(parts.map((m) => m.plainText).join('\n')).toContain('key-119');

    const last = parts.at(-1) as EmulatedMessage;
    const data = last.replyMarkup?.inline_keyboard[0]?.[1]?.callback_data ?? '';
    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: last.messageId, data });
    await answerTo(h, press.callbackQueryId);
    await cardWhen(h, ALICE, last.messageId, /Rejected by/);

    const after = h.emulator.messages(ALICE).filter((m) => m.messageId > before && !m.plainText.startsWith('Why?'));
    // The same messages, each edited (the buttons gone), and no part posted a second time.
    expect(after.map((m) => m.messageId)).toEqual(parts.map((m) => m.messageId));
    expect(after.some(hasButtons)).toBe(false);
    expect(after.at(-1)?.edits).toBeGreaterThan(0);
    const record = await h.app.approvals.store.get(proposed.record.id);
    expect(record?.state).toBe('rejected');
    expect(record?.cardMessageIds).toEqual(parts.map((m) => m.messageId));
  });

  it('edits parts a shorter text no longer needs to a "continued above" line, and sends the parts a longer one needs after', async () => {
    const { logger } = captureLogger();
    const output = createChatOutput(createTelegramApi(TEST_BOT_TOKEN, h.emulator.apiRoot, logger));
    const chat = 4242;
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    const buttons = [[{ text: 'OK', data: 'x' }]];
    const ids = await output.send(chat, long, { buttons });
    expect(ids.length).toBeGreaterThan(2);

    const shorter = await output.edit(chat, ids, 'short now', { buttons, spare: '(continued above)' });
    expect(shorter).toEqual(ids);
    const shown = h.emulator.messages(chat);
    expect(shown.map((m) => m.plainText)).toEqual(['short now', ...ids.slice(1).map(() => '(continued above)')]);
    expect(shown.map(hasButtons)).toEqual(ids.map((_, i) => i === 0));

    const longer = `${long}\n${long}`;
    const grown = await output.edit(chat, shorter, longer, { buttons });
    expect(grown.slice(0, ids.length)).toEqual(ids);
    expect(grown.length).toBeGreaterThan(ids.length);
    const all = h.emulator.messages(chat);
    expect(all.map((m) => m.messageId)).toEqual(grown);
    expect(all.map(hasButtons)).toEqual(grown.map((_, i) => i === grown.length - 1));
    expect(all.map((m) => m.plainText).join('\n')).toContain('line 399');
  });
});

describe('a model answer', () => {
  const longAnswer = () =>
    Array.from({ length: 1500 }, (_, i) => `Paragraph ${i}: ${'the quick brown fox jumps over the lazy dog '.repeat(2)}`).join('\n');

  function answerMessages(chatId: number, after: number) {
    return h.emulator.messages(chatId).filter((m) => m.messageId > after);
  }

  it('sent at once takes at most four messages, ends with a truncation line and its footer, and comes whole as a file', async () => {
    reply = longAnswer();
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'good morning!', languageCode: 'en' });
    const file = await h.emulator.waitFor(() => answerMessages(ALICE, before).find((m) => m.document), 20_000);
    const texts = answerMessages(ALICE, before).filter((m) => !m.document);
    expect(texts).toHaveLength(4);
    const last = texts.at(-1)?.plainText ?? '';
    expect(last).toContain('…truncated; the full text is in the attached file.');
    expect(last).toMatch(/— ollama · /);
    expect(file.document?.text).toBe(reply.trim());
    expect(file.document?.fileName).toMatch(/^answer-.*\.txt$/);
    expect(file.replyToMessageId).toBe(texts[0]?.messageId);
  });

  it('from a background job takes at most four messages (the ack and three more) and comes whole as a file', async () => {
    reply = longAnswer();
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list the pods in prod', languageCode: 'en' });
    const file = await h.emulator.waitFor(() => answerMessages(ALICE, before).find((m) => m.document), 20_000);
    const texts = answerMessages(ALICE, before).filter((m) => !m.document);
    expect(texts).toHaveLength(4);
    expect(texts[0]?.plainText).toMatch(/^✅ #/);
    expect(texts.at(-1)?.plainText).toContain('…truncated; the full text is in the attached file.');
    expect(file.document?.text).toBe(reply.trim());
  });

  it('that fits in four messages is sent whole, without a file', async () => {
    reply = longAnswer().slice(0, 9000);
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'thanks!', languageCode: 'en' });
    await h.emulator.waitFor(() => answerMessages(ALICE, before).find((m) => /— ollama · /.test(m.plainText)), 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const messages = answerMessages(ALICE, before);
    expect(messages.some((m) => m.document)).toBe(false);
    expect(messages.length).toBeLessThanOrEqual(4);
    expect(messages.map((m) => m.plainText).join('')).not.toContain('truncated');
  });
});
