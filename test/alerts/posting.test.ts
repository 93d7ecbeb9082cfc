import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertGroupId, type AlertGroup } from '../../src/alerts/group-record.js';
import { createAlertGroupStore, type AlertGroupStore } from '../../src/alerts/group-store.js';
import { mergeNotification } from '../../src/alerts/merge-notification.js';
import type { AlertPresenter } from '../../src/alerts/ports.js';
import { alertPostingLockKey, createAlertPosting, type PostingResult } from '../../src/alerts/posting.js';
import { ALERT_QUEUE, createAlertPublisher, startAlertPostingWorker } from '../../src/jobs/alert-jobs.js';
import { bullPrefix, openQueue } from '../../src/jobs/queues.js';
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

/** A presenter that records what it was asked to show, as (kind, revision). */
function recordingPresenter(): AlertPresenter & { shown: string[] } {
  const shown: string[] = [];
  let nextId = 100;
  return {
    shown,
    async post(group) {
      shown.push(`post r${group.revision}`);
      return nextId++;
    },
    async edit(group, messageId) {
      shown.push(`edit #${messageId} r${group.revision}`);
      return 'edited';
    },
  };
}

async function seed(store: AlertGroupStore): Promise<void> {
  await store.update(ID, () => mergeNotification(undefined, PAYLOAD, { id: ID, chatId: -1, locale: 'en', now: 1 }).group);
}

const bump = (g: AlertGroup | undefined) => (g ? { ...g, revision: g.revision + 1 } : undefined);

describe('posting an alert group', () => {
  it('sends once, then edits for each new revision, and does nothing when the message is up to date', async () => {
    prefix = uniquePrefix('alert-post');
    const { logger } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    const presenter = recordingPresenter();
    const posting = createAlertPosting({ store, presenter, redis, keyPrefix: prefix, logger });
    await seed(store);
    expect(await posting.bringUpToDate(ID)).toEqual({ outcome: 'posted' });
    expect(await posting.bringUpToDate(ID)).toEqual({ outcome: 'up-to-date' });
    await store.update(ID, bump);
    expect(await posting.bringUpToDate(ID)).toEqual({ outcome: 'edited' });
    expect(presenter.shown).toEqual(['post r1', 'edit #100 r2']);
    expect(await store.get(ID)).toMatchObject({ messageId: 100, revision: 2, postedRevision: 2 });
    expect(await redis.exists(alertPostingLockKey(prefix, ID))).toBe(0);
  });

  it('loses no change that arrives just before the holder lets go: the job that found the group taken leaves it to the holder, which looks again', async () => {
    prefix = uniquePrefix('alert-post');
    const { logger } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    const presenter = recordingPresenter();
    const other = createAlertPosting({ store, presenter, redis, keyPrefix: prefix, logger });
    let reads = 0;
    let otherResult: PostingResult | undefined;
    // The holder's second read finds the message up to date; right then a notification lands and its job runs.
    const racing: AlertGroupStore = {
      update: (id, mutate) => store.update(id, mutate),
      async get(id) {
        const group = await store.get(id);
        reads += 1;
        if (reads === 2) {
          await store.update(id, bump);
          otherResult = await other.bringUpToDate(id);
        }
        return group;
      },
    };
    const holder = createAlertPosting({ store: racing, presenter, redis, keyPrefix: prefix, logger });
    await seed(store);
    expect(await holder.bringUpToDate(ID)).toEqual({ outcome: 'posted' });
    expect(otherResult).toMatchObject({ outcome: 'busy' });
    expect(presenter.shown).toEqual(['post r1', 'edit #100 r2']);
    expect(await store.get(ID)).toMatchObject({ revision: 2, postedRevision: 2 });
  });

  it('tells a job when to look again if the group is held, once the holder’s lock would have expired', async () => {
    prefix = uniquePrefix('alert-post');
    const { logger } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    const posting = createAlertPosting({ store, presenter: recordingPresenter(), redis, keyPrefix: prefix, logger });
    await seed(store);
    await redis.set(alertPostingLockKey(prefix, ID), 'dead-worker', 'PX', 5000);
    const result = await posting.bringUpToDate(ID);
    expect(result).toMatchObject({ outcome: 'busy', holder: 'dead-worker' });
    if (result.outcome === 'busy') {
      expect(result.retryInMs).toBeGreaterThan(4000);
      expect(result.retryInMs).toBeLessThanOrEqual(5100);
    }
  });

  it('shows a group again at a given time though nothing was notified (a silence ends then), through the queue', async () => {
    prefix = uniquePrefix('alert-post');
    const { logger } = captureLogger();
    const store = createAlertGroupStore({ redis, keyPrefix: prefix, logger });
    const presenter = recordingPresenter();
    const posting = createAlertPosting({ store, presenter, redis, keyPrefix: prefix, logger });
    await seed(store);
    await posting.bringUpToDate(ID);
    const connection = testRedis();
    const queue = openQueue(ALERT_QUEUE, { connection, prefix: bullPrefix(prefix) });
    const worker = await startAlertPostingWorker({
      connection,
      prefix: bullPrefix(prefix),
      logger,
      bringUpToDate: (id) => posting.bringUpToDate(id),
      refresh: (id) => posting.refresh(id),
    });
    try {
      const due = Date.now() + 400;
      await createAlertPublisher(queue).refreshAt(ID, due);
      const deadline = Date.now() + 10_000;
      while (presenter.shown.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(Date.now()).toBeGreaterThanOrEqual(due);
      expect(presenter.shown).toEqual(['post r1', 'edit #100 r2']);
      // The edit is recorded by the presenter before the posting saves which revision it showed.
      while ((await store.get(ID))?.postedRevision !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(await store.get(ID)).toMatchObject({ revision: 2, postedRevision: 2 });
      expect(await posting.refresh('ZZZZZZZZZZZZZZZZ')).toEqual({ outcome: 'unknown' });
    } finally {
      await worker.close();
      await queue.close();
      await connection.quit();
    }
  });
});
