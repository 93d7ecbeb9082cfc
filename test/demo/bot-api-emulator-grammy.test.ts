import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { TEST_TOKEN } from './bot-api-call.js';
import { match } from '../support/matchers.js';

const CHAT = 1001;
const USER = 1001;

let emulator: BotApiEmulator;
let runner: RunnerHandle | undefined;

beforeEach(async () => {
  emulator = await startBotApiEmulator();
});

afterEach(async () => {
  if (runner?.isRunning()) await runner.stop();
  runner = undefined;
  await emulator.close();
});

/** A small bot in the shape of the real one: a command, a card with buttons, a callback that edits the card. */
function createEchoBot(): Bot {
  const bot = new Bot(TEST_TOKEN, { client: { apiRoot: emulator.apiRoot } });
  bot.command('start', (ctx) =>
    ctx.reply(`<b>Hello</b>, ${ctx.from?.language_code ?? '?'}`, {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('✅ Approve', 'ap:1').text('❌ Reject', 'rj:1'),
    }),
  );
  bot.callbackQuery('ap:1', async (ctx) => {
    await ctx.answerCallbackQuery({ text: 'Approved' });
    await ctx.editMessageText('✅ Approved');
  });
  bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return bot;
}

describe('a grammY bot run by @grammyjs/runner against the emulator', () => {
  it('receives commands, replies with buttons, and handles a button press that edits the card', async () => {
    runner = run(createEchoBot());
    emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: '/start', languageCode: 'en' });
    const card = await emulator.waitForBotMessage(CHAT);
    expect(card).toMatchObject({
      plainText: 'Hello, en',
      replyMarkup: { inline_keyboard: [[{ callback_data: 'ap:1' }, { callback_data: 'rj:1' }]] },
    });

    emulator.pressButton({ chatId: CHAT, userId: USER, messageId: card.messageId, data: 'ap:1' });
    const edited = await emulator.waitForBotMessage(CHAT, (message) => message.edits === 1);
    expect(edited.plainText).toBe('✅ Approved');
    expect(emulator.callbackAnswers()).toEqual([expect.objectContaining({ text: 'Approved', messageId: card.messageId })]);
  });

  it('delivers messages from many chats, each answered in its own chat', async () => {
    runner = run(createEchoBot());
    const chats = Array.from({ length: 20 }, (_, n) => 5000 + n);
    for (const chatId of chats) emulator.sendUserMessage({ chatId, userId: chatId, text: `ping ${chatId}` });
    await emulator.waitFor(() => chats.every((chatId) => emulator.messages(chatId).length === 1));
    expect(chats.map((chatId) => emulator.messages(chatId)[0]?.plainText)).toEqual(chats.map((chatId) => `echo: ping ${chatId}`));
  });

  it('lets auto-retry ride out an injected 429 with retry_after', async () => {
    const bot = createEchoBot();
    bot.api.config.use(autoRetry());
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    runner = run(bot);
    emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: 'hi' });
    const reply = await emulator.waitForBotMessage(CHAT);
    expect(reply.plainText).toBe('echo: hi');
    expect(
      emulator
        .calls()
        .filter((call) => call.method === 'sendMessage')
        .map((call) => call.error?.error_code),
    ).toEqual([429, undefined]);
  });

  it('surfaces Telegram’s own errors to grammY as GrammyError with the description', async () => {
    const bot = new Bot(TEST_TOKEN, { client: { apiRoot: emulator.apiRoot } });
    const failure = await bot.api.sendMessage(CHAT, '<b>open', { parse_mode: 'HTML' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GrammyError);
    expect(failure).toMatchObject({ error_code: 400, description: match.stringContaining("can't parse entities") });
  });
});

describe('documents', () => {
  it('takes a file uploaded with sendDocument, keeping its name, its text and the caption', async () => {
    const bot = new Bot(TEST_TOKEN, { client: { apiRoot: emulator.apiRoot } });
    const sent = await bot.api.sendDocument(CHAT, new InputFile(Buffer.from('# Answer\nline 2', 'utf8'), 'answer-1.txt'), {
      caption: '<b>The full answer</b>',
      parse_mode: 'HTML',
    });
    expect(sent.document?.file_name).toBe('answer-1.txt');
    const [message] = emulator.messages(CHAT);
    expect(message?.document).toEqual({ fileName: 'answer-1.txt', size: 15, text: '# Answer\nline 2' });
    expect(message?.plainText).toBe('The full answer');
  });

  it('refuses a document it was not sent (a file id or URL it cannot know)', async () => {
    const bot = new Bot(TEST_TOKEN, { client: { apiRoot: emulator.apiRoot } });
    await expect(bot.api.sendDocument(CHAT, 'some-file-id')).rejects.toThrow(/wrong file identifier/);
    expect(emulator.messages(CHAT)).toHaveLength(0);
  });
});
