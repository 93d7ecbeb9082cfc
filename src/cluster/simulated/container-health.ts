/** Whether a simulated container can start, and where a crash-looping one is in kubelet's back-off cycle. */

import type { SimulatedContainer } from './state.js';
import { imageProfile } from './image-profiles.js';

/** Time from pod creation to the first container start (scheduling, image already present). */
export const CONTAINER_START_DELAY_MS = 3_000;
/** How long a misconfigured container runs before it exits. */
export const CRASH_RUN_MS = 1_500;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;

export interface ContainerFailure {
  missingEnv: string[];
}

/** The container fails when its image needs environment variables that are neither set nor provided via envFrom. */
export function containerFailure(container: SimulatedContainer, envFromKeys: ReadonlySet<string>): ContainerFailure | null {
  const set = new Set(container.env.map((variable) => variable.name));
  const missingEnv = imageProfile(container.image).requiredEnv.filter((name) => !set.has(name) && !envFromKeys.has(name));
  return missingEnv.length > 0 ? { missingEnv } : null;
}

export type CrashLoopPhase = 'creating' | 'running' | 'waiting';

export interface CrashLoopTimeline {
  phase: CrashLoopPhase;
  restarts: number;
  /** ms since pod creation at which the latest attempt started (null while creating) */
  currentStart: number | null;
  /** ms since pod creation at which the attempt before the latest one started */
  previousStart: number | null;
  /** ms since pod creation of every exit so far */
  exits: number[];
}

/**
 * Replays kubelet's crash-loop back-off (10s doubling up to 5m) for a container that exits
 * CRASH_RUN_MS after each start, up to `ageMs` after the pod was created.
 */
export function crashLoopTimeline(ageMs: number): CrashLoopTimeline {
  const exits: number[] = [];
  if (ageMs < CONTAINER_START_DELAY_MS) {
    return { phase: 'creating', restarts: 0, currentStart: null, previousStart: null, exits };
  }
  let start = CONTAINER_START_DELAY_MS;
  let previousStart: number | null = null;
  let restarts = 0;
  for (;;) {
    const exit = start + CRASH_RUN_MS;
    if (ageMs < exit) return { phase: 'running', restarts, currentStart: start, previousStart, exits };
    exits.push(exit);
    const backoff = Math.min(BACKOFF_START_MS * 2 ** restarts, BACKOFF_MAX_MS);
    if (ageMs < exit + backoff) return { phase: 'waiting', restarts, currentStart: start, previousStart, exits };
    previousStart = start;
    start = exit + backoff;
    restarts += 1;
  }
}
