/**
 * What the polling replica alone writes, remembered in its memory while it holds the poller lease: the /lang choices,
 * the conversation states, each person's recent requests. Only the lease holder handles updates, and these keys are
 * written only while handling them, so between two lease gains Redis holds nothing the memory does not know. On
 * every gain the memory starts empty (another replica may have polled meanwhile) and fills again from the reads
 * updates make anyway. The per-update read (src/bot/prefetch.ts) then asks Redis only for what is not remembered,
 * and most updates ask nothing before their answer.
 */

/** A map that forgets its oldest entry when full: a person not heard from lately is read again, nothing more. */
export interface BoundedMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
}

export function boundedMap<K, V>(capacity: number): BoundedMap<K, V> {
  const entries = new Map<K, V>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      // Re-inserting moves the key to the newest end.
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/**
 * Writes to Redis, then remembers the value. When the write fails, whether Redis took it is unknown: the key is
 * forgotten, so the next update reads it again.
 */
export async function writeThenRemember<K, V>(map: BoundedMap<K, V>, key: K, value: V, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    map.delete(key);
    throw error;
  }
  map.set(key, value);
}

/** A person's admitted requests (member → time in ms, as in Redis) and until when they were told of the limit. */
export interface RequestHistory {
  members: Map<string, number>;
  noticedUntil: number;
}

/** The conversations plugin's stored state (null: none) and when Redis lets it expire (ms; Infinity: never). */
export interface RememberedConversation {
  raw: string | null;
  until: number;
}

export interface LeaseMemory {
  /** The /lang choice per user, as stored; null: none. */
  readonly locales: BoundedMap<number, string | null>;
  readonly conversations: BoundedMap<string, RememberedConversation>;
  readonly requests: BoundedMap<number, RequestHistory>;
  /** The lease was gained: forget everything, and check every update of the first batch for a redelivery. */
  leaseGained(): void;
  /** The first getUpdates answer after a gain: the updates a previous poller may have handled are among these. */
  firstBatch(updateIds: readonly number[]): void;
  /** Whether a previous poller may already have handled this update (so its job may exist). */
  mayBeRedelivered(updateId: number): boolean;
}

/** About a hundred bytes an entry; the oldest go first. */
const DEFAULT_CAPACITY = 50_000;

export function createLeaseMemory(capacity = DEFAULT_CAPACITY): LeaseMemory {
  const locales = boundedMap<number, string | null>(capacity);
  const conversations = boundedMap<string, RememberedConversation>(capacity);
  const requests = boundedMap<number, RequestHistory>(capacity);
  // Until a first batch is seen (a bot driven without polling, as in some tests), every update is checked.
  let firstBatchSeen = false;
  let redeliveredUpTo = Number.POSITIVE_INFINITY;
  return {
    locales,
    conversations,
    requests,
    leaseGained() {
      locales.clear();
      conversations.clear();
      requests.clear();
      firstBatchSeen = false;
      redeliveredUpTo = Number.POSITIVE_INFINITY;
    },
    firstBatch(updateIds) {
      if (firstBatchSeen) return;
      firstBatchSeen = true;
      // Telegram re-sends only what no getUpdates confirmed: at most the previous poller's last batch, all of it
      // in our first answer, which starts at the oldest unconfirmed update.
      redeliveredUpTo = updateIds.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...updateIds);
    },
    mayBeRedelivered: (updateId) => !firstBatchSeen || updateId <= redeliveredUpTo,
  };
}
