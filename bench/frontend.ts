/**
 * The Telegram front end's own cost. A bare grammY bot under @grammyjs/runner that answers at once,
 * and the full bot (`src/main.ts --role bot`: auth, i18n, classifier, enqueue, ack; no worker, so only the front
 * end is measured), each its own OS process, each against a local Bot API emulator started here.
 * Two emulator instances (same code, same process) let both bots run side by side, so the sequential samples
 * alternate between them and machine noise lands on both alike. Prints figures; asserts nothing.
 *   npm run bench:frontend                       500 sequential messages per bot, burst of 2,000 from 200 chats
 *   BENCH_FRONTEND_N=1000 npm run bench:frontend
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { createTranslator } from '../src/i18n/translator.js';
import { startBotApiEmulator, type BotApiEmulator } from '../src/demo/bot-api-emulator.js';
import { bullPrefix, openQueue, queueCounts, QUEUE } from '../src/jobs/queues.js';
import { benchAppEnv, BENCH_BOT_TOKEN, idRange } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { spawnApp, spawnTsChild, type BenchChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { waitUntilPolling } from './support/polling-ready.js';
import { createReplyTracker, type ReplyTrackerOptions, type TrackerReport } from './support/reply-tracker.js';
import { startRedisTrace } from './support/redis-trace.js';
import { formatSummary, ratio, verdict } from './support/stats.js';
import { sleep } from './support/timing.js';

const SEQUENTIAL_N = Number(process.env.BENCH_FRONTEND_N ?? 500);
const WARMUP = 50;
const BURST_CHATS = 200;
const BURST_PER_CHAT = 10;
const REPLY_TIMEOUT_MS = 10_000;
const BURST_TIMEOUT_MS = 120_000;

const BACKGROUND = [
  'list pods in prod',
  'show deployments in staging',
  '列出 prod 的 pod',
  'get events in default',
  'list nodes',
  'logs of api in prod',
];
const SMALL_TALK = ['thanks!', 'good morning', '早安', 'thank you'];

/** 3 of 5 messages are background work, 1 is /status, 1 is small talk (no model configured: a "no provider" reply). */
function messageFor(i: number): { text: string; kind: string } {
  const slot = i % 5;
  if (slot < 3) return { text: BACKGROUND[i % BACKGROUND.length] ?? 'list pods', kind: 'background' };
  if (slot === 3) return { text: '/status', kind: 'status' };
  return { text: SMALL_TALK[i % SMALL_TALK.length] ?? 'thanks', kind: 'small talk' };
}

interface BotUnderTest {
  name: string;
  emulator: BotApiEmulator;
  child: BenchChild;
  tracking: ReplyTrackerOptions;
  /** Background messages sent to it over all phases: for the full bot, each should be one job in the queue. */
  backgroundSent: number;
}

/** The bot's error notice (locales/en.ftl error-generic) up to its error id. */
const errorNoticeStart = createTranslator()('en', 'error-generic', { errorId: '' }).split('<code>')[0] ?? 'Something went wrong';
const fullBotTracking: ReplyTrackerOptions = { isFollowUp: (m) => m.plainText.startsWith(errorNoticeStart) };

async function sequential(bots: BotUnderTest[], chats: number[]): Promise<Map<string, TrackerReport>> {
  const trackers = bots.map((b) => createReplyTracker(b.emulator, b.tracking));
  let measureFrom = Number.POSITIVE_INFINITY;
  for (let i = 0; i < WARMUP + SEQUENTIAL_N; i++) {
    if (i === WARMUP) measureFrom = performance.now();
    const chatId = chats[i % chats.length] ?? 1;
    const message = messageFor(i);
    // Alternate which bot goes first, so drift (GC, CPU frequency, the other tenant) lands on both alike.
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const tracker = trackers[k];
      if (!tracker) continue;
      const bot = bots[k];
      if (bot) countSent(bot, message.kind);
      const sent = tracker.send({ chatId, userId: chatId, ...message });
      await tracker.answerOf(sent, REPLY_TIMEOUT_MS);
    }
  }
  await sleep(500); // late duplicates
  const reports = new Map<string, TrackerReport>();
  bots.forEach((b, k) => {
    const tracker = trackers[k];
    if (!tracker) return;
    reports.set(
      b.name,
      tracker.report((s) => s.sentAt >= measureFrom),
    );
    tracker.stop();
  });
  return reports;
}

async function burst(bot: BotUnderTest, chats: number[]): Promise<TrackerReport> {
  const tracker = createReplyTracker(bot.emulator, bot.tracking);
  let i = 0;
  for (let round = 0; round < BURST_PER_CHAT; round++) {
    for (const chatId of chats) {
      const message = messageFor(i++);
      countSent(bot, message.kind);
      tracker.send({ chatId, userId: chatId, ...message });
    }
  }
  await tracker.allAnswered(BURST_TIMEOUT_MS);
  await sleep(1000); // late duplicates
  tracker.stop();
  return tracker.report();
}

/**
 * Which Redis commands one message of each kind costs the full bot, and how many come before its ack.
 * A Lua script (BullMQ's, or the bot's own read of an update's keys) shows up as evalsha plus the commands it runs
 * inside Redis, marked (lua): those are not round trips. Commands sent one after another without waiting (a status
 * snapshot's reads) count one each here, though they share round trips.
 */
async function traceRedis(bot: BotUnderTest, chatId: number, redis: Redis, prefix: string): Promise<void> {
  const trace = await startRedisTrace(redis, prefix);
  const tracker = createReplyTracker(bot.emulator, bot.tracking);
  try {
    await sleep(200);
    for (const [i, label] of [
      [0, 'background'],
      [3, 'status'],
      [4, 'small talk'],
    ] as const) {
      trace.take();
      const message = messageFor(i);
      countSent(bot, message.kind);
      const sent = tracker.send({ chatId, userId: chatId, ...message });
      const latency = await tracker.answerOf(sent, REPLY_TIMEOUT_MS);
      await sleep(300); // what the handler does after the ack (the enqueue)
      const commands = trace.take();
      const ackAt = performance.timeOrigin + sent.sentAt + (latency ?? 0);
      const before = commands.filter((c) => c.at <= ackAt);
      const trips = before.filter((c) => !c.lua).length;
      const names = (list: typeof commands) => list.map((c) => `${c.lua ? '(lua) ' : ''}${c.name} ${c.key.split(':')[0]}`).join(', ');
      console.log(
        `  ${label.padEnd(12)} ${commands.length} Redis commands, ${before.length} before the ack in ${trips} command${trips === 1 ? '' : 's'} sent: ${names(before) || '-'}`,
      );
    }
  } finally {
    tracker.stop();
    trace.stop();
  }
}

function countSent(bot: BotUnderTest, kind: string): void {
  if (kind === 'background') bot.backgroundSent += 1;
}

function printReport(label: string, r: TrackerReport, kinds: boolean): void {
  console.log(`  ${label.padEnd(26)} ${formatSummary(r.latency)}   lost ${r.lost}, duplicated ${r.duplicated}`);
  for (const [head, n] of r.extraReplies) console.log(`    extra reply ×${n}: "${head}…"`);
  if (!kinds) return;
  for (const [kind, s] of Object.entries(r.byKind)) console.log(`    ${kind.padEnd(24)} ${formatSummary(s)}`);
}

const prefix = benchPrefix('frontend');
const redis = benchRedis();
const sequentialChats = idRange(10_001, 50);
const burstChats = idRange(20_001, BURST_CHATS);
const emulators: BotApiEmulator[] = [];
const children: BenchChild[] = [];
let broken = false;

try {
  const bareEmulator = await startBotApiEmulator();
  const fullEmulator = await startBotApiEmulator();
  emulators.push(bareEmulator, fullEmulator);
  const bareChild = spawnTsChild('bench/support/bare-grammy-bot.ts', [], {
    env: { TELEGRAM_BOT_TOKEN: BENCH_BOT_TOKEN, TELEGRAM_API_ROOT: bareEmulator.apiRoot },
  });
  children.push(bareChild);
  const fullChild = spawnApp(
    'bot',
    benchAppEnv({
      apiRoot: fullEmulator.apiRoot,
      keyPrefix: prefix,
      allowed: [...sequentialChats, ...burstChats],
      // The default per-person limit, so the ack pays what a deployed bot pays; enough people that nobody reaches it.
      extra: { USER_RATE_LIMIT_PER_MINUTE: '20' },
    }),
  );
  children.push(fullChild);
  await waitUntilPolling(bareEmulator, bareChild, 'the bare grammY bot');
  await waitUntilPolling(fullEmulator, fullChild, 'the full bot');
  const bare: BotUnderTest = { name: 'bare', emulator: bareEmulator, child: bareChild, tracking: {}, backgroundSent: 0 };
  const full: BotUnderTest = { name: 'full', emulator: fullEmulator, child: fullChild, tracking: fullBotTracking, backgroundSent: 0 };

  console.log('frontend: bare grammY bot vs full bot (src/main.ts --role bot, no worker), each its own process,');
  console.log('          against local Bot API emulators on 127.0.0.1; ack latency = injected update → first bot message');
  console.log(`          ${machineLine()}`);
  console.log(
    `sequential: one message at a time, ${SEQUENTIAL_N} per bot after ${WARMUP} warm-up, bots alternating, ${sequentialChats.length} chats`,
  );
  const seq = await sequential([bare, full], sequentialChats);
  const seqBare = seq.get('bare');
  const seqFull = seq.get('full');
  if (!seqBare || !seqFull) throw new Error('no sequential report');
  printReport('bare grammY bot', seqBare, false);
  printReport('full bot, all kinds', seqFull, true);
  const p50Ratio = seqFull.latency.p50 / seqBare.latency.p50;
  console.log(
    `  full / bare at p50         ${ratio(seqFull.latency.p50, seqBare.latency.p50)}   (p99 ${ratio(seqFull.latency.p99, seqBare.latency.p99)})   goal ≤ 1.5x: ${verdict(p50Ratio <= 1.5)}`,
  );
  const bg = seqFull.byKind['background'];
  if (bg) console.log(`  full background / bare p50 ${ratio(bg.p50, seqBare.latency.p50)}`);

  console.log(
    `burst: ${BURST_CHATS * BURST_PER_CHAT} messages from ${BURST_CHATS} chats (${BURST_PER_CHAT} each) injected at once; one bot at a time`,
  );
  for (const bot of [bare, full]) {
    const r = await burst(bot, burstChats);
    const throughput = r.answered / (r.spanMs / 1000);
    console.log(
      `  ${bot.name === 'bare' ? 'bare grammY bot' : 'full bot'}: ${throughput.toFixed(0)} msgs/s (${r.answered}/${r.sent} answered in ${(r.spanMs / 1000).toFixed(2)} s), lost ${r.lost}, duplicated ${r.duplicated}`,
    );
    printReport('  latency under burst', r, bot.name === 'full');
    if (r.lost > 0 || r.duplicated > 0) console.log(`  ${verdict(false)}: every message must be answered exactly once`);
  }

  console.log('redis commands per message of the full bot (MONITOR, after the timed phases; key shown by its first segment):');
  await traceRedis(full, sequentialChats[0] ?? 10_001, redis, prefix);

  // No worker runs, so every job the full bot enqueued is still waiting.
  const queue = openQueue(QUEUE.agent, { connection: redis, prefix: bullPrefix(prefix) });
  const { waiting } = await queueCounts(queue);
  await queue.close();
  const missing = full.backgroundSent - waiting;
  console.log(
    `jobs: ${full.backgroundSent} background messages sent to the full bot, ${waiting} jobs in the queue: ${missing} acked or answered but never enqueued${missing > 0 ? ' (LOST JOBS)' : ''}`,
  );
} catch (error) {
  broken = true;
  console.error(`frontend benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await Promise.all(children.map((c) => c.stop(15_000)));
  await Promise.all(emulators.map((e) => e.close()));
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
