import { describe, expect, it } from 'vitest';
import { boundedMap, createLeaseMemory } from './lease-memory.js';

describe('the lease memory', () => {
  it('checks every update for a redelivery until the first batch after a gain is seen, then only that batch', () => {
    const memory = createLeaseMemory();
    expect(memory.mayBeRedelivered(1)).toBe(true);
    memory.leaseGained();
    memory.firstBatch([40, 41, 42]);
    expect(memory.mayBeRedelivered(40)).toBe(true);
    expect(memory.mayBeRedelivered(42)).toBe(true);
    expect(memory.mayBeRedelivered(43)).toBe(false);
    // Only the first answer counts: later batches are new to this poller.
    memory.firstBatch([43, 44]);
    expect(memory.mayBeRedelivered(44)).toBe(false);
  });

  it('treats an empty first batch as nothing to redeliver', () => {
    const memory = createLeaseMemory();
    memory.leaseGained();
    memory.firstBatch([]);
    expect(memory.mayBeRedelivered(1)).toBe(false);
  });

  it('forgets everything on a new gain, and checks again', () => {
    const memory = createLeaseMemory();
    memory.leaseGained();
    memory.firstBatch([]);
    memory.locales.set(1, 'zh-TW');
    memory.conversations.set('c', { raw: null, until: Number.POSITIVE_INFINITY });
    memory.requests.set(1, { members: new Map([['a', 1]]), noticedUntil: 0 });
    memory.leaseGained();
    expect([memory.locales.size, memory.conversations.size, memory.requests.size]).toEqual([0, 0, 0]);
    expect(memory.mayBeRedelivered(1)).toBe(true);
  });

  it('keeps at most its capacity, forgetting the least recently written first', () => {
    const map = boundedMap<number, string>(2);
    map.set(1, 'a');
    map.set(2, 'b');
    map.set(1, 'a again');
    map.set(3, 'c');
    expect([map.get(1), map.get(2), map.get(3)]).toEqual(['a again', undefined, 'c']);
    expect(map.size).toBe(2);
  });
});
