import { Context, type Api } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { BaseContext } from '../../src/bot/context.js';
import { conversationKey, conversationStateStore } from '../../src/bot/conversations.js';
import type { UpdatePrefetch } from '../../src/bot/prefetch.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

const redis = testRedis();
const prefix = uniquePrefix('conversation');
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

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
// The store reads the update and ctx.prefetched only; no call reaches an Api.
const noApi = {} as Api;

function messageContext(userId: number, prefetched: UpdatePrefetch = {}): BaseContext {
  const update: Update = {
    update_id: 1,
    message: {
      message_id: 5,
      date: 0,
      chat: { id: -100_1, type: 'supergroup', title: 'ops' },
      from: { id: userId, is_bot: false, first_name: 'u' },
      text: 'prod',
    },
  };
  return Object.assign(new Context(update, noApi, me), { logger: pino({ level: 'silent' }), locale: 'en' as const, prefetched });
}

const STATE = {
  version: [0, 1] as [0, number],
  state: { 'run-guided': [{ args: '["en"]', replay: { send: [], receive: [] }, interrupts: [1] }] },
};

describe('conversation state in Redis', () => {
  it('keeps one state per person per chat, written and read back as the plugin versioned it', async () => {
    const store = conversationStateStore(redis, prefix);
    const alice = messageContext(1001);
    await store.write(alice, STATE);
    expect(await store.read(alice)).toEqual(STATE);
    expect(await store.read(messageContext(1002))).toBeUndefined();
    expect(await redis.ttl(conversationKey(prefix, alice) ?? '')).toBeGreaterThan(3600);
    await store.delete(alice);
    expect(await store.read(alice)).toBeUndefined();
  });

  it('serves the read the update prefetched, without asking Redis again', async () => {
    const store = conversationStateStore(redis, prefix);
    const key = conversationKey(prefix, messageContext(1003)) ?? '';
    const ctx = messageContext(1003, { conversation: { key, raw: JSON.stringify(STATE) } });
    expect(await redis.exists(key)).toBe(0);
    expect(await store.read(ctx)).toEqual(STATE);
  });

  it('treats stored data that is not a state of this plugin as no conversation, so the person can start afresh', async () => {
    const store = conversationStateStore(redis, prefix);
    for (const raw of ['not json', '{"version":[0,1]}', '{"version":[9,1],"state":{}}', '{"version":[0,1],"state":{"x":[{"bad":1}]}}']) {
      const ctx = messageContext(1004, { conversation: { key: conversationKey(prefix, messageContext(1004)) ?? '', raw } });
      expect(await store.read(ctx), raw).toBeUndefined();
    }
  });
});
