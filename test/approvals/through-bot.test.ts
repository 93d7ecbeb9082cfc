import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import { ALICE, BOB, CAROL, startHarness, type Harness } from '../support/bot-harness.js';
import { answerTo, approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(cluster: SimulatedCluster, env: Record<string, string> = {}) {
  harness = await startHarness({ app: { executor: cluster }, env });
  return harness;
}

async function requestCard(h: Harness, text: string, userId = ALICE) {
  const before = Math.max(0, ...h.emulator.messages(ALICE).map((m) => m.messageId));
  h.emulator.sendUserMessage({ chatId: ALICE, userId, text, languageCode: 'en' });
  return waitForCard(h, ALICE, before);
}

/** Alice answers a force-reply prompt, as her Telegram client does: a reply to it. Resolves to the bot's answer. */
async function replyTo(h: Harness, promptId: number, text: string) {
  const known = new Set(h.emulator.messages(ALICE).map((m) => m.messageId));
  h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, replyToMessageId: promptId, languageCode: 'en' });
  return h.emulator.waitForBotMessage(ALICE, (m) => !known.has(m.messageId), 15_000);
}

describe('approval cards through the bot', () => {
  it('reject leaves the cluster unchanged, removes the buttons, and takes an optional reason', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const card = await requestCard(h, 'restart api in prod');
    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'reject') });
    expect((await answerTo(h, press.callbackQueryId)).text).toContain('Rejected');
    const rejected = await cardWhen(h, ALICE, card.messageId, /Rejected by/);
    expect(rejected.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
    const prompt = await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.plainText.startsWith('Why?')));
    h.emulator.sendUserMessage({
      chatId: ALICE,
      userId: BOB,
      text: 'not during business hours',
      replyToMessageId: prompt.messageId,
      languageCode: 'en',
    });
    await cardWhen(h, ALICE, card.messageId, /Reason: not during business hours/);
    expect(cluster.mutationCount()).toBe(0);
    const audit = await h.app.approvals.audit.latest(20);
    expect(audit.some((e) => e.decision === 'rejected' && e.approver === BOB)).toBe(true);
  });

  it('expires an unanswered card at its deadline: nothing runs, buttons go, a late tap changes nothing', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster, { APPROVAL_TIMEOUT_SECONDS: '5' });
    const card = await requestCard(h, 'restart api in prod');
    const record = await h.app.approvals.store.get(approvalIdOf(card));
    const expired = await cardWhen(h, ALICE, card.messageId, /Expired at/, 10_000);
    const lateMs = Date.now() - record!.expiresAt;
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(1000);
    expect(expired.plainText).toContain('nothing was run');
    expect(expired.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    expect((await answerTo(h, press.callbackQueryId)).text).toMatch(/already decided|expired/);
    expect(cluster.mutationCount()).toBe(0);
  });

  it('two approvers tapping at once: exactly one decision and one execution, every time', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const rounds = 8;
    for (let i = 0; i < rounds; i++) {
      const card = await requestCard(h, `restart web in prod (round ${i})`);
      const data = buttonData(card, 'approve');
      const a = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data });
      const b = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data });
      const answers = await Promise.all([answerTo(h, a.callbackQueryId), answerTo(h, b.callbackQueryId)]);
      expect(answers.filter((x) => x.text?.startsWith('Approved'))).toHaveLength(1);
      await cardWhen(h, ALICE, card.messageId, /Done:|Failed:/);
    }
    expect(cluster.mutationCount()).toBe(rounds);
  });

  it('a critical call needs a second person: the requester-approver is refused, another approver runs it', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const card = await requestCard(h, 'delete deployment worker in prod');
    expect(card.plainText).toContain('Critical change');
    const own = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data: buttonData(card, 'approve') });
    const refusal = await answerTo(h, own.callbackQueryId);
    expect(refusal.showAlert).toBe(true);
    expect(refusal.text).toContain('two-person rule');
    expect(cluster.mutationCount()).toBe(0);
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(cluster.mutationCount()).toBe(1);
  });

  it('in a one-person setup the requester approves a critical call only after typing its name', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster, { APPROVER_USER_IDS: String(ALICE), ALLOW_SELF_APPROVAL: '1' });
    const card = await requestCard(h, 'delete deployment worker in prod');
    const press = h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data: buttonData(card, 'approve') });
    expect((await answerTo(h, press.callbackQueryId)).text).toContain('worker');
    const prompts = () => h.emulator.messages(ALICE).filter((m) => m.plainText.includes('type the resource name'));
    const prompt = await h.emulator.waitFor(() => prompts().at(0));
    const wrong = await replyTo(h, prompt.messageId, 'wroker');
    expect(wrong.plainText).toContain('Nothing was approved');
    expect(cluster.mutationCount()).toBe(0);

    h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: card.messageId, data: buttonData(card, 'approve') });
    const second = await h.emulator.waitFor(() => prompts().at(1));
    const right = await replyTo(h, second.messageId, 'worker');
    expect(right.plainText).toContain('Confirmed');
    await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(cluster.mutationCount()).toBe(1);
  });

  it('a pending card still works after the bot and worker restart, and its expiry still fires on time', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster, { APPROVAL_TIMEOUT_SECONDS: '6' });
    const first = await requestCard(h, 'restart api in prod');
    const second = await requestCard(h, 'restart web in prod');
    const secondRecord = await h.app.approvals.store.get(approvalIdOf(second));
    await h.restart();
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: first.messageId, data: buttonData(first, 'approve') });
    await cardWhen(h, ALICE, first.messageId, /Done:/);
    await cardWhen(h, ALICE, second.messageId, /Expired at/, 12_000);
    expect(Date.now() - secondRecord!.expiresAt).toBeLessThan(1000);
    expect(cluster.mutationCount()).toBe(1);
  });

  it('refuses forged and stale callback data', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const card = await requestCard(h, 'restart api in prod');
    const id = approvalIdOf(card);
    for (const data of ['a1:y:AAAAAAAAAAAAAAAAAAAAAA', `a1:y:${id}:replicas=0`, `a9:y:${id}`, 'a1:y:' + 'x'.repeat(40)]) {
      const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data });
      const answer = await answerTo(h, press.callbackQueryId);
      expect(answer.showAlert).toBe(true);
    }
    expect(cluster.mutationCount()).toBe(0);
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    await cardWhen(h, ALICE, card.messageId, /Done:/);
    const replay = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    expect((await answerTo(h, replay.callbackQueryId)).text).toContain('already decided');
    expect(cluster.mutationCount()).toBe(1);
  });

  it('lists pending approvals with /approvals and shows the trail to approvers with /audit', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    await requestCard(h, 'restart api in prod');
    const list = await h.say('/approvals');
    expect(list.plainText).toContain('restart_deployment(name=api, namespace=prod)');
    expect(list.plainText).toMatch(/\d+ min \d+ s left/);
    const audit = await h.say('/audit 5');
    expect(audit.plainText).toContain('approval');
    const denied = await h.say('/audit', { chatId: CAROL, userId: CAROL });
    expect(denied.plainText).toContain('Only approvers');
    const status = await h.say('/status');
    expect(status.plainText).toMatch(/Approvals today: 1 pending/);
  });
});

describe('the chat mode', () => {
  it('read-only: no change even reaches approval; suggest: the bot says what it would run; only approvers switch', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    expect((await h.say('/mode read-only', { chatId: ALICE, userId: CAROL })).plainText).toContain('Only approvers');
    expect((await h.say('/mode read-only')).plainText).toContain('read-only');
    const before = Math.max(...h.emulator.messages(ALICE).map((m) => m.messageId));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'restart api in prod', languageCode: 'en' });
    const notice = await h.emulator.waitFor(() =>
      h.emulator.messages(ALICE).find((m) => m.messageId > before && m.plainText.includes('read-only, so this change was not proposed')),
    );
    expect(notice.plainText).toContain('restart_deployment(name=api, namespace=prod)');
    expect((await h.say('/run scale_deployment name=web replicas=4 namespace=prod')).plainText).toContain('read-only');

    await h.say('/mode suggest');
    const reply = await h.say('/run scale_deployment name=web replicas=4 namespace=prod');
    expect(reply.plainText).toContain('I would run scale_deployment(name=web, replicas=4, namespace=prod). Nothing was run.');
    expect(
      h.emulator.messages(ALICE).filter((m) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0 && m.plainText.includes('Approval')),
    ).toHaveLength(0);
    expect(await h.app.approvals.store.listPending()).toHaveLength(0);
    expect(cluster.mutationCount()).toBe(0);
  });
});

describe('an approved call the cluster refuses', () => {
  it("fails on the card in the requester's language, with the cluster's reason", async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const before = Math.max(0, ...h.emulator.messages(ALICE).map((m) => m.messageId));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '重啟 prod 的 api', languageCode: 'zh-hant' });
    const card = await waitForCard(h, ALICE, before);
    // Someone removes the deployment between the card and the approval.
    await cluster.delete_resource({ kind: 'deployment', name: 'api', namespace: 'prod' });
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    const failed = await cardWhen(h, ALICE, card.messageId, /找不到/);
    expect(failed.plainText).toContain('api');
    expect((await h.app.approvals.store.get(approvalIdOf(card)))?.state).toBe('failed');
  });
});
