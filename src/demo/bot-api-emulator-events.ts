import type { Logger } from 'pino';
import type { EmulatorEventMap, EmulatorEventName } from './bot-api-emulator-types.js';

type AnyListener = (payload: never) => void;

/** Typed listeners for what the bot does, plus a bare "something changed" signal for waitFor. */
export interface EmulatorEvents {
  on<E extends EmulatorEventName>(event: E, listener: (payload: EmulatorEventMap[E]) => void): () => void;
  emit<E extends EmulatorEventName>(event: E, payload: EmulatorEventMap[E]): void;
  /** Called on every change of the emulator's state (events and recorded calls alike). */
  onChange(listener: () => void): () => void;
  changed(): void;
}

export function createEmulatorEvents(logger?: Logger): EmulatorEvents {
  const listeners = new Map<EmulatorEventName, Set<AnyListener>>();
  const changeListeners = new Set<() => void>();

  const safely = (run: () => void): void => {
    try {
      run();
    } catch (error) {
      // A listener's bug (a test's or the terminal client's) must not break the emulated server.
      logger?.warn({ err: error }, 'Bot API emulator: an event listener threw');
    }
  };

  const events: EmulatorEvents = {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const stored = listener as AnyListener;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        safely(() => (listener as (value: EmulatorEventMap[typeof event]) => void)(payload));
      }
      events.changed();
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },
    changed() {
      for (const listener of [...changeListeners]) safely(listener);
    },
  };
  return events;
}

/**
 * Resolves with the first truthy value of pick, checking now, on every change and every pollMs
 * (pick may read state outside the emulator); rejects with describeTimeout's text on timeout.
 */
export function waitForCondition<T>(
  events: EmulatorEvents,
  pick: () => T | undefined | false | null,
  timeoutMs: number,
  describeTimeout: () => string,
  pollMs = 25,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      unsubscribe();
      clearInterval(poller);
      clearTimeout(deadline);
      outcome();
    };
    const check = (): void => {
      if (done) return;
      let value: T | undefined | false | null;
      try {
        value = pick();
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        return;
      }
      if (value !== undefined && value !== false && value !== null) finish(() => resolve(value));
    };
    const unsubscribe = events.onChange(check);
    const poller = setInterval(check, pollMs);
    const deadline = setTimeout(() => finish(() => reject(new Error(describeTimeout()))), timeoutMs);
    check();
  });
}
