import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { answerTo, approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, MALLORY, startHarness, type Harness } from '../support/bot-harness.js';
import { reportFault } from './fault-report.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const alice = { id: ALICE, is_bot: false, first_name: 'Alice', language_code: 'en' };
const aliceChat = { id: ALICE, type: 'private', first_name: 'Alice' };
const now = () => Math.floor(Date.now() / 1000);

/** Shapes Telegram does send (or may send one day) that carry no text for the text handlers. */
function unusualUpdates(): Record<string, unknown>[] {
  return [
    {},
    { some_future_update_kind: { id: 1 } },
    { message: { message_id: 9001, date: now(), chat: aliceChat, from: alice } },
    {
      message: {
        message_id: 9002,
        date: now(),
        chat: aliceChat,
        from: alice,
        photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }],
        caption: 'restart api in prod',
      },
    },
    { message: { message_id: 9003, date: now(), chat: aliceChat, text: '/status' } },
    { edited_message: { message_id: 9004, date: now(), edit_date: now(), chat: aliceChat, from: alice, text: 'restart api in prod' } },
    { callback_query: { id: 'cb-no-data', from: alice, chat_instance: '1' } },
    { my_chat_member: { chat: aliceChat, from: alice, date: now() } },
  ];
}

/** Shapes no Telegram server sends: fields of the wrong type. */
function typeConfusedUpdates(): Record<string, unknown>[] {
  return [
    { message: 'not a message' },
    { message: { message_id: 9101, date: now(), chat: aliceChat, from: alice, text: 42 } },
    { message: { message_id: 9102, chat: null, from: null, text: '/status' } },
    { callback_query: { id: 'cb-bad', from: { id: 'x' }, data: { nested: true } } },
  ];
}

function errorLines(h: Harness): string[] {
  return h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
}

/** Waits for the callback answer to one press; undefined when none comes within `timeoutMs`. */
async function answerWithin(h: Harness, callbackQueryId: string, timeoutMs: number) {
  return h.emulator
    .waitFor(() => h.emulator.callbackAnswers().find((a) => a.callbackQueryId === callbackQueryId), timeoutMs)
    .catch(() => undefined);
}

describe('fault matrix: malformed updates, forged callback data, an unknown user', () => {
  it('keeps serving after unusual updates (no text, no data, unknown kinds), with no handler error', async () => {
    const cluster = createSimulatedCluster();
    const h = (harness = await startHarness({ app: { executor: cluster } }));
    for (const update of unusualUpdates()) h.emulator.injectRawUpdate(update);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '/status', languageCode: 'en' });
    const status = await h.emulator.waitForBotMessage(ALICE, (m) => m.plainText.includes('Redis:'), 10_000).catch(() => undefined);
    const tally = reportFault('malformed updates', { lost: status ? 0 : 1, duplicated: 0 });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(errorLines(h)).toEqual([]);
    expect(h.app.polling?.state()).toBe('polling');
    expect(h.emulator.pendingUpdates()).toHaveLength(0);
    expect(cluster.mutationCount()).toBe(0);
  });

  it('survives updates with fields of the wrong type: any failure stays inside its update, and the next message is served', async () => {
    const cluster = createSimulatedCluster();
    const h = (harness = await startHarness({ app: { executor: cluster } }));
    for (const update of typeConfusedUpdates()) h.emulator.injectRawUpdate(update);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '/status', languageCode: 'en' });
    const status = await h.emulator.waitForBotMessage(ALICE, (m) => m.plainText.includes('Redis:'), 10_000).catch(() => undefined);
    const caught = h.logs.filter((l) => l.includes('update handler failed')).length;
    reportFault('malformed updates (wrong field types)', { lost: status ? 0 : 1, duplicated: 0 });

    expect(status).toBeDefined();
    // A failure is caught by the bot's error handler (logged with an error id), never a stopped poller.
    expect(errorLines(h).length).toBe(caught);
    expect(h.app.polling?.state()).toBe('polling');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('answers forged callback data with an alert and changes nothing; the real button still works', async () => {
    const cluster = createSimulatedCluster();
    const h = (harness = await startHarness({ app: { executor: cluster } }));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'restart api in prod', languageCode: 'en' });
    const card = await waitForCard(h, ALICE);
    const id = approvalIdOf(card);
    const forged = [
      'a1:y:AAAAAAAAAAAAAAAAAAAAAA',
      `a1:y:${id}:replicas=0`,
      `a1:y:${id.slice(0, -1)}`,
      `a9:y:${id}`,
      `a1:x:${id}`,
      `a1:y:${'x'.repeat(70)}`,
      `zz:${id}`,
      'l1:fr',
      '',
    ];
    const presses = forged.map((data) => h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data }));
    // Taps in one chat are handled in order: once a last, well-formed one is answered, every earlier one was handled.
    const last = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: 'a1:n:AAAAAAAAAAAAAAAAAAAAAA' });
    await answerTo(h, last.callbackQueryId);
    const answers = await Promise.all(presses.map((p) => answerWithin(h, p.callbackQueryId, 500)));
    const unanswered = forged.filter((_, i) => !answers[i]);
    const stillPending = (await h.app.approvals.store.get(id))?.state === 'pending';
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    const done = await cardWhen(h, ALICE, card.messageId, /Done:/).catch(() => undefined);
    // An unanswered tap leaves the person's client spinning: an answer lost.
    const tally = reportFault('forged callback data', {
      lost: (done ? 0 : 1) + unanswered.length,
      duplicated: Math.max(0, cluster.mutationCount() - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(stillPending).toBe(true);
    expect(unanswered, 'forged taps left without an answer (the client spins)').toEqual([]);
    expect(answers.every((a) => a?.showAlert)).toBe(true);
    expect(cluster.mutationCount()).toBe(1);
  });

  it('refuses an unknown user once, runs nothing for them, and ignores their taps on a card', async () => {
    const cluster = createSimulatedCluster();
    const h = (harness = await startHarness({ app: { executor: cluster } }));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'restart api in prod', languageCode: 'en' });
    const card = await waitForCard(h, ALICE);
    for (const text of ['/start', 'list pods in prod', 'restart web in prod', 'scale web to 0 in prod']) {
      h.emulator.sendUserMessage({ chatId: MALLORY, userId: MALLORY, text });
    }
    const tap = h.emulator.pressButton({ chatId: ALICE, userId: MALLORY, messageId: card.messageId, data: buttonData(card, 'approve') });
    const tapAnswer = await answerTo(h, tap.callbackQueryId);
    // Every refused update is logged once: four messages and the tap, all handled.
    await h.emulator
      .waitFor(() => h.logs.filter((l) => l.includes('unauthorized user refused')).length >= 5, 10_000)
      .catch(() => undefined);
    const refusals = h.emulator.messages(MALLORY);
    const tally = reportFault('unknown user', { lost: refusals.length === 0 ? 1 : 0, duplicated: Math.max(0, refusals.length - 1) });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(refusals[0].plainText).toContain(String(MALLORY));
    expect(tapAnswer.showAlert).toBe(true);
    expect((await h.app.approvals.store.get(approvalIdOf(card)))?.state).toBe('pending');
    expect(cluster.mutationCount()).toBe(0);
    expect(cluster.calls().filter((c) => c.effect === 'read')).toHaveLength(0);
  });
});
