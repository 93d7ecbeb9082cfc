import { expect } from 'vitest';
import { ClusterError, type ClusterErrorCode } from '../../src/cluster/cluster-error.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';

export const START = Date.parse('2025-06-01T12:00:00Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** A clock the test moves by hand. */
export function manualClock(start = START) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A simulated cluster on a manual clock. */
export function simulatedClusterAt(start = START, seed = 1) {
  const clock = manualClock(start);
  return { cluster: createSimulatedCluster({ now: clock.now, seed }), clock };
}

/** Awaits a rejection and checks it is a ClusterError with the code. */
export async function expectClusterError(promise: Promise<unknown>, code: ClusterErrorCode): Promise<ClusterError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ClusterError);
  expect((error as ClusterError).code).toBe(code);
  return error as ClusterError;
}
