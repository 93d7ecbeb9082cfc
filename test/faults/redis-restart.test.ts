import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { instrumentCluster } from './instrumented-cluster.js';
import { acksFor, cardsFor, finishedAck, sleep, waitForAnswers } from './answers.js';
import { untilQueuesIdle } from './queue-idle.js';
import { reportFault } from './fault-report.js';
import { redisServerOnPath, startOwnRedis, type OwnRedis } from './own-redis.js';

const haveRedisServer = redisServerOnPath();
if (!haveRedisServer) console.log('fault: Redis restarted mid-traffic · skipped: redis-server is not on PATH');

let harness: Harness | undefined;
let redis: OwnRedis | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await redis?.close();
  redis = undefined;
});

function ask(h: Harness, text: string): number {
  return h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, languageCode: 'en' }).messageId;
}

describe('fault matrix: Redis restarted mid-traffic', () => {
  it.skipIf(!haveRedisServer)('reconnects, and loses no job and no approval enqueued before, during or after the restart', async () => {
    redis = await startOwnRedis();
    const cluster = createSimulatedCluster();
    // Reads take a while, so agent jobs are mid-run (holding BullMQ locks) when Redis dies.
    const slow = instrumentCluster(cluster, (_tool, effect) => sleep(effect === 'write' ? 0 : 700));
    const h = await startHarness({ app: { executor: slow }, env: { REDIS_URL: redis.url, APPROVAL_TIMEOUT_SECONDS: '300' } });
    harness = h;

    ask(h, 'restart api in prod');
    const card = await waitForCard(h, ALICE);
    const approvalId = approvalIdOf(card);

    const before = [ask(h, 'list pods in prod'), ask(h, 'list deployments in prod')];
    await h.emulator.waitFor(() => before.every((id) => acksFor(h, ALICE, id).length > 0), 10_000);
    // These two are mid-run (a slow read, a slow preview) when Redis dies.
    const inFlight = [ask(h, 'why does api keep restarting in prod?'), ask(h, 'restart web in prod')];
    await sleep(300);
    await redis.kill('SIGKILL');
    const during = [ask(h, 'list pods in staging'), ask(h, 'list deployments in prod')];
    // Longer than the poller lease (4.5 s) and the job locks (3 s): both expire while Redis is away.
    await sleep(5000);
    await redis.restart();
    const after = [ask(h, 'list pods in prod'), ask(h, 'list nodes')];
    const requests = [...before, ...inFlight, ...during, ...after];

    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    const done = await cardWhen(h, ALICE, card.messageId, /Done:|Failed:/, 20_000).catch(() => undefined);
    await waitForAnswers(h, ALICE, requests, 25_000);
    await untilQueuesIdle(h.app.redis, h.config.redis.keyPrefix, 10_000);

    const answered = requests.filter((id) => finishedAck(h, ALICE, id));
    const extraAcks = requests.reduce((n, id) => n + Math.max(0, acksFor(h, ALICE, id).length - 1), 0);
    const changeRequest = inFlight[1];
    const changeCards = cardsFor(h, ALICE, changeRequest).length;
    const record = await h.app.approvals.store.get(approvalId);
    const tally = {
      lost: requests.length - answered.length + (changeCards === 0 ? 1 : 0) + (record?.state === 'succeeded' && done ? 0 : 1),
      duplicated: extraAcks + Math.max(0, changeCards - 1) + Math.max(0, cluster.mutationCount() - 1),
    };
    reportFault('Redis restarted mid-traffic', tally);

    expect(requests.length - answered.length, 'background requests never answered').toBe(0);
    expect(extraAcks, 'requests acknowledged twice').toBe(0);
    // A job whose BullMQ lock ran out while Redis was away must not be run again after it already posted its card.
    expect(changeCards, 'approval cards for the one "restart web" request in flight during the outage').toBe(1);
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(done?.plainText).toContain('Done:');
    expect(cluster.mutationCount()).toBe(1);
    expect(h.logs.some((l) => l.includes('redis connection restored'))).toBe(true);
    await h.emulator.waitFor(() => h.app.polling?.state() === 'polling', 6000);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: '/status', languageCode: 'en' });
    const status = await h.emulator.waitForBotMessage(ALICE, (m) => m.plainText.includes('Redis:'), 10_000);
    expect(status.plainText).toContain('Redis: reachable');
  });
});
