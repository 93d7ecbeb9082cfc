import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertGroupKey, createAlertGroupStore } from '../../src/alerts/group-store.js';
import { mergeNotification } from '../../src/alerts/merge-notification.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { notification } from '../support/alert-payloads.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let prefix: string;
beforeAll(() => {
  redis = testRedis();
});
afterEach(async () => deleteKeys(redis, prefix));
afterAll(async () => {
  await redis.quit();
});

const PAYLOAD = notification({ alerts: [{ fingerprint: 'a' }] });
const ID = alertGroupId(PAYLOAD.groupKey);
const first = () => mergeNotification(undefined, PAYLOAD, { id: ID, chatId: -1, locale: 'en', now: 1 }).group;

describe('the alert group store', () => {
  it('loses no write when many writers change one group at once (compare-and-set)', async () => {
    prefix = uniquePrefix('alert-store');
    const { logger } = captureLogger();
    // Two stores on two connections, as two processes would have.
    const other = testRedis();
    const stores = [
      createAlertGroupStore({ redis, keyPrefix: prefix, logger }),
      createAlertGroupStore({ redis: other, keyPrefix: prefix, logger }),
    ];
    await stores[0].update(ID, () => first());
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => stores[i % 2].update(ID, (g) => (g ? { ...g, revision: g.revision + 1 } : undefined))),
    );
    expect((await stores[0].get(ID))?.revision).toBe(41);
    await other.quit();
  });

  it('keeps a record it cannot read out of the way, with a log line, instead of failing every notification', async () => {
    prefix = uniquePrefix('alert-store');
    const { logger, lines } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    await redis.hset(alertGroupKey(prefix, ID), 'v', '3', 'json', '{"id": 5}');
    expect(await store.get(ID)).toBeUndefined();
    expect(lines.some((l) => l.includes('stored alert group is invalid'))).toBe(true);
    const { after } = await store.update(ID, (g) => g ?? first());
    expect(after?.revision).toBe(1);
    expect((await store.get(ID))?.chatId).toBe(-1);
  });

  it('writes nothing when the change says so, and keeps groups for a month', async () => {
    prefix = uniquePrefix('alert-store');
    const { logger } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    expect(await store.update(ID, () => undefined)).toEqual({ before: undefined, after: undefined, written: false });
    expect(await redis.exists(alertGroupKey(prefix, ID))).toBe(0);
    await store.update(ID, () => first());
    const ttl = await redis.ttl(alertGroupKey(prefix, ID));
    expect(ttl).toBeGreaterThan(29 * 24 * 3600);
  });
});
