import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { runTerminalChat } from '../../src/demo/terminal-client.js';
import { resultOf } from './bot-api-call.js';

const CHAT = 3003;
const USER = 3003;

let emulator: BotApiEmulator;
let input: PassThrough;
let output: PassThrough;
let printed: string;
let chat: Promise<void>;

beforeEach(async () => {
  emulator = await startBotApiEmulator();
  input = new PassThrough();
  output = new PassThrough();
  printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  chat = runTerminalChat({ emulator, chatId: CHAT, userId: USER, languageCode: 'en', input, output });
});

afterEach(async () => {
  input.end();
  await chat;
  await emulator.close();
});

const type = (line: string): void => {
  input.write(`${line}\n`);
};

const printedSoon = (text: string): Promise<true> => emulator.waitFor(() => printed.includes(text) || undefined);

const pendingUpdate = <T>(pick: (update: Record<string, unknown>) => T | undefined): Promise<T> =>
  emulator.waitFor(() => {
    for (const { update } of emulator.pendingUpdates()) {
      const found = pick(update as Record<string, unknown>);
      if (found !== undefined) return found;
    }
    return undefined;
  });

const card = {
  inline_keyboard: [
    [
      { text: '✅ Approve', callback_data: 'ap:1' },
      { text: '❌ Reject', callback_data: 'rj:1' },
    ],
  ],
};

describe('the terminal chat client', () => {
  it('greets with its help in English and Traditional Chinese, naming itself an emulator', () => {
    expect(printed).toContain('Telegram Bot API emulator');
    expect(printed).toContain('Type to chat with the bot');
    expect(printed).toContain('輸入文字與機器人對話');
  });

  it('sends a typed line to the bot as the user’s message', async () => {
    type('列出 prod 的 pod');
    const message = await pendingUpdate((update) => update.message as Record<string, unknown> | undefined);
    expect(message).toMatchObject({ text: '列出 prod 的 pod', from: { id: USER, language_code: 'en' }, chat: { id: CHAT } });
  });

  it('prints the bot’s reply as readable text, HTML tags removed and entities decoded', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: '<b>web</b> &amp; <i>api</i> are up', parse_mode: 'HTML' });
    await printedSoon('web & api are up');
    expect(printed).toContain('🤖 #1');
    expect(printed).not.toContain('<b>');
  });

  it('prints buttons numbered, and typing 1 presses the first one', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'Scale web to 5?', reply_markup: card });
    await printedSoon('[1] ✅ Approve  [2] ❌ Reject');
    type('1');
    const press = await pendingUpdate((update) => update.callback_query as Record<string, unknown> | undefined);
    expect(press).toMatchObject({ data: 'ap:1', from: { id: USER }, message: { message_id: 1 } });
  });

  it('presses a button of an older card with /press <message> <n>', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'first card', reply_markup: card });
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'second card', reply_markup: card });
    await printedSoon('second card');
    type('/press 1 2');
    const press = await pendingUpdate((update) => update.callback_query as Record<string, unknown> | undefined);
    expect(press).toMatchObject({ data: 'rj:1', message: { message_id: 1 } });
  });

  it('shows edits marked as edited, and alerts from callback answers', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: '⏳ #job-1', reply_markup: card });
    await printedSoon('⏳ #job-1');
    type('2');
    const press = await pendingUpdate((update) => update.callback_query as { id: string } | undefined);
    await resultOf(emulator.apiRoot, 'answerCallbackQuery', {
      callback_query_id: press.id,
      text: 'Only approvers may decide',
      show_alert: true,
    });
    await resultOf(emulator.apiRoot, 'editMessageText', { chat_id: CHAT, message_id: 1, text: '❌ Rejected' });
    await printedSoon('✎ #1 (edited)');
    expect(printed).toContain('❌ Rejected');
    expect(printed).toContain('⚠ alert: Only approvers may decide');
  });

  it('sends as another user after /as, and with another language_code after /tglang', async () => {
    type('/as 2002');
    type('/tglang zh-hant');
    type('hi');
    const message = await pendingUpdate((update) => update.message as Record<string, unknown> | undefined);
    expect(message).toMatchObject({ text: 'hi', from: { id: 2002, language_code: 'zh-hant' } });
  });

  it('sends a number as text when there is no button to press', async () => {
    type('3');
    const message = await pendingUpdate((update) => update.message as Record<string, unknown> | undefined);
    expect(message).toMatchObject({ text: '3' });
  });

  it('says so when a button number does not exist', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'card', reply_markup: card });
    await printedSoon('[1] ✅ Approve');
    type('7');
    await printedSoon('✗ #1 has buttons 1–2');
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it('keeps /demo-alert to itself and says it needs the demo’s alert receiver', async () => {
    type('/demo-alert');
    await printedSoon('✗ /demo-alert needs the demo (npm run demo)');
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it('ends on /quit', async () => {
    type('/quit');
    await chat;
    type('after quitting');
    expect(emulator.pendingUpdates()).toEqual([]);
  });
});

describe('the terminal chat client in the demo', () => {
  it('fires the sample alert with /demo-alert and prints what the receiver answered', async () => {
    const demoEmulator = await startBotApiEmulator();
    const demoInput = new PassThrough();
    const demoOutput = new PassThrough();
    let text = '';
    demoOutput.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const asked: string[] = [];
    const running = runTerminalChat({
      emulator: demoEmulator,
      chatId: CHAT,
      userId: USER,
      input: demoInput,
      output: demoOutput,
      demoAlert: async (status) => {
        asked.push(status);
        return `→ sent as ${status}`;
      },
    });
    demoInput.write('/demo-alert resolved\n');
    await demoEmulator.waitFor(() => text.includes('→ sent as resolved') || undefined);
    expect(asked).toEqual(['resolved']);
    expect(demoEmulator.pendingUpdates()).toEqual([]);
    demoInput.end();
    await running;
    await demoEmulator.close();
  });
});
