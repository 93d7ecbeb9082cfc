import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonSealFromBotToken } from '../../src/bot/button-codec.js';
import { approvalButton } from '../../src/bot/callback-data.js';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { answerTo, approvalIdOf, buttonData, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';

/**
 * Callback data is bound to the chat its button was sent to. Telegram lets a client send any callback data on any
 * of the bot's messages, so a member of another chat who copied a card's data (or a /lang or /mode button's) must
 * get nothing from it there.
 */
const GROUP = -1_001_555_000_111;
let cluster: SimulatedCluster;
let h: Harness;
/** A bot message in the group to press the copied data on. */
let groupMessage: EmulatedMessage;

beforeAll(async () => {
  cluster = createSimulatedCluster();
  h = await startHarness({ app: { executor: cluster } });
  groupMessage = await h.say('/help', { chatId: GROUP, userId: BOB });
});
afterAll(async () => {
  await h.stop();
});

const newest = (chatId: number) => Math.max(0, ...h.emulator.messages(chatId).map((m) => m.messageId));

async function cardInAlicesChat(): Promise<EmulatedMessage> {
  const before = newest(ALICE);
  h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '/run restart_deployment name=api namespace=prod', languageCode: 'en' });
  return waitForCard(h, ALICE, before);
}

/** Presses data on the group's bot message and waits for the answer to the tap. */
async function pressInGroup(data: string) {
  const press = h.emulator.pressButton({ chatId: GROUP, userId: BOB, messageId: groupMessage.messageId, data });
  return answerTo(h, press.callbackQueryId);
}

const warned = (message: string) =>
  h.logs.some((line) => {
    const record = JSON.parse(line) as { level?: number; msg?: string };
    return record.level === 40 && record.msg === message;
  });

describe('callback data bound to its chat', () => {
  it("refuses a card's Approve pressed in another chat: the invalid-tap answer, a warning, nothing decided or run", async () => {
    const card = await cardInAlicesChat();
    const answer = await pressInGroup(buttonData(card, 'approve'));
    expect(answer).toMatchObject({ text: 'This button is not valid. Nothing was changed.', showAlert: true });
    expect(warned('button data from another chat refused')).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const record = await h.app.approvals.store.get(approvalIdOf(card));
    expect({ state: record?.state, decidedBy: record?.decidedBy }).toEqual({ state: 'pending', decidedBy: undefined });
    expect(cluster.mutationCount()).toBe(0);

    // The same data in its own chat still works.
    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'reject') });
    expect((await answerTo(h, press.callbackQueryId)).text).toMatch(/Rejected/);
  });

  it("refuses an approval bound to another chat even with a valid binding: the record's chat is checked too", async () => {
    const card = await cardInAlicesChat();
    // As if the binding key had leaked: data correctly bound to the group, naming a card of Alice's chat.
    const forged = approvalButton.pack(
      { decision: 'approve', approvalId: approvalIdOf(card) },
      buttonSealFromBotToken(TEST_BOT_TOKEN).forChat(GROUP),
    );
    const answer = await pressInGroup(forged);
    expect(answer.text).toBe('This button is not valid. Nothing was changed.');
    expect(warned('approval tap from another chat refused')).toBe(true);
    expect((await h.app.approvals.store.get(approvalIdOf(card)))?.state).toBe('pending');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('refuses /lang and /mode buttons pressed in another chat', async () => {
    const lang = await h.say('/lang');
    const mode = await h.say('/mode');
    const english = lang.replyMarkup?.inline_keyboard.flat().find((b) => b.text === 'English')?.callback_data ?? '';
    const readOnly = mode.replyMarkup?.inline_keyboard.flat()[0]?.callback_data ?? '';
    expect(english).not.toBe('');
    expect(readOnly).not.toBe('');
    for (const data of [english, readOnly]) {
      expect((await pressInGroup(data)).text).toBe('This button is not valid. Nothing was changed.');
    }
    expect(await h.app.approvals.modes.get(GROUP)).toBe('approve');
    // In their own chat they work.
    const press = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: lang.messageId, data: english });
    await answerTo(h, press.callbackQueryId);
    await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.messageId === lang.messageId && m.edits > 0));
  });
});
