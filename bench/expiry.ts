/**
 * Approval deadlines. 500 approvals are proposed at the start with deadlines spread evenly over 30 s
 * (the first 8 s after the start); the bot and the worker (`startApp` role 'all', in this process, as `npm start`
 * runs them) are stopped and started again halfway. Each expiry's error is expiredAt (the record history's
 * 'expired' entry) minus expiresAt. Prints p50/p99/max and how many expired; asserts nothing.
 *
 * How the deadlines vary: the app's flow takes one APPROVAL_TIMEOUT_SECONDS (at least 5 s) from the config, so
 * each proposal goes through a flow of its own built with the same parts and the same wiring as
 * src/runtime/approvals.ts (store, audit trail, BullMQ scheduler, card through the Bot API emulator), differing
 * only in timeoutSeconds. The expiry itself is the app's: its worker's delayed job (and its 5 s sweep backstop).
 *   npm run bench:expiry            (about 45 s)
 */
import { createChatModeStore } from '../src/approvals/chat-mode.js';
import { createApprovalFlow } from '../src/approvals/flow.js';
import { createApprovalStore } from '../src/approvals/store.js';
import type { ApprovalRecord } from '../src/approvals/types.js';
import { startApp, type App } from '../src/app.js';
import { createAuditTrail } from '../src/audit/trail.js';
import { buttonSealFromBotToken } from '../src/bot/button-codec.js';
import { createChatOutput, createTelegramApi } from '../src/bot/chat-output.js';
import { createApprovalPresenter } from '../src/bot/presenters/approval-presenter.js';
import { createTranslator } from '../src/i18n/translator.js';
import { createSimulatedCluster } from '../src/cluster/simulated.js';
import { loadConfig, secretValues } from '../src/config.js';
import { startBotApiEmulator, type BotApiEmulator } from '../src/demo/bot-api-emulator.js';
import { closeApprovalQueues, createApprovalScheduler, type ApprovalQueues } from '../src/jobs/approval-jobs.js';
import { bullPrefix, openQueue, QUEUE } from '../src/jobs/queues.js';
import { createLogger } from '../src/logger.js';
import { NO_METRICS } from '../src/metrics/registry.js';
import { createClusterRuntime } from '../src/runtime/cluster.js';
import { benchAppEnv, BENCH_BOT_TOKEN, idRange } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { machineLine } from './support/machine.js';
import { formatSummary, summarize, verdict } from './support/stats.js';
import { pollUntil, sleep } from './support/timing.js';

const N = 500;
const SPREAD_MS = 30_000;
const LEAD_MS = 8_000;
const PROPOSE_CONCURRENCY = 10;
const REQUESTERS = idRange(40_001, 20);

const prefix = benchPrefix('expiry');
const redis = benchRedis();
let emulator: BotApiEmulator | undefined;
let app: App | undefined;
let queues: ApprovalQueues | undefined;
let broken = false;

try {
  emulator = await startBotApiEmulator();
  const config = loadConfig(benchAppEnv({ apiRoot: emulator.apiRoot, keyPrefix: prefix, allowed: REQUESTERS }), { telegram: true });
  // Log lines are formatted as in production and then dropped.
  const logger = createLogger({ level: 'info', secrets: secretValues(config), destination: { write: () => true } });
  const cluster = createSimulatedCluster();
  const start = () => startApp({ config, logger, role: 'all', executor: cluster });
  app = await start();

  const settings = { connection: redis, prefix: bullPrefix(prefix) };
  const openedQueues: ApprovalQueues = {
    execute: openQueue(QUEUE.execute, settings),
    expiry: openQueue(QUEUE.expiry, settings),
    followup: openQueue(QUEUE.followup, settings),
  };
  queues = openedQueues;
  const store = createApprovalStore({ redis, keyPrefix: prefix, logger });
  const audit = createAuditTrail({ redis, keyPrefix: prefix, logger, metrics: NO_METRICS });
  const presenter = createApprovalPresenter({
    output: createChatOutput(createTelegramApi(BENCH_BOT_TOKEN, emulator.apiRoot, logger)),
    t: createTranslator(),
    seal: buttonSealFromBotToken(BENCH_BOT_TOKEN),
    defaultNamespace: config.cluster.defaultNamespace,
    timeZone: config.timeZone,
  });
  const executor = (await createClusterRuntime(config, logger, cluster)).executor;
  const schedule = createApprovalScheduler(openedQueues);
  const modes = createChatModeStore(redis, prefix);
  const flowWithTimeout = (timeoutSeconds: number) =>
    createApprovalFlow({
      store,
      audit,
      executor,
      presenter,
      logger,
      redis,
      keyPrefix: prefix,
      schedule,
      modes,
      settings: {
        timeoutSeconds,
        approverIds: config.access.approverUserIds,
        allowSelfApproval: config.access.allowSelfApproval,
      },
    });

  const firstDeadline = Date.now() + LEAD_MS;
  const deadlines = Array.from({ length: N }, (_, i) => firstDeadline + (SPREAD_MS * i) / (N - 1));
  // Proposed in a shuffled order, so the delayed-job set is not filled in deadline order.
  const order = deadlines.map((_, i) => i).sort(() => Math.random() - 0.5);
  const records: ApprovalRecord[] = [];
  let tooLate = 0;
  const proposeStarted = Date.now();
  for (let k = 0; k < order.length; k += PROPOSE_CONCURRENCY) {
    await Promise.all(
      order.slice(k, k + PROPOSE_CONCURRENCY).map(async (i) => {
        const timeoutSeconds = ((deadlines[i] ?? 0) - Date.now()) / 1000;
        if (timeoutSeconds <= 0.05) {
          tooLate += 1;
          return;
        }
        const requester = REQUESTERS[i % REQUESTERS.length] ?? 1;
        const proposed = await flowWithTimeout(timeoutSeconds).propose({
          call: { name: 'restart_deployment', arguments: { name: 'web', namespace: 'prod' } },
          risk: 'write',
          requesterId: requester,
          chatId: requester,
          locale: 'en',
        });
        if (proposed.kind !== 'card') throw new Error(`the proposal made no card: ${proposed.kind}`);
        records.push(proposed.record);
      }),
    );
  }
  const proposeMs = Date.now() - proposeStarted;

  // Restart halfway through the deadlines.
  await sleep(Math.max(0, firstDeadline + SPREAD_MS / 2 - Date.now()));
  const downFrom = Date.now();
  await app.stop(2_000);
  app = undefined;
  app = await start();
  const downTo = Date.now();

  await sleep(Math.max(0, firstDeadline + SPREAD_MS - Date.now()));
  // The sweep backstop runs every 5 s, so 15 s is enough for anything a delayed job missed.
  const ids = records.map((r) => r.id);
  const read = async () => (await Promise.all(ids.map((id) => store.get(id)))).filter((r): r is ApprovalRecord => r !== undefined);
  let final: ApprovalRecord[] = [];
  await pollUntil(
    async () => {
      final = await read();
      return final.every((r) => r.state !== 'pending');
    },
    15_000,
    250,
  );

  const errorOf = (r: ApprovalRecord) => (r.history.find((h) => h.state === 'expired')?.at ?? Number.NaN) - r.expiresAt;
  const expired = final.filter((r) => r.state === 'expired');
  const all = summarize(expired.map(errorOf));
  const duringRestart = expired.filter((r) => r.expiresAt >= downFrom && r.expiresAt <= downTo);
  const outside = expired.filter((r) => r.expiresAt < downFrom || r.expiresAt > downTo);
  const states = new Map<string, number>();
  for (const r of final) states.set(r.state, (states.get(r.state) ?? 0) + 1);
  const cardsShowingExpired = REQUESTERS.reduce(
    (n, chatId) => n + (emulator?.messages(chatId).filter((m) => m.plainText.includes('Expired at')).length ?? 0),
    0,
  );

  console.log(
    `expiry: ${N} approvals proposed at the start (${(proposeMs / 1000).toFixed(2)} s), deadlines spread evenly over ${SPREAD_MS / 1000} s from +${LEAD_MS / 1000} s;`,
  );
  console.log('        bot and worker = startApp role all in this process (as npm start); error = expiredAt − expiresAt');
  console.log(`        ${machineLine()}`);
  console.log(
    `  restart (stop + start) ${((downFrom - firstDeadline) / 1000).toFixed(1)} s into the deadlines, down for ${downTo - downFrom} ms`,
  );
  console.log(
    `  expired ${expired.length} of ${N}${tooLate > 0 ? ` (${tooLate} not proposed: their deadline passed while proposing)` : ''}; states: ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')}; cards edited to "Expired" ${cardsShowingExpired}`,
  );
  console.log(
    `  all expiries               ${formatSummary(all)}   goal max ≤ 1000 ms: ${verdict(all.max <= 1000 && expired.length === N)}`,
  );
  console.log(`    deadline while down      ${formatSummary(summarize(duringRestart.map(errorOf)))}`);
  console.log(`    deadline while up        ${formatSummary(summarize(outside.map(errorOf)))}`);
} catch (error) {
  broken = true;
  console.error(`expiry benchmark broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await app?.stop(2_000).catch(() => undefined);
  if (queues) await closeApprovalQueues(queues);
  await emulator?.close();
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
