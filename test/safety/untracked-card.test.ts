import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatModeStore } from '../../src/approvals/chat-mode.js';
import { createApprovalFlow, type ApprovalScheduler } from '../../src/approvals/flow.js';
import type { ApprovalPresenter } from '../../src/approvals/presenter.js';
import { createApprovalStore, type ApprovalStore } from '../../src/approvals/store.js';
import { createAuditTrail } from '../../src/audit/trail.js';
import { buttonSealFromBotToken } from '../../src/bot/button-codec.js';
import { createChatOutput, createTelegramApi } from '../../src/bot/chat-output.js';
import { createApprovalPresenter } from '../../src/bot/presenters/approval-presenter.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { NO_METRICS } from '../../src/metrics/registry.js';
import { TEST_BOT_TOKEN } from '../support/bot-harness.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';
import { redisServerOnPath, startOwnRedis, type OwnRedis } from '../faults/own-redis.js';

/**
 * A card whose message ids cannot be saved could never show a decision. It must not stay frozen with live buttons:
 * it says it is not tracked, the chat is told, and nothing can run from it, also after Redis takes writes again.
 */
const haveRedisServer = redisServerOnPath();
const CHAT = 1001;
const REQUESTER = 1001;
const APPROVER = 1002;

let emulator: BotApiEmulator | undefined;
let own: OwnRedis | undefined;
const clients: Redis[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  await own?.close();
  own = undefined;
  await emulator?.close();
  emulator = undefined;
});

async function setup(redis: Redis, keyPrefix: string, wrap: (store: ApprovalStore) => ApprovalStore = (s) => s) {
  emulator = await startBotApiEmulator();
  const { logger, records } = captureLogger();
  const cluster = createSimulatedCluster();
  const scheduled: string[] = [];
  const schedule: ApprovalScheduler = {
    execute: async (id) => void scheduled.push(`execute:${id}`),
    expiry: async (id) => void scheduled.push(`expiry:${id}`),
    followup: async (id) => void scheduled.push(`followup:${id}`),
  };
  const store = wrap(createApprovalStore({ redis, keyPrefix }));
  const presenter = createApprovalPresenter({
    output: createChatOutput(createTelegramApi(TEST_BOT_TOKEN, emulator.apiRoot, logger)),
    t: createTranslator(),
    seal: buttonSealFromBotToken(TEST_BOT_TOKEN),
    defaultNamespace: 'default',
    timeZone: 'UTC',
  });
  const hooks: { afterCard?: () => Promise<void> } = {};
  const watched: ApprovalPresenter = {
    ...presenter,
    async proposed(record, context) {
      const ids = await presenter.proposed(record, context);
      await hooks.afterCard?.();
      return ids;
    },
  };
  const flow = createApprovalFlow({
    store,
    audit: createAuditTrail({ redis, keyPrefix, logger, metrics: NO_METRICS }),
    executor: cluster,
    presenter: watched,
    logger,
    redis,
    keyPrefix,
    schedule,
    settings: { timeoutSeconds: 60, approverIds: [APPROVER], allowSelfApproval: false },
    modes: createChatModeStore(redis, keyPrefix),
    cardSaveRetryMs: [20, 40, 80],
  });
  const propose = () =>
    flow.propose({
      call: { name: 'restart_deployment', arguments: { name: 'api', namespace: 'prod' } },
      risk: 'write',
      requesterId: REQUESTER,
      requesterName: 'Alice',
      chatId: CHAT,
      locale: 'en',
    });
  return { flow, store: createApprovalStore({ redis, keyPrefix }), cluster, scheduled, hooks, records, propose };
}

function messagesIn(e: BotApiEmulator) {
  return e.messages(CHAT);
}

describe('a card whose message ids could not be saved', () => {
  it.skipIf(!haveRedisServer)(
    'when Redis refuses writes (full, noeviction): the card says it is not tracked, has no buttons, the chat is told, and no tap runs anything, also once Redis is back',
    async () => {
      own = await startOwnRedis();
      const redis = new Redis(own.url, { maxRetriesPerRequest: 1 });
      const admin = new Redis(own.url);
      clients.push(redis, admin);
      const s = await setup(redis, uniquePrefix('untracked'));
      // Redis fills up right after the card went out: every write from now on is refused with OOM.
      s.hooks.afterCard = async () => {
        await admin.config('SET', 'maxmemory-policy', 'noeviction');
        await admin.config('SET', 'maxmemory', '1');
      };
      const result = await s.propose();
      if (result.kind !== 'card') throw new Error(`expected a card, got ${result.kind}`);
      const id = result.record.id;
      expect(result.record.cardMessageId).toBeUndefined();

      const [card, notice] = messagesIn(emulator as BotApiEmulator);
      expect(card?.plainText).toContain('could not be tracked');
      expect(card?.plainText).toContain('nothing will run from it');
      expect(card?.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
      expect(notice?.plainText).toContain(`Approval #${id.slice(0, 6)} could not be tracked`);
      expect(notice?.replyToMessageId).toBe(card?.messageId);
      expect(s.records().some((r) => r.msg === 'could not save the card message ids; the card is not tracked')).toBe(true);

      // Reads still work: the record is pending without a card, and a tap (a client replaying the old data) is refused.
      const stored = await s.store.get(id);
      expect({ state: stored?.state, card: stored?.cardMessageId }).toEqual({ state: 'pending', card: undefined });
      expect(await s.flow.decide({ approvalId: id, userId: APPROVER, decision: 'approve', chatId: CHAT })).toMatchObject({
        kind: 'stale',
        reason: 'untracked',
      });

      // Redis takes writes again: still nothing runs from that card, and its deadline ends it.
      await admin.config('SET', 'maxmemory', '0');
      expect(await s.flow.decide({ approvalId: id, userId: APPROVER, decision: 'approve', chatId: CHAT })).toMatchObject({
        kind: 'stale',
        reason: 'untracked',
      });
      expect(await s.flow.expire(id)).toBe(true);
      expect((await s.store.get(id))?.state).toBe('expired');
      expect(s.scheduled.filter((x) => x.startsWith('execute:'))).toEqual([]);
      expect(s.cluster.mutationCount()).toBe(0);
      // The expired record has no card to edit: the card keeps saying it is not tracked.
      expect(messagesIn(emulator as BotApiEmulator).map((m) => m.plainText)).toEqual([card?.plainText, notice?.plainText]);
    },
  );

  it('when only the save fails: the record is withdrawn at once (audited, the agent told), and the card is not tracked', async () => {
    const redis = testRedis();
    clients.push(redis);
    const keyPrefix = uniquePrefix('untracked');
    let tries = 0;
    const s = await setup(redis, keyPrefix, (store) => ({
      ...store,
      setCardMessage: async () => {
        tries += 1;
        throw new Error("OOM command not allowed when used memory > 'maxmemory'.");
      },
    }));
    try {
      const result = await s.propose();
      if (result.kind !== 'card') throw new Error(`expected a card, got ${result.kind}`);
      expect(tries).toBe(4);
      const record = await s.store.get(result.record.id);
      expect(record?.state).toBe('cancelled');
      expect(record?.reason).toMatch(/could not be tracked/);
      expect(s.scheduled).toContain(`followup:${result.record.id}`);
      const [card] = messagesIn(emulator as BotApiEmulator);
      expect(card?.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
      expect(card?.plainText).toContain('could not be tracked');
      expect(s.cluster.mutationCount()).toBe(0);
    } finally {
      await deleteKeys(redis, keyPrefix);
    }
  });

  it('when a save fails once and then succeeds: the card is tracked and keeps its buttons', async () => {
    const redis = testRedis();
    clients.push(redis);
    const keyPrefix = uniquePrefix('untracked');
    let tries = 0;
    const s = await setup(redis, keyPrefix, (store) => ({
      ...store,
      setCardMessage: async (id, ids) => {
        tries += 1;
        if (tries === 1) throw new Error('Connection is closed.');
        return store.setCardMessage(id, ids);
      },
    }));
    try {
      const result = await s.propose();
      if (result.kind !== 'card') throw new Error(`expected a card, got ${result.kind}`);
      const [card] = messagesIn(emulator as BotApiEmulator);
      expect((await s.store.get(result.record.id))?.cardMessageId).toBe(card?.messageId);
      expect(card?.replyMarkup?.inline_keyboard[0]?.length).toBe(2);
      expect(messagesIn(emulator as BotApiEmulator)).toHaveLength(1);
    } finally {
      await deleteKeys(redis, keyPrefix);
    }
  });
});
