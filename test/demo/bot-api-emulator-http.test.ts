import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { TEST_TOKEN, callBotApi, resultOf } from './bot-api-call.js';
import { match } from '../support/matchers.js';

const CHAT = 4242;
const USER = 4242;

let emulator: BotApiEmulator;

beforeEach(async () => {
  emulator = await startBotApiEmulator();
});

afterEach(async () => {
  await emulator.close();
});

const approveKeyboard = (data = 'ap:1') => ({
  inline_keyboard: [
    [
      { text: '✅ Approve', callback_data: data },
      { text: '❌ Reject', callback_data: 'rj:1' },
    ],
  ],
});

describe('the Bot API emulator over HTTP', () => {
  it('listens on 127.0.0.1 and answers getMe with the emulated bot, whose id is the token’s prefix', async () => {
    expect(emulator.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await resultOf(emulator.apiRoot, 'getMe')).toMatchObject({
      id: 123456,
      is_bot: true,
      username: 'chatops_emulator_bot',
    });
  });

  it('answers a waiting getUpdates as soon as a user message is injected', async () => {
    // Long poll for 30 s but give up after 5 s: only a prompt answer passes.
    const waiting = callBotApi(emulator.apiRoot, 'getUpdates', { timeout: 30 }, { signal: AbortSignal.timeout(5_000) });
    await emulator.waitFor(() => emulator.calls().some((call) => call.method === 'getUpdates'));
    const { updateId, messageId } = emulator.sendUserMessage({
      chatId: CHAT,
      userId: USER,
      text: '/status now',
      languageCode: 'zh-hant',
      firstName: 'Mei',
    });
    const { body } = await waiting;
    expect(body).toEqual({
      ok: true,
      result: [
        {
          update_id: updateId,
          message: match.objectContaining({
            message_id: messageId,
            text: '/status now',
            from: { id: USER, is_bot: false, first_name: 'Mei', language_code: 'zh-hant' },
            chat: { id: CHAT, type: 'private', first_name: 'Mei' },
            entities: [{ type: 'bot_command', offset: 0, length: 7 }],
          }),
        },
      ],
    });
  });

  it('drops the updates before the offset and keeps the rest', async () => {
    const first = emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: 'one' });
    const second = emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: 'two' });
    const all = await resultOf(emulator.apiRoot, 'getUpdates', { offset: 0 });
    expect(all).toHaveLength(2);
    const rest = await resultOf(emulator.apiRoot, 'getUpdates', { offset: first.updateId + 1 });
    expect(rest).toEqual([expect.objectContaining({ update_id: second.updateId })]);
    expect(await resultOf(emulator.apiRoot, 'getUpdates', { offset: second.updateId + 1 })).toEqual([]);
    expect(emulator.pendingUpdates()).toEqual([]);
  });

  it('ends the waiting getUpdates with 409 Conflict when a second poller starts, like Telegram', async () => {
    const older = callBotApi(emulator.apiRoot, 'getUpdates', { timeout: 30 }, { signal: AbortSignal.timeout(5_000) });
    await emulator.waitFor(() => emulator.calls().filter((call) => call.method === 'getUpdates').length === 1);
    const newer = callBotApi(emulator.apiRoot, 'getUpdates', { timeout: 30 }, { signal: AbortSignal.timeout(5_000) });
    expect(await older).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
    emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: 'hello' });
    const { body } = await newer;
    expect(body.ok && body.result).toHaveLength(1);
  });

  it('refuses a message longer than 4096 characters, counting the text after HTML parsing', async () => {
    const tooLong = await callBotApi(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'a'.repeat(4097) });
    expect(tooLong).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: message is too long' },
    });
    const atLimit = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: `<b>${'a'.repeat(4096)}</b>`,
      parse_mode: 'HTML',
    });
    expect(atLimit.status).toBe(200);
  });

  it('refuses HTML Telegram cannot parse with 400 "can\'t parse entities"', async () => {
    const unknownTag = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: '<p>pods</p>',
      parse_mode: 'HTML',
    });
    expect(unknownTag.body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 0',
    });
    const unbalanced = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: '<b>web is down',
      parse_mode: 'HTML',
    });
    expect(unbalanced.body).toMatchObject({
      error_code: 400,
      description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    });
    expect(emulator.messages(CHAT)).toEqual([]);
  });

  it('keeps a sent HTML message with its source, its plain text, its entities and its buttons', async () => {
    const sent = await resultOf(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: '<b>Scale</b> web &amp; api?',
      parse_mode: 'HTML',
      reply_markup: approveKeyboard(),
    });
    expect(sent).toMatchObject({ text: 'Scale web & api?', entities: [{ type: 'bold', offset: 0, length: 5 }] });
    expect(emulator.messages(CHAT)).toEqual([
      expect.objectContaining({
        messageId: 1,
        text: '<b>Scale</b> web &amp; api?',
        plainText: 'Scale web & api?',
        parseMode: 'HTML',
        replyMarkup: approveKeyboard(),
        edits: 0,
        fromBot: true,
      }),
    ]);
  });

  it('numbers messages per chat, user and bot messages alike', async () => {
    const fromUser = emulator.sendUserMessage({ chatId: CHAT, userId: USER, text: 'hi' });
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'hello', reply_parameters: { message_id: fromUser.messageId } });
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: 777, text: 'elsewhere' });
    expect(emulator.allMessages(CHAT).map((message) => [message.messageId, message.fromBot])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(emulator.messages(CHAT)[0]?.replyToMessageId).toBe(1);
    expect(emulator.messages(777)[0]?.messageId).toBe(1);
  });

  it('answers "message is not modified" to an identical edit, and keeps the history of real edits', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: '⏳ #7', reply_markup: approveKeyboard() });
    const same = await callBotApi(emulator.apiRoot, 'editMessageText', {
      chat_id: CHAT,
      message_id: 1,
      text: '⏳ #7',
      reply_markup: approveKeyboard(),
    });
    expect(same.body).toEqual({
      ok: false,
      error_code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    });
    await resultOf(emulator.apiRoot, 'editMessageText', { chat_id: CHAT, message_id: 1, text: '<i>done</i>', parse_mode: 'HTML' });
    const [edited] = emulator.messages(CHAT);
    expect(edited).toMatchObject({ plainText: 'done', edits: 1 });
    // An edit of the text that does not repeat the keyboard removes it, as in Telegram.
    expect(edited?.replyMarkup).toBeUndefined();
    expect(edited?.history.map((version) => version.plainText)).toEqual(['⏳ #7', 'done']);
  });

  it('answers "message to edit not found" for a message that does not exist', async () => {
    const missing = await callBotApi(emulator.apiRoot, 'editMessageText', { chat_id: CHAT, message_id: 99, text: 'x' });
    expect(missing.body).toMatchObject({ error_code: 400, description: 'Bad Request: message to edit not found' });
  });

  it('edits and removes buttons with editMessageReplyMarkup', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'card', reply_markup: approveKeyboard() });
    await resultOf(emulator.apiRoot, 'editMessageReplyMarkup', { chat_id: CHAT, message_id: 1 });
    expect(emulator.messages(CHAT)[0]).toMatchObject({ plainText: 'card', edits: 1 });
    expect(emulator.messages(CHAT)[0]?.replyMarkup).toBeUndefined();
    const again = await callBotApi(emulator.apiRoot, 'editMessageReplyMarkup', { chat_id: CHAT, message_id: 1 });
    expect(again.body).toMatchObject({ error_code: 400, description: match.stringContaining('message is not modified') });
  });

  it('refuses callback_data longer than 64 bytes, counting UTF-8 bytes', async () => {
    const long = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: 'card',
      reply_markup: approveKeyboard('x'.repeat(65)),
    });
    expect(long.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    // 22 CJK characters are 66 bytes; 21 are 63.
    const wide = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: 'card',
      reply_markup: approveKeyboard('審'.repeat(22)),
    });
    expect(wide.status).toBe(400);
    const fits = await callBotApi(emulator.apiRoot, 'sendMessage', {
      chat_id: CHAT,
      text: 'card',
      reply_markup: approveKeyboard('審'.repeat(21)),
    });
    expect(fits.status).toBe(200);
  });

  it('fails the next call with an injected 429 and retry_after, then answers normally', async () => {
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 });
    const limited = await callBotApi(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'hi' });
    expect(limited).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    expect((await callBotApi(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'hi' })).status).toBe(200);
    expect(emulator.calls().map((call) => [call.method, call.error?.error_code])).toEqual([
      ['sendMessage', 429],
      ['sendMessage', undefined],
    ]);
  });

  it('holds a call for the injected per-method delay before handling it', async () => {
    emulator.setDelay('sendMessage', 300);
    const sending = resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'slow' });
    await emulator.waitFor(() => emulator.calls().length === 1);
    expect(emulator.messages(CHAT)).toEqual([]);
    await sending;
    expect(emulator.messages(CHAT)).toHaveLength(1);
  });

  it('records setMyCommands per language and scope, and refuses a regional language code as Telegram does', async () => {
    const commands = [{ command: 'status', description: 'Bot status' }];
    await resultOf(emulator.apiRoot, 'setMyCommands', { commands });
    await resultOf(emulator.apiRoot, 'setMyCommands', {
      commands: [{ command: 'status', description: '機器人狀態' }],
      language_code: 'zh',
    });
    await resultOf(emulator.apiRoot, 'setMyCommands', { commands, scope: { type: 'all_private_chats' } });
    const regional = await callBotApi(emulator.apiRoot, 'setMyCommands', { commands, language_code: 'zh-TW' });
    expect(regional.body).toMatchObject({ error_code: 400, description: 'Bad Request: invalid language code specified' });
    expect(emulator.commands()).toEqual({ '': commands, zh: [{ command: 'status', description: '機器人狀態' }] });
    expect(emulator.commands('all_private_chats')).toEqual({ '': commands });
    expect(await resultOf(emulator.apiRoot, 'getMyCommands', { language_code: 'zh' })).toEqual([
      { command: 'status', description: '機器人狀態' },
    ]);
  });

  it('records button presses answered with answerCallbackQuery, once per query', async () => {
    await resultOf(emulator.apiRoot, 'sendMessage', { chat_id: CHAT, text: 'card', reply_markup: approveKeyboard() });
    const { callbackQueryId } = emulator.pressButton({ chatId: CHAT, userId: USER, messageId: 1, data: 'ap:1' });
    const [update] = (await resultOf(emulator.apiRoot, 'getUpdates')) as unknown[];
    expect(update).toMatchObject({
      callback_query: { id: callbackQueryId, data: 'ap:1', from: { id: USER }, message: { message_id: 1, text: 'card' } },
    });
    await resultOf(emulator.apiRoot, 'answerCallbackQuery', {
      callback_query_id: callbackQueryId,
      text: 'Not an approver',
      show_alert: true,
    });
    expect(emulator.callbackAnswers()).toEqual([
      expect.objectContaining({ callbackQueryId, text: 'Not an approver', showAlert: true, chatId: CHAT, messageId: 1, userId: USER }),
    ]);
    const twice = await callBotApi(emulator.apiRoot, 'answerCallbackQuery', { callback_query_id: callbackQueryId });
    expect(twice.status).toBe(400);
  });

  it('records chat actions and refuses unknown ones', async () => {
    await resultOf(emulator.apiRoot, 'sendChatAction', { chat_id: CHAT, action: 'typing' });
    expect((await callBotApi(emulator.apiRoot, 'sendChatAction', { chat_id: CHAT, action: 'dancing' })).status).toBe(400);
    expect(emulator.chatActions(CHAT)).toEqual(['typing']);
  });

  it('reads form-encoded and multipart bodies as well as JSON', async () => {
    const form = new URLSearchParams({
      chat_id: String(CHAT),
      text: 'from a form',
      reply_markup: JSON.stringify(approveKeyboard()),
    });
    const formResponse = await fetch(`${emulator.apiRoot}/bot${TEST_TOKEN}/sendMessage`, { method: 'POST', body: form });
    expect(formResponse.status).toBe(200);
    const multipart = new FormData();
    multipart.set('chat_id', String(CHAT));
    multipart.set('text', 'from multipart');
    const multipartResponse = await fetch(`${emulator.apiRoot}/bot${TEST_TOKEN}/sendMessage`, { method: 'POST', body: multipart });
    expect(multipartResponse.status).toBe(200);
    expect(emulator.messages(CHAT).map((message) => [message.plainText, message.replyMarkup !== undefined])).toEqual([
      ['from a form', true],
      ['from multipart', false],
    ]);
  });

  it('answers 404 Not Found for methods it does not emulate and for other paths', async () => {
    expect(await callBotApi(emulator.apiRoot, 'sendPhoto', { chat_id: CHAT })).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found' },
    });
    expect((await fetch(`${emulator.apiRoot}/nothing-here`)).status).toBe(404);
  });

  it('matches method names case-insensitively, as the Bot API does', async () => {
    expect(await resultOf(emulator.apiRoot, 'GETME')).toMatchObject({ is_bot: true });
  });
});

describe('the Bot API emulator created with a list of tokens', () => {
  it('answers 401 Unauthorized to any other token', async () => {
    const strict = await startBotApiEmulator({ tokens: [TEST_TOKEN] });
    try {
      expect(await callBotApi(strict.apiRoot, 'getMe', {}, { token: '999:WRONG' })).toEqual({
        status: 401,
        body: { ok: false, error_code: 401, description: 'Unauthorized' },
      });
      expect((await callBotApi(strict.apiRoot, 'getMe')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
