import type { Redis } from 'ioredis';
import { localeSchema, type Locale } from '../i18n/locale.js';
import { writeThenRemember, type LeaseMemory } from './lease-memory.js';

/** The /lang choice per user, kept in Redis with no expiry so it survives restarts. */
export interface LocaleStore {
  /** The Redis key of a user's choice (the per-update prefetch reads it with the update's other keys). */
  key(userId: number): string;
  get(userId: number): Promise<Locale | undefined>;
  set(userId: number, locale: Locale): Promise<void>;
}

export function createLocaleStore(redis: Redis, keyPrefix: string): LocaleStore {
  const key = (userId: number) => `${keyPrefix}locale:${userId}`;
  return {
    key,
    async get(userId) {
      const parsed = localeSchema.safeParse(await redis.get(key(userId)));
      return parsed.success ? parsed.data : undefined;
    },
    async set(userId, locale) {
      await redis.set(key(userId), locale);
    },
  };
}

/** The store, keeping the lease holder's memory of choices (src/bot/lease-memory.ts) in step with what it writes. */
export function rememberingLocaleStore(store: LocaleStore, memory: Pick<LeaseMemory, 'locales'>): LocaleStore {
  return {
    key: (userId) => store.key(userId),
    get: (userId) => store.get(userId),
    set: (userId, locale) => writeThenRemember(memory.locales, userId, locale, () => store.set(userId, locale)),
  };
}
