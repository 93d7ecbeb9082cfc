import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OUTCOME_UNKNOWN } from '../../src/approvals/flow.js';
import { approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { acksFor, finishedAck, repliesTo, until } from './answers.js';
import { startChildApp, type ChildApp } from './child-app.js';
import { reportFault } from './fault-report.js';
import { untilQueuesIdle } from './queue-idle.js';

const recordedCall = z.object({ tool: z.string(), effect: z.enum(['read', 'write']), pid: z.number().int() });

let harness: Harness | undefined;
const children: ChildApp[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await harness?.stop();
  harness = undefined;
});

async function start(): Promise<{ h: Harness; callsKey: string }> {
  // The bot runs here; workers run in child processes that the test kills.
  harness = await startHarness({ role: 'bot' });
  return { h: harness, callsKey: `${harness.config.redis.keyPrefix}fault-calls` };
}

async function worker(h: Harness, callsKey: string, hang?: 'read' | 'write'): Promise<ChildApp> {
  const child = await startChildApp(h, { role: 'worker', callsKey, ...(hang ? { hang } : {}) });
  children.push(child);
  return child;
}

/** Tool calls every worker made, read back from Redis (they outlive the killed process). */
async function callsMade(h: Harness, callsKey: string) {
  return (await h.app.redis.lrange(callsKey, 0, -1)).map((raw) => recordedCall.parse(JSON.parse(raw)));
}

describe('fault matrix: worker SIGKILLed mid-tool', () => {
  it('brings the execute job back, fails it as "outcome unknown", and never runs the change a second time', async () => {
    const { h, callsKey } = await start();
    const first = await worker(h, callsKey, 'write');
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'restart api in prod', languageCode: 'en' });
    const card = await waitForCard(h, ALICE);
    const approvalId = approvalIdOf(card);
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });

    // The first worker is inside the cluster call: the record says executing and the call was recorded.
    const inCall = await until(async () => {
      const [record, calls] = await Promise.all([h.app.approvals.store.get(approvalId), callsMade(h, callsKey)]);
      return record?.state === 'executing' && calls.some((c) => c.effect === 'write');
    }, 15_000);
    expect(inCall, 'the first worker reached the cluster call').toBe(true);
    await first.kill('SIGKILL');

    await worker(h, callsKey);
    const failed = await cardWhen(h, ALICE, card.messageId, /Failed/, 20_000).catch(() => undefined);
    const record = await h.app.approvals.store.get(approvalId);
    const writes = (await callsMade(h, callsKey)).filter((c) => c.effect === 'write');
    const tally = reportFault('worker SIGKILLed mid-tool (approved execution)', {
      lost: record?.state === 'failed' ? 0 : 1,
      duplicated: Math.max(0, writes.length - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(record?.error).toBe(OUTCOME_UNKNOWN);
    expect(writes).toHaveLength(1);
    expect(writes[0].pid).toBe(first.pid);
    expect(failed?.plainText).toContain('outcome unknown');
    expect(failed?.replyMarkup?.inline_keyboard.length ?? 0).toBe(0);
  });

  it('retries an agent job killed mid-tool on a second worker, and the user gets one answer', async () => {
    const { h, callsKey } = await start();
    const first = await worker(h, callsKey, 'read');
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list pods in prod', languageCode: 'en' });
    const inCall = await until(async () => (await callsMade(h, callsKey)).some((c) => c.pid === first.pid), 15_000);
    expect(inCall, 'the first worker reached the cluster call').toBe(true);
    await first.kill('SIGKILL');

    const second = await worker(h, callsKey);
    const answer = await h.emulator.waitFor(() => finishedAck(h, ALICE, messageId), 20_000).catch(() => undefined);
    await untilQueuesIdle(h.app.redis, h.config.redis.keyPrefix, 10_000);
    const reads = await callsMade(h, callsKey);
    const botMessages = h.emulator.messages(ALICE);
    const tally = reportFault('worker SIGKILLed mid-tool (agent job)', {
      lost: answer ? 0 : 1,
      duplicated: Math.max(0, botMessages.length - 1) + Math.max(0, acksFor(h, ALICE, messageId).length - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(answer?.plainText).toContain('api-');
    expect(answer?.plainText).not.toMatch(/failed|went wrong/i);
    expect(repliesTo(h, ALICE, messageId)).toHaveLength(1);
    // The killed worker got as far as one read and never answered; the second one ran the job again and did.
    expect(reads.filter((c) => c.pid === first.pid)).toHaveLength(1);
    expect(reads.some((c) => c.pid === second.pid)).toBe(true);
  });
});
