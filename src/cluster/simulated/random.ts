import { createHash } from 'node:crypto';
import type { SimulatedState } from './state.js';
import { stableStringify } from './stable-json.js';

// Kubernetes' name suffix alphabet: no vowels (no accidental words), no easily confused characters.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** mulberry32 over the state's own counter: every instance and every clone has its own sequence. */
export function nextRandom(state: SimulatedState): number {
  state.randomState = (state.randomState + 0x6d2b79f5) | 0;
  let t = state.randomState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function randomInt(state: SimulatedState, below: number): number {
  return Math.floor(nextRandom(state) * below);
}

/** A pod-name suffix such as "x7k2p". */
export function randomSuffix(state: SimulatedState, length = 5): string {
  let suffix = '';
  for (let i = 0; i < length; i += 1) suffix += ALPHABET[randomInt(state, ALPHABET.length)];
  return suffix;
}

/** A pod-template-hash such as "7c9d5b8f6d": the same template always gives the same hash. */
export function contentHash(value: unknown, length = 10): string {
  const digest = createHash('sha256').update(stableStringify(value)).digest();
  let hash = '';
  for (let i = 0; i < length; i += 1) hash += ALPHABET[digest[i] % ALPHABET.length];
  return hash;
}
