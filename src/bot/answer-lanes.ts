/**
 * Work that leaves an update's handler and runs after it (a sync model answer): one lane per person per chat, so
 * one person's answers come in the order they asked, while other people and every tap go on without waiting.
 * In-process on purpose: a model answer in flight is lost with the process, as the handler's was before.
 */
export interface AnswerLanes {
  /** Queues `work` behind the lane's earlier work and returns at once. `work` must handle its own errors. */
  enqueue(lane: string, work: (signal: AbortSignal) => Promise<void>): void;
  /** Runs `work` in the lane (after its earlier work) and waits for it; its error comes back to the caller. */
  run<T>(lane: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Resolves once everything queued in this lane so far has finished. */
  idle(lane: string): Promise<void>;
  /** How many pieces of work are queued or running, over all lanes. */
  inFlight(): number;
  /** Waits for every lane, at most `graceMs`; then aborts what is left (its signal fires) and resolves. */
  drain(graceMs: number): Promise<void>;
}

export function createAnswerLanes(onUnhandled: (error: unknown) => void): AnswerLanes {
  const tails = new Map<string, Promise<void>>();
  const aborter = new AbortController();
  let count = 0;

  function append(lane: string, work: (signal: AbortSignal) => Promise<void>): void {
    count += 1;
    const previous = tails.get(lane) ?? Promise.resolve();
    const tail = previous
      .then(() => work(aborter.signal))
      .catch(onUnhandled)
      .finally(() => {
        count -= 1;
        // The last piece of a lane removes it, so idle lanes cost nothing.
        if (tails.get(lane) === tail) tails.delete(lane);
      });
    tails.set(lane, tail);
  }

  return {
    enqueue: append,
    run(lane, work) {
      return new Promise((resolve, reject) => {
        append(lane, (signal) => work(signal).then(resolve, reject));
      });
    },
    idle: (lane) => tails.get(lane) ?? Promise.resolve(),
    inFlight: () => count,
    async drain(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const all = Promise.all([...tails.values()]).then(() => true);
      const done = await Promise.race([all, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
      clearTimeout(timer);
      if (!done) {
        aborter.abort(new Error('the bot is stopping'));
        await all;
      }
    },
  };
}
