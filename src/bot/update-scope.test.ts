import { Context, type Api } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { buttonSealFromBotToken } from './button-codec.js';
import { approvalButton, langButton, runButton } from './callback-data.js';
import { chatUserScope, updateSequenceKey } from './update-scope.js';

const GROUP = -100777;
const seal = buttonSealFromBotToken('123456:update-scope-test-token').forChat(GROUP);
const me: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'bot',
  username: 'bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
// The context only reads the update here; no call reaches an Api.
const noApi = {} as Api;
const user = (id: number) => ({ id, is_bot: false, first_name: `u${id}` });
const chat = { id: GROUP, type: 'supergroup' as const, title: 'ops' };

function message(userId: number, text: string): Context {
  const update: Update = { update_id: 1, message: { message_id: 10, date: 0, chat, from: user(userId), text } };
  return new Context(update, noApi, me);
}

function tap(userId: number, cardId: number, data: string): Context {
  const update: Update = {
    update_id: 2,
    callback_query: {
      id: 'q',
      from: user(userId),
      chat_instance: 'c',
      data,
      message: { message_id: cardId, date: 0, chat, from: user(1), text: 'card' },
    },
  };
  return new Context(update, noApi, me);
}

const APPROVAL = approvalButton.pack({ decision: 'approve', approvalId: 'Zk3v9QmR2xT8pLwA7cYb1q' }, seal);

describe('update sequence keys', () => {
  it('orders messages per person per chat: two members of one group never wait for each other', () => {
    expect(updateSequenceKey(message(1001, 'hello'))).toBe(updateSequenceKey(message(1001, '/help')));
    expect(updateSequenceKey(message(1001, 'hello'))).not.toBe(updateSequenceKey(message(1002, 'hello')));
  });

  it('orders approval, language and mode taps per card, apart from every message of the chat', () => {
    const approve = updateSequenceKey(tap(1001, 50, APPROVAL));
    expect(approve).toBe(updateSequenceKey(tap(1002, 50, APPROVAL)));
    expect(approve).not.toBe(updateSequenceKey(tap(1001, 51, APPROVAL)));
    expect(approve).not.toBe(updateSequenceKey(message(1001, 'hello')));
    expect(updateSequenceKey(tap(1001, 52, langButton.pack({ locale: 'en' }, seal)))).toBe(`card:${GROUP}:52`);
  });

  it('puts a guided /run tap with its person, since it feeds their conversation', () => {
    const data = runButton.pack({ flowId: 'abc123', action: 'pick', step: 1, index: 0 }, seal);
    expect(updateSequenceKey(tap(1001, 60, data))).toBe(updateSequenceKey(message(1001, 'prod')));
    expect(chatUserScope(tap(1001, 60, data))).toBe(`${GROUP}:1001`);
  });

  it('gives no conversation scope to taps handled before the conversations plugin', () => {
    expect(chatUserScope(tap(1001, 50, APPROVAL))).toBeUndefined();
    expect(chatUserScope(tap(1001, 50, 'garbage'))).toBeUndefined();
  });
});
