import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { startChildApp, type ChildApp } from './child-app.js';
import { reportFault } from './fault-report.js';

let harness: Harness | undefined;
const children: ChildApp[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await harness?.stop();
  harness = undefined;
});

async function bot(h: Harness): Promise<ChildApp> {
  const child = await startChildApp(h, { role: 'bot' });
  children.push(child);
  return child;
}

async function requestCard(h: Harness, text: string) {
  const before = Math.max(0, ...h.emulator.messages(ALICE).map((m) => m.messageId));
  h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, languageCode: 'en' });
  return waitForCard(h, ALICE, before);
}

describe('fault matrix: bot restarted with pending cards', () => {
  it('after the bot is SIGKILLed and the worker restarted, a pending card can still be approved and another still expires on time', async () => {
    const cluster = createSimulatedCluster();
    // The worker runs here (it restarts gracefully); the bot runs in a child process that is killed outright.
    // The deadline leaves room for a slow machine: a new bot process, then the dead one's 4.5 s lease, then the tap.
    const h = await startHarness({ role: 'worker', app: { executor: cluster }, env: { APPROVAL_TIMEOUT_SECONDS: '12' } });
    harness = h;
    const first = await bot(h);
    const toApprove = await requestCard(h, 'restart api in prod');
    const toExpire = await requestCard(h, 'restart web in prod');
    const expiring = await h.app.approvals.store.get(approvalIdOf(toExpire));

    await first.kill('SIGKILL');
    await h.restart('worker');
    await bot(h);

    // The tap is queued at Telegram until the new bot takes over polling (the dead one's lease runs out first).
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: toApprove.messageId, data: buttonData(toApprove, 'approve') });
    const done = await cardWhen(h, ALICE, toApprove.messageId, /Done:/, 15_000).catch(() => undefined);
    const expired = await cardWhen(h, ALICE, toExpire.messageId, /Expired at/, 15_000).catch(() => undefined);
    const expiredAt = expired?.history.find((v) => /Expired at/.test(v.plainText))?.at;
    const lateMs = expiredAt === undefined ? Infinity : expiredAt - expiring!.expiresAt;
    const expiredRecord = await h.app.approvals.store.get(approvalIdOf(toExpire));
    const tally = reportFault('bot restarted with pending cards', {
      lost: (done ? 0 : 1) + (expired && expiredRecord?.state === 'expired' ? 0 : 1),
      duplicated: Math.max(0, cluster.mutationCount() - 1),
    });

    const approvedRecord = await h.app.approvals.store.get(approvalIdOf(toApprove));
    const states = { approved: approvedRecord?.state, expired: expiredRecord?.state };
    expect(tally, JSON.stringify(states)).toEqual({ lost: 0, duplicated: 0 });
    expect(cluster.mutationCount()).toBe(1);
    expect(expired?.plainText).toContain('nothing was run');
    expect(expired?.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
    expect(lateMs).toBeGreaterThanOrEqual(0);
    // On time: within a second and a half of the deadline, on a busy two-core CI machine too.
    expect(lateMs).toBeLessThan(1500);
  });
});
