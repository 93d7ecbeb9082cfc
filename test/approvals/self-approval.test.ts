import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { answerTo, approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { testRedis } from '../support/redis.js';

/**
 * One-person setups (ALLOW_SELF_APPROVAL=1): Alice is the only approver and approves her own critical change by
 * replying to a force-reply prompt with the resource's name. Bob is allowed to chat but is not an approver.
 */
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(cluster: SimulatedCluster, env: Record<string, string> = {}) {
  harness = await startHarness({ app: { executor: cluster }, env: { APPROVER_USER_IDS: String(ALICE), ALLOW_SELF_APPROVAL: '1', ...env } });
  return harness;
}

/** Alice asks for a critical change in her chat with the bot and taps Approve on its card; resolves to the card and the prompt. */
async function tapOwnCriticalCard(h: Harness): Promise<{ card: EmulatedMessage; prompt: EmulatedMessage }> {
  h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'delete deployment worker in prod', languageCode: 'en' });
  const card = await waitForCard(h, ALICE);
  expect(card.plainText).toContain('Critical change');
  const press = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data: buttonData(card, 'approve') });
  expect((await answerTo(h, press.callbackQueryId)).text).toBe('Type the name "worker" to confirm.');
  const prompt = await h.emulator.waitFor(() =>
    h.emulator.messages(ALICE).find((m) => m.messageId > card.messageId && m.plainText.includes('type the resource name')),
  );
  // The prompt sits under the card it confirms.
  expect(prompt.replyToMessageId).toBe(card.messageId);
  return { card, prompt };
}

/** A message in Alice's chat (a reply to replyToMessageId when given); resolves to the bot's next new message. */
async function say(h: Harness, text: string, options: { userId?: number; replyToMessageId?: number } = {}) {
  const known = new Set(h.emulator.messages(ALICE).map((m) => m.messageId));
  h.emulator.sendUserMessage({ chatId: ALICE, userId: options.userId ?? ALICE, text, languageCode: 'en', ...options });
  return h.emulator.waitForBotMessage(ALICE, (m) => !known.has(m.messageId), 15_000);
}

/** Alice replies to a prompt; resolves to the bot's reply to her message (a worker's post may come between). */
async function answerPrompt(h: Harness, promptId: number, text: string) {
  const sent = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, languageCode: 'en', replyToMessageId: promptId });
  return h.emulator.waitForBotMessage(ALICE, (m) => m.replyToMessageId === sent.messageId, 15_000);
}

async function conversationKeys(h: Harness): Promise<string[]> {
  const redis = testRedis();
  try {
    return await redis.keys(`${h.config.redis.keyPrefix}conversation:*`);
  } finally {
    await redis.quit();
  }
}

describe('self-approval by typed confirmation', () => {
  it('approves when the requester replies to the prompt with the name; nothing else counts, and no conversation state is kept', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const { card, prompt } = await tapOwnCriticalCard(h);
    const id = approvalIdOf(card);

    // The name typed without replying to the prompt is an ordinary message, not a confirmation.
    await say(h, 'worker');
    // Nor is someone else's reply to Alice's prompt.
    await say(h, 'worker', { userId: BOB, replyToMessageId: prompt.messageId });
    expect((await h.app.approvals.store.get(id))?.state).toBe('pending');
    expect(cluster.mutationCount()).toBe(0);

    const answer = await answerPrompt(h, prompt.messageId, ' `worker` ');
    expect(answer.plainText).toBe('Confirmed.');
    const done = await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(done.plainText).toContain(`Approved by`);
    expect(done.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
    expect(cluster.mutationCount()).toBe(1);
    const record = await h.app.approvals.store.get(id);
    expect(record).toMatchObject({ state: 'succeeded', decidedBy: ALICE });
    const audit = await h.app.approvals.audit.latest(20);
    expect(audit.some((e) => e.approvalId === id && e.decision === 'approved' && e.approver === ALICE)).toBe(true);

    // The worker's follow-up under the card, then: the prompt is used up, a second reply is an ordinary message.
    await h.emulator.waitForBotMessage(ALICE, (m) => m.messageId > answer.messageId && m.replyToMessageId === card.messageId);
    const again = await say(h, 'worker', { replyToMessageId: prompt.messageId });
    expect(again.plainText).not.toMatch(/Confirmed|Not approved|Nothing was approved/);
    expect(cluster.mutationCount()).toBe(1);
    expect(await conversationKeys(h)).toEqual([]);
  });

  it('a wrong name says so and approves nothing; a new tap brings a new prompt', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const { card, prompt } = await tapOwnCriticalCard(h);

    const wrong = await answerPrompt(h, prompt.messageId, 'web');
    expect(wrong.plainText).toBe('That is not "worker". Nothing was approved.');
    expect((await h.app.approvals.store.get(approvalIdOf(card)))?.state).toBe('pending');
    expect(cluster.mutationCount()).toBe(0);
    // The card still offers its buttons: Alice may tap again, and answer the new prompt.
    const current = h.emulator.messages(ALICE).find((m) => m.messageId === card.messageId);
    expect(current?.replyMarkup?.inline_keyboard.length).toBe(1);
    h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data: buttonData(card, 'approve') });
    const again = await h.emulator.waitFor(() =>
      h.emulator.messages(ALICE).find((m) => m.messageId > wrong.messageId && m.plainText.includes('type the resource name')),
    );
    expect((await answerPrompt(h, again.messageId, 'worker')).plainText).toBe('Confirmed.');
    await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(cluster.mutationCount()).toBe(1);
    expect(await conversationKeys(h)).toEqual([]);
  });

  it('past the card deadline the reply says the approval expired, and nothing runs', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster, { APPROVAL_TIMEOUT_SECONDS: '5' });
    const { card, prompt } = await tapOwnCriticalCard(h);
    await cardWhen(h, ALICE, card.messageId, /Expired at/, 12_000);

    const late = await answerPrompt(h, prompt.messageId, 'worker');
    expect(late.plainText).toBe('Not approved: This approval has expired. Nothing was run.');
    expect((await h.app.approvals.store.get(approvalIdOf(card)))?.state).toBe('expired');
    expect(cluster.mutationCount()).toBe(0);
  });
});
