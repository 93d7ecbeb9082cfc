import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, chatCompletion } from '../support/fake-openai-server.js';
import { ALICE, BOB, MALLORY, startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('the Telegram front end against the Bot API emulator', () => {
  it('answers /start in Traditional Chinese for a zh-hant client, with the user id and examples', async () => {
    harness = await startHarness({ role: 'bot' });
    const reply = await harness.say('/start', { languageCode: 'zh-hant' });
    expect(reply.plainText).toContain('你的 Telegram 使用者 ID');
    expect(reply.plainText).toContain(String(ALICE));
    expect(reply.plainText).toContain('列出 prod 的 pod');
    expect(reply.parseMode).toBe('HTML');
  });

  it('answers /start in English for an English client', async () => {
    harness = await startHarness({ role: 'bot' });
    const reply = await harness.say('/start', { languageCode: 'en-US' });
    expect(reply.plainText).toContain('Your Telegram user id');
    expect(reply.plainText).toContain('list pods in prod');
  });

  it('answers in the language of the message when Telegram sends no language', async () => {
    harness = await startHarness({ role: 'bot' });
    expect((await harness.say('/help', { languageCode: null })).plainText).toContain('What I can do');
    expect((await harness.say('/start 你好', { languageCode: null })).plainText).toContain('你的 Telegram 使用者 ID');
  });

  it('registers the command menu in English and in Chinese', async () => {
    harness = await startHarness({ role: 'bot' });
    const commands = harness.emulator.commands();
    expect(commands['']?.map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'help', 'lang', 'status']));
    expect(commands['zh']?.find((c) => c.command === 'status')?.description).toBe('機器人目前的狀態');
    expect(harness.emulator.calls().some((c) => c.method === 'deleteWebhook')).toBe(true);
  });

  it('switches language with /lang buttons, and the choice survives a bot restart', async () => {
    harness = await startHarness({ role: 'bot' });
    const menu = await harness.say('/lang', { languageCode: 'en' });
    const zhButton = menu.replyMarkup?.inline_keyboard.flat().find((b) => b.text === '繁體中文');
    expect(zhButton?.callback_data).toBeDefined();
    harness.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: menu.messageId, data: zhButton!.callback_data! });
    await harness.emulator.waitFor(() =>
      harness!.emulator.messages(ALICE).find((m) => m.messageId === menu.messageId && m.plainText.includes('繁體中文回覆')),
    );

    await harness.restart('bot');
    const after = await harness.say('/start', { languageCode: 'en' });
    expect(after.plainText).toContain('你的 Telegram 使用者 ID');
  });

  it('refuses an unknown user once, showing their id and nothing else, and logs the attempt', async () => {
    harness = await startHarness({ role: 'bot' });
    const refusal = await harness.say('/start', { chatId: MALLORY, userId: MALLORY });
    expect(refusal.plainText).toContain(String(MALLORY));
    expect(refusal.plainText).toContain('ALLOWED_USER_IDS');
    expect(refusal.plainText).not.toContain('list pods');

    harness.emulator.sendUserMessage({ chatId: MALLORY, userId: MALLORY, text: 'list pods in prod' });
    // Prove the second update was handled (an allowed user's reply comes after it) and got no answer.
    await harness.say('/status');
    expect(harness.emulator.messages(MALLORY)).toHaveLength(1);
    expect(harness.logs.filter((l) => l.includes('unauthorized user refused'))).toHaveLength(2);
  });

  it('checks each sender in a group chat', async () => {
    harness = await startHarness({ role: 'bot' });
    const group = -100555;
    harness.emulator.sendUserMessage({ chatId: group, userId: MALLORY, text: '/status', chatType: 'supergroup' });
    const refusal = await harness.emulator.waitForBotMessage(group);
    expect(refusal.plainText).toContain(String(MALLORY));
    const known = harness.emulator.messages(group).length;
    harness.emulator.sendUserMessage({ chatId: group, userId: BOB, text: '/status', chatType: 'supergroup', languageCode: 'en' });
    const status = await harness.emulator.waitFor(() => harness!.emulator.messages(group)[known]);
    expect(status.plainText).toContain('Redis: reachable');
  });

  it('answers /status with version, uptime, Redis round trip, polling state and the locale', async () => {
    harness = await startHarness({ role: 'bot' });
    const reply = await harness.say('/status', { languageCode: 'zh-tw' });
    expect(reply.plainText).toMatch(/版本：\d+\.\d+\.\d+/);
    expect(reply.plainText).toMatch(/Redis：連線正常（來回 [\d.]+ 毫秒）/);
    expect(reply.plainText).toContain('正在接收更新');
    expect(reply.plainText).toContain('你的語言：zh-TW');
  });

  it('waits out a Telegram 429 with retry_after and then answers', async () => {
    harness = await startHarness({ role: 'bot' });
    harness.emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const started = Date.now();
    const reply = await harness.say('/help');
    expect(reply.plainText).toContain('What I can do');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const sends = harness.emulator.calls().filter((c) => c.method === 'sendMessage');
    expect(sends.filter((c) => c.error?.error_code === 429)).toHaveLength(1);
  });

  it("serves two chats concurrently while one chat's handler is slow, and keeps each chat in order", async () => {
    const model = await startFakeOpenAiServer();
    model.respondWith(async () => ({ hangMs: 1500, json: chatCompletion({ content: 'Good morning!' }) }));
    harness = await startHarness({ role: 'bot', env: { OLLAMA_BASE_URL: model.baseUrl, OLLAMA_MODEL: 'llama3.2' } });
    try {
      const { emulator } = harness;
      emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'good morning!', languageCode: 'en' });
      emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '/help', languageCode: 'en' });
      await emulator.waitFor(() => model.requests.length > 0);
      const other = await harness.say('/status', { chatId: BOB, userId: BOB });
      expect(other.plainText).toContain('Status');
      // Bob was answered while Alice's model call was still hanging.
      expect(emulator.messages(ALICE)).toHaveLength(0);
      const [first, second] = await emulator.waitFor(() => {
        const m = emulator.messages(ALICE);
        return m.length >= 2 ? m : undefined;
      }, 10_000);
      expect(first.plainText).toContain('Good morning!');
      expect(second.plainText).toContain('What I can do');
    } finally {
      await model.close();
    }
  });
});
