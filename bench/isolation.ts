/**
 * One chat's slow model must not slow anyone else. The full bot (`src/main.ts --role bot`, its own
 * process) uses a FAKE Ollama on 127.0.0.1 whose reply to one chat's message hangs 60 s and comes at once for
 * everything else. While that call hangs, 50 other chats send /status and small talk (answered by the fake
 * Ollama), each waiting for its answer and then pausing 0.5–2 s. The same load first runs with nothing hanging
 * (the control), so the two can be compared. Prints p50/p99/max per kind; asserts nothing.
 *   npm run bench:isolation          (about 95 s: 5 s warm-up, 20 s control with nothing hanging, 55 s while one chat hangs)
 *   BENCH_ISOLATION_WINDOW_MS=30000 npm run bench:isolation
 */
import { performance } from 'node:perf_hooks';
import { startBotApiEmulator, type BotApiEmulator } from '../src/demo/bot-api-emulator.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../test/support/fake-openai-server.js';
import { benchAppEnv, idRange } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { spawnApp, type BenchChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { waitUntilPolling } from './support/polling-ready.js';
import { createReplyTracker } from './support/reply-tracker.js';
import { formatSummary, ratio, verdict } from './support/stats.js';
import { sleep, waitUntil } from './support/timing.js';

const HANG_MS = 60_000;
// Ends before the hung call does, so every sample of this window is taken while it hangs.
const WINDOW_MS = Math.min(Number(process.env.BENCH_ISOLATION_WINDOW_MS ?? 55_000), HANG_MS - 3_000);
// The same load with nothing hanging, in the same run: on a shared machine only the comparison is meaningful.
const CONTROL_MS = Number(process.env.BENCH_ISOLATION_CONTROL_MS ?? 20_000);
const WARMUP_MS = 5_000;
const PAUSE_MIN_MS = 500;
const PAUSE_MAX_MS = 2_000;
const OTHER_CHATS = 50;
const HANG_CHAT = 30_000;
// Small talk (general_chat → Ollama) that no other chat sends, so the fake can tell it apart.
const HANG_TEXT = 'good evening';
const SMALL_TALK = ['good morning', 'hello!', 'thanks, have a nice day', '早安'];
const REPLY_TIMEOUT_MS = 10_000;

function lastUserText(body: unknown): string {
  const messages = (body as { messages?: { role?: string; content?: unknown }[] }).messages ?? [];
  const last = messages.filter((m) => m.role === 'user').at(-1);
  return typeof last?.content === 'string' ? last.content : '';
}

interface Load {
  tracker: ReturnType<typeof createReplyTracker>;
  chats: number[];
  durationMs: number;
}

/** Every chat: send, wait for the answer, pause, until the window closes; /status and small talk alternate. */
async function runLoad({ tracker, chats, durationMs }: Load): Promise<void> {
  const windowEnd = Date.now() + durationMs;
  await Promise.all(
    chats.map(async (chatId, k) => {
      // Staggered starts: 50 chats firing at the same instant would measure a burst, not steady traffic.
      await sleep(Math.random() * PAUSE_MAX_MS);
      for (let n = k; Date.now() < windowEnd; n++) {
        const status = n % 2 === 0;
        const text = status ? '/status' : (SMALL_TALK[n % SMALL_TALK.length] ?? 'hello!');
        const sent = tracker.send({ chatId, userId: chatId, text, kind: status ? '/status' : 'small talk (fake Ollama)' });
        await tracker.answerOf(sent, REPLY_TIMEOUT_MS);
        await sleep(PAUSE_MIN_MS + Math.random() * (PAUSE_MAX_MS - PAUSE_MIN_MS));
      }
    }),
  );
}

const prefix = benchPrefix('isolation');
const redis = benchRedis();
const chats = idRange(30_001, OTHER_CHATS);
let emulator: BotApiEmulator | undefined;
let model: FakeOpenAiServer | undefined;
let child: BenchChild | undefined;
let broken = false;

try {
  model = await startFakeOpenAiServer({
    models: ['llama3.2'],
    handler: (body) =>
      lastUserText(body) === HANG_TEXT
        ? { hangMs: HANG_MS, json: chatCompletion({ content: 'Good evening (after a 60 s hang).', model: 'llama3.2' }) }
        : { json: chatCompletion({ content: 'Hello from the fake Ollama.', model: 'llama3.2' }) },
  });
  const fake = model;
  emulator = await startBotApiEmulator();
  child = spawnApp(
    'bot',
    benchAppEnv({
      apiRoot: emulator.apiRoot,
      keyPrefix: prefix,
      allowed: [HANG_CHAT, ...chats],
      extra: { OLLAMA_BASE_URL: model.baseUrl, OLLAMA_MODEL: 'llama3.2' },
    }),
  );
  await waitUntilPolling(emulator, child, 'the bot');
  // One tracker at a time: a tracker counts any bot message it cannot match as a duplicate.
  // Warm-up: the same load, not measured, so the JIT and the connection pools are warm for the control too.
  const warmUp = createReplyTracker(emulator);
  await runLoad({ tracker: warmUp, chats, durationMs: WARMUP_MS });
  await sleep(200);
  warmUp.stop();

  const control = createReplyTracker(emulator);
  await runLoad({ tracker: control, chats, durationMs: CONTROL_MS });
  await sleep(200);
  control.stop();

  const tracker = createReplyTracker(emulator);
  const hung = tracker.send({ chatId: HANG_CHAT, userId: HANG_CHAT, text: HANG_TEXT, kind: 'hung chat' });
  await waitUntil(
    () => fake.chatRequests().some((r) => lastUserText(r.body) === HANG_TEXT),
    10_000,
    'the hung model call to reach the fake Ollama',
  );
  const hangStarted = performance.now();
  await runLoad({ tracker, chats, durationMs: WINDOW_MS });
  const stillHanging = hung.firstReplyAt === undefined;
  const report = tracker.report((s) => s.kind !== 'hung chat');
  const baseline = control.report();

  console.log(
    `isolation: one chat's model call hangs ${HANG_MS / 1000} s (fake Ollama); ${OTHER_CHATS} other chats send /status and small talk,`,
  );
  console.log(
    `           each waiting for its answer then pausing ${PAUSE_MIN_MS / 1000}–${PAUSE_MAX_MS / 1000} s; bot = src/main.ts --role bot, its own process`,
  );
  console.log(`           ${machineLine()}`);
  console.log(
    `control: the same load for ${(CONTROL_MS / 1000).toFixed(0)} s with nothing hanging (${(baseline.sent / (CONTROL_MS / 1000)).toFixed(1)} messages/s)`,
  );
  console.log(`  all other chats            ${formatSummary(baseline.latency)}   lost ${baseline.lost}, duplicated ${baseline.duplicated}`);
  for (const [kind, s] of Object.entries(baseline.byKind)) console.log(`    ${kind.padEnd(24)} ${formatSummary(s)}`);
  console.log(
    `while one chat hangs: ${(WINDOW_MS / 1000).toFixed(0)} s (${(report.sent / (WINDOW_MS / 1000)).toFixed(1)} messages/s); the hung call was still open when the window closed: ${stillHanging ? 'yes' : 'NO'}`,
  );
  console.log(`  all other chats            ${formatSummary(report.latency)}   lost ${report.lost}, duplicated ${report.duplicated}`);
  for (const [kind, s] of Object.entries(report.byKind)) {
    const base = baseline.byKind[kind];
    console.log(
      `    ${kind.padEnd(24)} ${formatSummary(s)}   p99 vs control ${base ? ratio(s.p99, base.p99) : 'n/a'}   goal p99 ≤ 50 ms: ${verdict(s.p99 <= 50)}`,
    );
  }
  for (const [head, n] of report.extraReplies) console.log(`    extra reply ×${n}: "${head}…"`);

  const waitMs = HANG_MS + 10_000 - (performance.now() - hangStarted);
  const hungLatency = await tracker.answerOf(hung, Math.max(0, waitMs));
  const answer = emulator.messages(HANG_CHAT).at(-1)?.plainText.replace(/\s+/g, ' ').slice(0, 70);
  console.log(
    hungLatency === undefined
      ? '  the hung chat got no answer within 70 s'
      : `  the hung chat was answered after ${(hungLatency / 1000).toFixed(1)} s: "${answer ?? ''}…"`,
  );
  tracker.stop();
} catch (error) {
  broken = true;
  console.error(`isolation benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
  if (child) console.error(child.stderrTail());
} finally {
  await child?.stop(15_000);
  await emulator?.close();
  await model?.close();
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
