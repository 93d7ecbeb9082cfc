import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { bullPrefix, QUEUE } from '../../src/jobs/queues.js';
import { answerTo, approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { sleep, until } from './answers.js';
import { reportFault } from './fault-report.js';
import { redisServerOnPath, startOwnRedis, type OwnRedis } from './own-redis.js';

/**
 * Redis restarted under pending approval cards. With append-only persistence as deploy/ and docker-compose run it
 * (appendfsync everysec), nothing is lost: the cards can still be approved or expire on time, their expiry jobs and
 * the audit trail are all there. Without persistence everything is gone, and the bot fails closed: a tap on an old
 * card changes nothing.
 */

const haveRedisServer = redisServerOnPath();
if (!haveRedisServer) console.log('fault: Redis restarted with and without persistence · skipped: redis-server is not on PATH');

let harness: Harness | undefined;
let redis: OwnRedis | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await redis?.close();
  redis = undefined;
});

async function requestCard(h: Harness, text: string) {
  const before = Math.max(0, ...h.emulator.messages(ALICE).map((m) => m.messageId));
  h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, languageCode: 'en' });
  return waitForCard(h, ALICE, before);
}

/** The approval's delayed expiry job, as BullMQ keeps it in Redis. */
async function expiryJobExists(h: Harness, approvalId: string): Promise<boolean> {
  return (await h.app.redis.exists(`${bullPrefix(h.config.redis.keyPrefix)}:${QUEUE.expiry}:exp-${approvalId}`)) === 1;
}

async function restart(h: Harness, r: OwnRedis, signal: NodeJS.Signals): Promise<void> {
  await r.kill(signal);
  await sleep(500);
  await r.restart();
  // The bot polls again once it has its lease back (a new one: the old lease may be gone with the data).
  await h.emulator.waitFor(() => h.app.polling?.state() === 'polling', 15_000);
}

describe('fault matrix: Redis restarted with and without persistence', () => {
  it.skipIf(!haveRedisServer).each([
    ['a clean restart (SIGTERM) right after the cards were posted', 'SIGTERM' as const, 0],
    ['a crash (SIGKILL) 1.5 s after the cards were posted (everysec has flushed them)', 'SIGKILL' as const, 1500],
  ])(
    'with AOF (appendfsync everysec), %s loses no pending approval, expiry job or audit entry',
    async (_what, signal, quietMs) => {
      redis = await startOwnRedis({ persistence: 'everysec' });
      const cluster = createSimulatedCluster();
      const h = await startHarness({ app: { executor: cluster }, env: { REDIS_URL: redis.url, APPROVAL_TIMEOUT_SECONDS: '20' } });
      harness = h;
      const toApprove = await requestCard(h, 'restart api in prod');
      const toExpire = await requestCard(h, 'restart web in prod');
      const [approveId, expireId] = [approvalIdOf(toApprove), approvalIdOf(toExpire)];
      const expiring = await h.app.approvals.store.get(expireId);
      await until(async () => (await h.app.approvals.audit.latest(1000)).filter((e) => e.kind === 'request').length === 2, 10_000);
      const auditBefore = (await h.app.approvals.audit.latest(1000)).map((e) => e.id);
      expect(auditBefore.length).toBeGreaterThan(0);
      expect(await expiryJobExists(h, expireId)).toBe(true);

      await sleep(quietMs);
      await restart(h, redis, signal);

      const pending = [await h.app.approvals.store.get(approveId), await h.app.approvals.store.get(expireId)].map((r) => r?.state);
      const jobs = [await expiryJobExists(h, approveId), await expiryJobExists(h, expireId)];
      const auditAfter = new Set((await h.app.approvals.audit.latest(1000)).map((e) => e.id));
      const auditLost = auditBefore.filter((id) => !auditAfter.has(id)).length;

      h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: toApprove.messageId, data: buttonData(toApprove, 'approve') });
      const done = await cardWhen(h, ALICE, toApprove.messageId, /Done:/, 20_000).catch(() => undefined);
      const expired = await cardWhen(h, ALICE, toExpire.messageId, /Expired at/, 30_000).catch(() => undefined);
      const expiredAt = expired?.history.find((v) => /Expired at/.test(v.plainText))?.at;
      const lateMs = expiredAt === undefined ? Infinity : expiredAt - (expiring?.expiresAt ?? 0);
      const tally = reportFault(`Redis restarted with AOF everysec (${signal})`, {
        lost:
          pending.filter((s) => s !== 'pending').length + jobs.filter((j) => !j).length + auditLost + (done ? 0 : 1) + (expired ? 0 : 1),
        duplicated: Math.max(0, cluster.mutationCount() - 1),
      });

      expect(pending).toEqual(['pending', 'pending']);
      expect(jobs).toEqual([true, true]);
      expect(auditLost).toBe(0);
      expect(tally).toEqual({ lost: 0, duplicated: 0 });
      expect(cluster.mutationCount()).toBe(1);
      expect(expired?.plainText).toContain('nothing was run');
      // On time: the delayed job fires at the deadline (the 5 s sweep would be later); generous for a busy machine.
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThan(3000);
      expect((await h.app.approvals.store.get(expireId))?.state).toBe('expired');
    },
    90_000,
  );

  it.skipIf(!haveRedisServer)(
    'without persistence, everything pending is gone and the bot fails closed: a tap on an old card runs nothing',
    async () => {
      redis = await startOwnRedis({ persistence: 'none' });
      const cluster = createSimulatedCluster();
      const h = await startHarness({ app: { executor: cluster }, env: { REDIS_URL: redis.url, APPROVAL_TIMEOUT_SECONDS: '8' } });
      harness = h;
      const card = await requestCard(h, 'restart api in prod');
      const approvalId = approvalIdOf(card);
      // The request's own audit entry is written just after its card.
      expect(await until(async () => (await h.app.approvals.audit.latest(100)).some((e) => e.kind === 'request'), 10_000)).toBe(true);

      await restart(h, redis, 'SIGTERM');

      expect(await h.app.approvals.store.get(approvalId)).toBeUndefined();
      expect(await expiryJobExists(h, approvalId)).toBe(false);
      expect(await h.app.approvals.audit.latest(100)).toEqual([]);

      const tap = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
      const answer = await answerTo(h, tap.callbackQueryId);
      expect(answer.text).toBe('This approval no longer exists. Nothing was changed.');
      // Past the old deadline too: nothing ran, and no job was left to run it.
      await sleep(9000);
      expect(cluster.mutationCount()).toBe(0);
      reportFault('Redis restarted without persistence (fails closed)', { lost: 0, duplicated: cluster.mutationCount() });
      // The bot itself carries on: a new request gets a new card, which again needs a person.
      const fresh = await requestCard(h, 'restart web in prod');
      expect(approvalIdOf(fresh)).not.toBe(approvalId);
      expect((await h.app.approvals.store.get(approvalIdOf(fresh)))?.state).toBe('pending');
      expect(cluster.mutationCount()).toBe(0);
    },
    90_000,
  );
});
