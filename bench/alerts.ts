/**
 * Alertmanager webhook intake. Two figures, both against one Redis and the local Bot API emulator:
 *  1. How many notifications per second the receiver takes: the bot role alone (`src/main.ts --role bot`, its own
 *     process; no worker, so nothing is posted yet), N notifications of distinct groups (1 to 3 alerts each) POSTed
 *     by C clients at once over keep-alive HTTP, each answered 200 only once stored in Redis and queued. Then the
 *     same N again (Alertmanager's repeats and retries: stored nothing new, queued nothing).
 *  2. Webhook → chat message: a worker process (`--role worker`) is started; it first drains the backlog of phase 1
 *     (messages per second), then new groups are sent at a steady rate and each one's time from the POST to the
 *     emulator's sendMessage is measured (p50/p99); then a change to each group, to its edit.
 * Prints the figures and the load average; asserts nothing.
 *  3. Acknowledge taps: on some of those messages a person taps ✅ Acknowledge, at a steady rate; each tap is timed to
 *     its answer (answerCallbackQuery) and to the message edited to say who took it (through the posting queue).
 *   npm run bench:alerts                         N=3000, C=32, 300 paced groups at 20/s, 100 taps at 10/s
 *   BENCH_ALERTS_N=10000 BENCH_ALERTS_CLIENTS=64 npm run bench:alerts
 */
import { freePort } from '../src/demo/free-port.js';
import { performance } from 'node:perf_hooks';
import { startBotApiEmulator, type BotApiEmulator } from '../src/demo/bot-api-emulator.js';
import { bullPrefix } from '../src/jobs/queues.js';
import { ALERT_QUEUE } from '../src/jobs/alert-jobs.js';
import { notification } from '../test/support/alert-payloads.js';
import { benchAppEnv, idRange } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { spawnApp, type BenchChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { formatSummary, summarize } from './support/stats.js';
import { pollUntil, sleep, waitUntil } from './support/timing.js';

const N = Number(process.env.BENCH_ALERTS_N ?? 3000);
const CLIENTS = Number(process.env.BENCH_ALERTS_CLIENTS ?? 32);
const PACED = Number(process.env.BENCH_ALERTS_PACED ?? 300);
const PACED_PER_SECOND = Number(process.env.BENCH_ALERTS_RATE ?? 20);
const TAPS = Number(process.env.BENCH_ALERTS_TAPS ?? 100);
const TAPS_PER_SECOND = Number(process.env.BENCH_ALERTS_TAP_RATE ?? 10);
const TAPPER = 1;
const TOKEN = 'bench-alerts-token-0123456789abcdef';
const CHATS = idRange(-1_000_500, 50);

/** Notification `i` of group `g`: its own alertname (so its message can be told apart), 1 to 3 alerts. */
function body(group: number, alerts = 1 + (group % 3), tag = '') {
  return notification({
    groupKey: `{}/{bench="1"}:{alertname="BenchAlert${group}"}`,
    commonLabels: { alertname: `BenchAlert${group}`, namespace: `ns${group % 7}`, severity: group % 2 ? 'warning' : 'critical' },
    commonAnnotations: { summary: `bench group ${group}${tag}` },
    alerts: Array.from({ length: alerts }, (_, k) => ({ fingerprint: `g${group}a${k}`, labels: { pod: `pod-${group}-${k}` } })),
  });
}

async function post(url: string, payload: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(payload),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Sends every body with `clients` requests in flight; returns per-request latencies and the wall time. */
async function blast(url: string, bodies: unknown[], clients: number): Promise<{ ms: number; latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= bodies.length) return;
        const t0 = performance.now();
        const status = await post(url, bodies[i]).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== 200) failed += 1;
      }
    }),
  );
  return { ms: performance.now() - started, latencies, failed };
}

const prefix = benchPrefix('alerts');
const redis = benchRedis();
const children: BenchChild[] = [];
let emulator: BotApiEmulator | undefined;
let broken = false;

async function countGroups(): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}alert:group:*`, 'COUNT', 1000);
    cursor = next;
    n += keys.length;
  } while (cursor !== '0');
  return n;
}

const queueKey = (state: string) => `${bullPrefix(prefix)}:${ALERT_QUEUE}:${state}`;

try {
  emulator = await startBotApiEmulator();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/alerts`;
  const env = benchAppEnv({
    apiRoot: emulator.apiRoot,
    keyPrefix: prefix,
    allowed: [TAPPER],
    extra: {
      ALERT_WEBHOOK_TOKEN: TOKEN,
      ALERT_WEBHOOK_PORT: String(port),
      ALERT_ROUTES: CHATS.map((chat, k) => `namespace=ns${k % 7},severity=${k % 2 ? 'warning' : 'critical'}→${chat}`)
        .slice(0, 14)
        .join(';'),
      ALERT_DEFAULT_CHAT_ID: String(CHATS[0]),
      LOG_LEVEL: 'warn',
    },
  });
  const bot = spawnApp('bot', env);
  children.push(bot);
  await waitUntil(
    async () =>
      bot.exited() ||
      (await fetch(url)
        .then((r) => r.status === 405)
        .catch(() => false)),
    60_000,
    'the receiver',
  );
  if (bot.exited()) throw new Error(`the bot exited:\n${bot.stderrTail()}`);

  console.log('alerts: Alertmanager webhook receiver (src/main.ts --role bot, its own process) with one Redis;');
  console.log('        the chat is the local Bot API emulator; the worker (--role worker) starts for phase 2');
  console.log(`        ${machineLine()}`);

  // Warm-up: JIT, connections, Lua scripts.
  await blast(
    url,
    Array.from({ length: 200 }, (_, i) => body(1_000_000 + i)),
    CLIENTS,
  );

  const bodies = Array.from({ length: N }, (_, i) => body(i));
  const alertCount = bodies.reduce((n, b) => n + b.alerts.length, 0);
  const first = await blast(url, bodies, CLIENTS);
  const groups = (await countGroups()) - 200;
  const queued = (await redis.llen(queueKey('wait'))) - 200;
  console.log(`phase 1: ${N} new groups (${alertCount} alerts), ${CLIENTS} clients at once`);
  console.log(
    `  ${((N / first.ms) * 1000).toFixed(0)} notifications/s (${((alertCount / first.ms) * 1000).toFixed(0)} alerts/s) in ${(first.ms / 1000).toFixed(2)} s; refused or failed ${first.failed}`,
  );
  console.log(`  answer time   ${formatSummary(summarize(first.latencies))}`);
  console.log(`  stored ${groups} groups, queued ${queued} post jobs (expected ${N} each)`);

  const again = await blast(url, bodies, CLIENTS);
  const queuedAfter = (await redis.llen(queueKey('wait'))) - 200;
  console.log(`  the same ${N} again (repeats/retries): ${((N / again.ms) * 1000).toFixed(0)} notifications/s; failed ${again.failed}`);
  console.log(`  answer time   ${formatSummary(summarize(again.latencies))}`);
  console.log(`  queued after the repeats: ${queuedAfter} (nothing new expected)`);

  // Phase 2: the worker drains the backlog, then paced groups are timed to their message.
  const sentAt = new Map<string, number>();
  const postedAt = new Map<string, number>();
  const editedAt = new Map<string, number>();
  const ackEditedAt = new Map<string, number>();
  const messageOf = new Map<string, { chatId: number; messageId: number; ack?: string }>();
  let duplicateSends = 0;
  const groupOf = (text: string) => /BenchAlert(\d+)/.exec(text)?.[1];
  emulator.on('message', (m) => {
    const g = groupOf(m.text);
    if (!g) return;
    if (postedAt.has(g)) duplicateSends += 1;
    else postedAt.set(g, performance.now());
    const ack = m.replyMarkup?.inline_keyboard.flat().find((b) => b.callback_data?.startsWith('al1:k:'))?.callback_data;
    messageOf.set(g, { chatId: m.chatId, messageId: m.messageId, ...(ack ? { ack } : {}) });
  });
  emulator.on('edit', (m) => {
    const g = groupOf(m.text);
    if (g && m.text.includes('(changed)') && !editedAt.has(g)) editedAt.set(g, performance.now());
    if (g && m.plainText.includes('Acknowledged by') && !ackEditedAt.has(g)) ackEditedAt.set(g, performance.now());
  });
  const answeredAt = new Map<string, number>();
  emulator.on('callbackAnswer', (a) => answeredAt.set(a.callbackQueryId, performance.now()));
  const backlog = N + 200;
  const drainStart = performance.now();
  const worker = spawnApp('worker', env);
  children.push(worker);
  const drained = await pollUntil(() => postedAt.size >= backlog || worker.exited(), 300_000, 50);
  if (worker.exited()) throw new Error(`the worker exited:\n${worker.stderrTail()}`);
  const drainMs = performance.now() - drainStart;
  console.log(`phase 2: a worker process starts and posts the backlog of ${backlog} groups`);
  console.log(
    `  ${postedAt.size} messages in ${(drainMs / 1000).toFixed(1)} s (${((postedAt.size / drainMs) * 1000).toFixed(0)} messages/s, worker start-up included)${drained ? '' : ' (TIMED OUT)'}; sent twice: ${duplicateSends}`,
  );

  const paced = Array.from({ length: PACED }, (_, i) => 2_000_000 + i);
  const pacedStart = performance.now();
  await Promise.all(
    paced.map(async (g, i) => {
      await sleep(Math.max(0, pacedStart + (i * 1000) / PACED_PER_SECOND - performance.now()));
      sentAt.set(String(g), performance.now());
      await post(url, body(g));
    }),
  );
  await pollUntil(() => paced.every((g) => postedAt.has(String(g))), 30_000, 20);
  const toMessage = paced.map((g) => (postedAt.get(String(g)) ?? Number.NaN) - (sentAt.get(String(g)) ?? 0)).filter(Number.isFinite);
  console.log(`  ${PACED} new groups at ${PACED_PER_SECOND}/s: webhook POST → first message in the chat`);
  console.log(`    ${formatSummary(summarize(toMessage))}   missing ${PACED - toMessage.length}`);

  const changedAt = new Map<string, number>();
  const changeStart = performance.now();
  await Promise.all(
    paced.map(async (g, i) => {
      await sleep(Math.max(0, changeStart + (i * 1000) / PACED_PER_SECOND - performance.now()));
      changedAt.set(String(g), performance.now());
      await post(url, body(g, 4, ' (changed)'));
    }),
  );
  await pollUntil(() => paced.every((g) => editedAt.has(String(g))), 30_000, 20);
  const toEdit = paced.map((g) => (editedAt.get(String(g)) ?? Number.NaN) - (changedAt.get(String(g)) ?? 0)).filter(Number.isFinite);
  console.log(`  a change to each of them: webhook POST → the message edited`);
  console.log(`    ${formatSummary(summarize(toEdit))}   missing ${PACED - toEdit.length}`);
  console.log(`  messages sent twice for one group: ${duplicateSends}`);

  // Phase 3: Acknowledge taps on the paced groups' messages.
  const tapped = paced.slice(0, TAPS);
  const tappedAt = new Map<string, { at: number; query: string }>();
  const tapStart = performance.now();
  await Promise.all(
    tapped.map(async (g, i) => {
      await sleep(Math.max(0, tapStart + (i * 1000) / TAPS_PER_SECOND - performance.now()));
      const message = messageOf.get(String(g));
      if (!message?.ack || !emulator) return;
      const at = performance.now();
      const { callbackQueryId } = emulator.pressButton({
        chatId: message.chatId,
        userId: TAPPER,
        messageId: message.messageId,
        data: message.ack,
      });
      tappedAt.set(String(g), { at, query: callbackQueryId });
    }),
  );
  await pollUntil(() => tapped.every((g) => ackEditedAt.has(String(g))), 30_000, 20);
  const toAnswer = tapped
    .map((g) => {
      const tap = tappedAt.get(String(g));
      return tap ? (answeredAt.get(tap.query) ?? Number.NaN) - tap.at : Number.NaN;
    })
    .filter(Number.isFinite);
  const toAckEdit = tapped
    .map((g) => (ackEditedAt.get(String(g)) ?? Number.NaN) - (tappedAt.get(String(g))?.at ?? Number.NaN))
    .filter(Number.isFinite);
  console.log(`phase 3: ${tapped.length} ✅ Acknowledge taps at ${TAPS_PER_SECOND}/s on those messages`);
  console.log(`  tap → answered      ${formatSummary(summarize(toAnswer))}   missing ${tapped.length - toAnswer.length}`);
  console.log(`  tap → message edited ${formatSummary(summarize(toAckEdit))}   missing ${tapped.length - toAckEdit.length}`);
  console.log(`  ${machineLine()}`);
} catch (error) {
  broken = true;
  console.error(`alerts benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await Promise.all(children.map((c) => c.stop(15_000)));
  await emulator?.close();
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
