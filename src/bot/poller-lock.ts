import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Telegram allows one getUpdates consumer per token. This Redis lease decides which bot replica polls; the others
 * wait as hot standbys. The key holds a hash of the token, never the token.
 */
export interface PollerLock {
  readonly owner: string;
  /** Takes the lease if nobody holds it. */
  tryAcquire(): Promise<boolean>;
  /** Extends our lease; false means we lost it (expired and taken by someone else). */
  renew(): Promise<boolean>;
  /** Gives the lease up at once, so a standby takes over without waiting for the TTL. */
  release(): Promise<void>;
}

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export function pollerLockKey(keyPrefix: string, token: string): string {
  return `${keyPrefix}poller-lock:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

export function createPollerLock(redis: Redis, key: string, ttlMs: number): PollerLock {
  const owner = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return {
    owner,
    async tryAcquire() {
      return (await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async renew() {
      return (await redis.eval(RENEW, 1, key, owner, ttlMs)) === 1;
    },
    async release() {
      await redis.eval(RELEASE, 1, key, owner);
    },
  };
}
