import { BotApiEmulatorError } from './bot-api-emulator-errors.js';
import type { InjectedBotApiError } from './bot-api-emulator-types.js';

/** Injected faults for tests: errors for the next N calls of a method, and a fixed delay per method. */
export interface EmulatedFaultPlan {
  failNext(method: string, error: InjectedBotApiError, times: number): void;
  setDelay(method: string, ms: number): void;
  /** The injected error for this call, if one is queued (consumes it). */
  takeError(method: string): BotApiEmulatorError | undefined;
  delayFor(method: string): number;
}

/** Bot API method names are case-insensitive. */
export const methodKey = (method: string): string => method.toLowerCase();

export function createEmulatedFaultPlan(): EmulatedFaultPlan {
  const errors = new Map<string, InjectedBotApiError[]>();
  const delays = new Map<string, number>();

  return {
    failNext(method, error, times) {
      const queued = errors.get(methodKey(method)) ?? [];
      for (let n = 0; n < times; n++) queued.push({ ...error });
      errors.set(methodKey(method), queued);
    },
    setDelay(method, ms) {
      if (ms > 0) delays.set(methodKey(method), ms);
      else delays.delete(methodKey(method));
    },
    takeError(method) {
      const next = errors.get(methodKey(method))?.shift();
      return next && new BotApiEmulatorError(next.error_code, next.description, next.retry_after);
    },
    delayFor: (method) => delays.get(methodKey(method)) ?? 0,
  };
}
