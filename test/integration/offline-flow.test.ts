import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import { ALICE, BOB, CAROL, startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(cluster: SimulatedCluster, env: Record<string, string> = {}) {
  harness = await startHarness({ app: { executor: cluster }, env });
  return harness;
}

/** The ack "⏳ #ref" is edited in place; wait until it no longer says it is working. */
async function finalAck(h: Harness, chatId: number, ackId: number) {
  return h.emulator.waitFor(() => {
    const m = h.emulator.messages(chatId).find((x) => x.messageId === ackId);
    return m && !m.plainText.startsWith('⏳') ? m : undefined;
  }, 15_000);
}

describe('with no model configured, the offline provider and the simulated cluster', () => {
  it('answers "list pods in prod" with the real pod list, edited into the ack', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const ack = await h.say('list pods in prod');
    expect(ack.plainText).toMatch(/^⏳ #[0-9a-f]+/);
    const done = await finalAck(h, ALICE, ack.messageId);
    const pods = await cluster.list_pods({ namespace: 'prod' });
    for (const pod of pods.slice(0, 3)) expect(done.plainText).toContain(pod.name);
    expect(done.plainText).toContain('offline provider');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('explains in Traditional Chinese why api keeps restarting', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const ack = await h.say('為什麼 api 一直重啟?', { languageCode: 'zh-hant' });
    const done = await finalAck(h, ALICE, ack.messageId);
    expect(done.plainText).toContain('CrashLoopBackOff');
    expect(done.plainText).toContain('DATABASE_URL');
    expect(done.plainText).toMatch(/\p{Script=Han}/u);
    expect(cluster.mutationCount()).toBe(0);
  });

  it('turns "restart api in prod" into an approval card with a preview; approving restarts it once', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    const before = (await cluster.list_deployments({ namespace: 'prod' })).find((d) => d.name === 'api');
    const ack = await h.say('restart api in prod');
    const acked = await finalAck(h, ALICE, ack.messageId);
    expect(acked.plainText).toContain('restart_deployment');
    const card = await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.replyMarkup?.inline_keyboard.length));
    expect(card.plainText).toContain('restart_deployment(name=api, namespace=prod)');
    expect(card.plainText).toMatch(/Revision: \d+ → \d+/);
    expect(card.plainText).toContain('Expires at:');
    expect(cluster.mutationCount()).toBe(0);

    const approve = card.replyMarkup!.inline_keyboard[0][0].callback_data!;
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: approve });
    const finished = await h.emulator.waitFor(() => {
      const m = h.emulator.messages(ALICE).find((x) => x.messageId === card.messageId);
      return m && /Done:|Failed:/.test(m.plainText) ? m : undefined;
    }, 15_000);
    expect(finished.plainText).toMatch(/Approved by .* · id 1002/);
    expect(card.plainText).toMatch(/Requested by: .* · id 1001/);
    expect(finished.plainText).toContain('Done:');
    expect(finished.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
    expect(cluster.mutationCount()).toBe(1);
    const after = (await cluster.list_deployments({ namespace: 'prod' })).find((d) => d.name === 'api');
    expect(after!.revision).toBeGreaterThan(before!.revision);
    expect(h.emulator.callbackAnswers().at(-1)?.text).toContain('Approved');
  });

  it('lets a non-approver tap change nothing', async () => {
    const cluster = createSimulatedCluster();
    const h = await start(cluster);
    await h.say('restart web in prod');
    const card = await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.replyMarkup?.inline_keyboard.length));
    const approve = card.replyMarkup!.inline_keyboard[0][0].callback_data!;
    h.emulator.pressButton({ chatId: ALICE, userId: CAROL, messageId: card.messageId, data: approve });
    const answer = await h.emulator.waitFor(() => h.emulator.callbackAnswers().at(-1));
    expect(answer.showAlert).toBe(true);
    expect(answer.text).toContain('Only approvers');
    expect(cluster.mutationCount()).toBe(0);
  });
});
