import { describe, expect, it } from 'vitest';
import { createAnswerLanes } from './answer-lanes.js';

function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('answer lanes', () => {
  it('runs one lane in order and other lanes beside it', async () => {
    const lanes = createAnswerLanes(() => undefined);
    const order: string[] = [];
    const slow = gate();
    lanes.enqueue('chat:alice', async () => {
      await slow.opened;
      order.push('alice 1');
    });
    lanes.enqueue('chat:alice', async () => {
      order.push('alice 2');
    });
    lanes.enqueue('chat:bob', async () => {
      order.push('bob');
    });
    await lanes.idle('chat:bob');
    expect(order).toEqual(['bob']);
    expect(lanes.inFlight()).toBe(2);
    slow.open();
    await lanes.idle('chat:alice');
    expect(order).toEqual(['bob', 'alice 1', 'alice 2']);
    expect(lanes.inFlight()).toBe(0);
  });

  it('keeps a lane going after a piece of work fails, and reports the failure', async () => {
    const failures: unknown[] = [];
    const lanes = createAnswerLanes((error) => failures.push(error));
    const done: string[] = [];
    lanes.enqueue('l', () => Promise.reject(new Error('model down')));
    lanes.enqueue('l', async () => {
      done.push('next');
    });
    await lanes.idle('l');
    expect(done).toEqual(['next']);
    expect(failures).toHaveLength(1);
  });

  it('drains within the grace period, then aborts what is still running', async () => {
    const lanes = createAnswerLanes(() => undefined);
    let aborted = false;
    lanes.enqueue('l', (signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve()))));
    const quick = createAnswerLanes(() => undefined);
    quick.enqueue('l', () => new Promise((resolve) => setTimeout(resolve, 20)));
    await quick.drain(5_000);
    expect(quick.inFlight()).toBe(0);
    const started = Date.now();
    await lanes.drain(100);
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("runs work in a lane and hands back its result or its error, after the lane's earlier work", async () => {
    const lanes = createAnswerLanes(() => undefined);
    const slow = gate();
    const order: string[] = [];
    lanes.enqueue('l', async () => {
      await slow.opened;
      order.push('answer');
    });
    const entered = lanes.run('l', async () => {
      order.push('confirmation');
      return 42;
    });
    slow.open();
    expect(await entered).toBe(42);
    expect(order).toEqual(['answer', 'confirmation']);
    await expect(lanes.run('l', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});
