import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import { acksFor, finishedAck } from './answers.js';
import { reportFault } from './fault-report.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const TOO_MANY = { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 };

describe('fault matrix: Telegram 429 with retry_after', () => {
  it('waits retry_after, then sends the reply exactly once', async () => {
    const h = (harness = await startHarness({ role: 'bot' }));
    h.emulator.failNext('sendMessage', TOO_MANY);
    const started = Date.now();
    const reply = await h.say('/help');
    const elapsedMs = Date.now() - started;
    const sends = h.emulator.calls().filter((c) => c.method === 'sendMessage');
    const delivered = h.emulator.messages(ALICE).filter((m) => m.plainText.includes('What I can do'));
    const tally = reportFault('Telegram 429 on sendMessage', {
      lost: delivered.length === 0 ? 1 : 0,
      duplicated: Math.max(0, delivered.length - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(reply.plainText).toContain('What I can do');
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(sends.filter((c) => c.error?.error_code === 429)).toHaveLength(1);
    expect(sends.filter((c) => !c.error)).toHaveLength(1);
  });

  it('waits retry_after when the worker edits an answer into its ack, and edits it exactly once', async () => {
    const h = (harness = await startHarness());
    h.emulator.failNext('editMessageText', TOO_MANY);
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list pods in prod', languageCode: 'en' });
    const ackSentAt = await h.emulator.waitFor(() => acksFor(h, ALICE, messageId)[0]?.history[0]?.at, 10_000);
    const done = await h.emulator.waitFor(() => finishedAck(h, ALICE, messageId), 15_000).catch(() => undefined);
    const edits = h.emulator.calls().filter((c) => c.method === 'editMessageText');
    const tally = reportFault('Telegram 429 on editMessageText (worker)', {
      lost: done ? 0 : 1,
      duplicated: Math.max(0, acksFor(h, ALICE, messageId).length - 1) + Math.max(0, (done?.edits ?? 1) - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(edits.filter((c) => c.error?.error_code === 429)).toHaveLength(1);
    expect(done!.history.at(-1)!.at - ackSentAt).toBeGreaterThanOrEqual(1000);
  });
});
