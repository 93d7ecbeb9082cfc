import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatOutput, createTelegramApi } from '../../src/bot/chat-output.js';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { captureLogger } from '../support/log-capture.js';
import { TEST_BOT_TOKEN } from '../support/bot-harness.js';

let emulator: BotApiEmulator;
beforeEach(async () => {
  emulator = await startBotApiEmulator();
});
afterEach(async () => {
  await emulator.close();
});

const CHAT = 501;

function output() {
  const { logger, lines } = captureLogger();
  return { out: createChatOutput(createTelegramApi(TEST_BOT_TOKEN, emulator.apiRoot, logger)), lines };
}

describe('posting to Telegram outside an update', () => {
  it('retries as plain text when Telegram cannot parse the HTML entities', async () => {
    const { out, lines } = output();
    await out.send(CHAT, 'if replicas < 3 then <b>scale</b>');
    const [message] = emulator.messages(CHAT);
    expect(message.parseMode).toBeUndefined();
    expect(message.text).toBe('if replicas < 3 then scale');
    expect(
      emulator
        .calls()
        .filter((c) => c.method === 'sendMessage')
        .map((c) => c.error?.error_code ?? 200),
    ).toEqual([400, 200]);
    expect(lines.some((l) => l.includes('retrying as plain text'))).toBe(true);
  });

  it('splits a message over 4096 characters at line breaks, buttons on the last part', async () => {
    const { out } = output();
    const html = Array.from({ length: 500 }, (_, i) => `<b>line ${i}</b> ${'x'.repeat(10)}`).join('\n');
    const ids = await out.send(CHAT, html, { buttons: [[{ text: 'OK', data: 'l1:en' }]] });
    const messages = emulator.messages(CHAT);
    expect(ids.length).toBeGreaterThan(1);
    expect(messages).toHaveLength(ids.length);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(messages.map((m) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0)).toEqual(ids.map((_, i) => i === ids.length - 1));
    expect(messages.map((m) => m.plainText).join('\n')).toContain('line 499');
  });

  it('treats editing a message to the same content as success, and removes buttons on request', async () => {
    const { out } = output();
    const [id] = await out.send(CHAT, 'card', { buttons: [[{ text: 'Approve', data: 'l1:en' }]] });
    await out.edit(CHAT, id, 'card', { buttons: [[{ text: 'Approve', data: 'l1:en' }]] });
    await out.edit(CHAT, id, 'card, decided');
    const [message] = emulator.messages(CHAT);
    expect(message.text).toBe('card, decided');
    expect(message.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
  });
});
