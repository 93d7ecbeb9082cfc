import type { Redis } from 'ioredis';
import { localeSchema, type Locale } from '../i18n/locale.js';

/** The /lang choice per user, kept in Redis with no expiry so it survives restarts. */
export interface LocaleStore {
  get(userId: number): Promise<Locale | undefined>;
  set(userId: number, locale: Locale): Promise<void>;
}

export function createLocaleStore(redis: Redis, keyPrefix: string): LocaleStore {
  const key = (userId: number) => `${keyPrefix}locale:${userId}`;
  return {
    async get(userId) {
      const parsed = localeSchema.safeParse(await redis.get(key(userId)));
      return parsed.success ? parsed.data : undefined;
    },
    async set(userId, locale) {
      await redis.set(key(userId), locale);
    },
  };
}
