import { describe, expect, it } from 'vitest';
import { BotApiEmulatorError, GET_UPDATES_CONFLICT } from './bot-api-emulator-errors.js';
import { createEmulatedUpdateQueue } from './bot-api-emulator-update-queue.js';

const poll = (offset: number, timeoutSeconds = 0, limit = 100) => ({
  offset,
  limit,
  timeoutSeconds,
  signal: new AbortController().signal,
});

const pushMessage = (queue: ReturnType<typeof createEmulatedUpdateQueue>, text: string): number =>
  queue.push((id) => ({ update_id: id, message: { text } }), 'message');

describe('the emulated update queue', () => {
  it('keeps updates until an offset confirms them, and drops exactly those before the offset', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    const ids = ['a', 'b', 'c'].map((text) => pushMessage(queue, text));
    expect(await queue.getUpdates(poll(0))).toHaveLength(3);
    expect(await queue.getUpdates(poll(0))).toHaveLength(3);
    expect(await queue.getUpdates(poll(ids[1] ?? 0))).toEqual([
      { update_id: ids[1], message: { text: 'b' } },
      { update_id: ids[2], message: { text: 'c' } },
    ]);
    expect(queue.pending().map((entry) => entry.updateId)).toEqual([ids[1], ids[2]]);
  });

  it('counts a negative offset from the end of the queue', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    for (const text of ['a', 'b', 'c']) pushMessage(queue, text);
    expect(await queue.getUpdates(poll(-1))).toEqual([{ update_id: 3, message: { text: 'c' } }]);
    expect(queue.pending()).toHaveLength(1);
  });

  it('gives at most limit updates at a time', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    for (let n = 0; n < 5; n++) pushMessage(queue, `m${n}`);
    expect(await queue.getUpdates(poll(0, 0, 2))).toHaveLength(2);
  });

  it('answers a waiting poll with every update pushed in the same turn, in one batch', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    const waiting = queue.getUpdates(poll(0, 30));
    pushMessage(queue, 'a');
    pushMessage(queue, 'b');
    expect(await waiting).toHaveLength(2);
    queue.close();
  });

  it('ends the older waiting poll with 409 Conflict when a newer one starts waiting', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    const older = queue.getUpdates(poll(0, 30));
    const newer = queue.getUpdates(poll(0, 30));
    const failure = await older.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BotApiEmulatorError);
    expect(failure).toMatchObject({ errorCode: 409, description: GET_UPDATES_CONFLICT });
    pushMessage(queue, 'for the newer poller');
    expect(await newer).toHaveLength(1);
  });

  it('drops a waiting poll whose client went away, so the next poll does not conflict', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    const gone = new AbortController();
    const first = queue.getUpdates({ offset: 0, limit: 100, timeoutSeconds: 30, signal: gone.signal });
    gone.abort();
    expect(await first).toEqual([]);
    const second = queue.getUpdates(poll(0, 30));
    pushMessage(queue, 'a');
    expect(await second).toHaveLength(1);
  });

  it('stops queueing update types left out of the last allowed_updates', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    await queue.getUpdates({ ...poll(0), allowedUpdates: ['callback_query'] });
    pushMessage(queue, 'filtered out');
    queue.push((id) => ({ update_id: id, callback_query: { id: 'q' } }), 'callback_query');
    expect(queue.pending().map((entry) => Object.keys(entry.update as object))).toEqual([['update_id', 'callback_query']]);
  });

  it('answers a waiting poll with nothing when closed', async () => {
    const queue = createEmulatedUpdateQueue({ conflictThrottleMs: 0 });
    const waiting = queue.getUpdates(poll(0, 30));
    queue.close();
    expect(await waiting).toEqual([]);
  });
});
