/**
 * Taps and other members while one member's model call hangs, in the same group chat. The full bot
 * (`src/main.ts --role bot`, its own process) uses a FAKE Ollama on 127.0.0.1 that holds one member's question
 * until the end of the run and answers everything else at once. Pending approval cards are made with
 * `/run restart_deployment` (no model involved); an approver taps Approve on them one at a time, and after each tap
 * another member sends small talk. The same load runs first with nothing hanging (the control).
 * Prints tap-answer, card-edit and other-member latencies (p50/p99/max); asserts nothing.
 *   npm run bench:taps                 (about 30 s)
 *   BENCH_TAPS_N=300 npm run bench:taps
 */
import { performance } from 'node:perf_hooks';
import {
  startBotApiEmulator,
  type BotApiEmulator,
  type EmulatedMessage,
  type EmulatorEventMap,
  type EmulatorEventName,
} from '../src/demo/bot-api-emulator.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../test/support/fake-openai-server.js';
import { benchAppEnv } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { spawnApp, type BenchChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { waitUntilPolling } from './support/polling-ready.js';
import { formatSummary, ratio, summarize, verdict, type Summary } from './support/stats.js';
import { waitUntil } from './support/timing.js';

const ROUNDS = Number(process.env.BENCH_TAPS_N ?? 100);
const WARMUP_ROUNDS = 10;
const GROUP = -100_555_001;
const ASKER = 40_001; // asks the question that hangs
const APPROVER = 40_002;
const MEMBER = 40_003; // sends small talk after each tap
const REQUESTER = 40_004; // asks for the changes the cards are about
const HANG_TEXT = 'good evening, a long question';
const HUNG_ANSWER = 'Good evening, after the hang.';
const QUICK_ANSWER = 'Hello from the fake Ollama.';
const WAIT_MS = 10_000;
const TAP_GOAL_MS = 1000;
const EDIT_GOAL_MS = 2000;

function lastUserText(body: unknown): string {
  const messages = (body as { messages?: { role?: string; content?: unknown }[] }).messages ?? [];
  const last = messages.filter((m) => m.role === 'user').at(-1);
  return typeof last?.content === 'string' ? last.content : '';
}

interface Figures {
  tap: Summary;
  edit: Summary;
  member: Summary;
  missing: number;
}

/** Resolves with the first event that `pick` accepts, stamped with performance.now(); undefined after WAIT_MS. */
function next<K extends EmulatorEventName, T>(emulator: BotApiEmulator, event: K, pick: (e: EmulatorEventMap[K]) => T | undefined) {
  return new Promise<{ at: number; value: T } | undefined>((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(undefined);
    }, WAIT_MS);
    const off = emulator.on(event, (e) => {
      const value = pick(e);
      if (value === undefined) return;
      clearTimeout(timer);
      off();
      resolve({ at: performance.now(), value });
    });
  });
}

async function makeCards(emulator: BotApiEmulator, n: number): Promise<EmulatedMessage[]> {
  const cards: EmulatedMessage[] = [];
  for (let i = 0; i < n; i++) {
    const card = next(emulator, 'message', (m) => (m.chatId === GROUP && (m.replyMarkup?.inline_keyboard.length ?? 0) > 0 ? m : undefined));
    emulator.sendUserMessage({
      chatId: GROUP,
      userId: REQUESTER,
      text: `/run restart_deployment name=api namespace=prod`,
      chatType: 'supergroup',
      languageCode: 'en',
    });
    const made = await card;
    if (!made) throw new Error('no approval card within 10 s');
    cards.push(made.value);
  }
  return cards;
}

/** For each card: tap Approve, wait for the answer and the edit; then another member's small talk and its answer. */
async function measure(emulator: BotApiEmulator, cards: EmulatedMessage[]): Promise<Figures> {
  const taps: number[] = [];
  const edits: number[] = [];
  const members: number[] = [];
  let missing = 0;
  for (const card of cards) {
    const data = card.replyMarkup?.inline_keyboard[0]?.[0]?.callback_data ?? '';
    const answered = next(emulator, 'callbackAnswer', (a) => (a.messageId === card.messageId ? (true as const) : undefined));
    const edited = next(emulator, 'edit', (m) => (m.messageId === card.messageId ? (true as const) : undefined));
    const tappedAt = performance.now();
    emulator.pressButton({ chatId: GROUP, userId: APPROVER, messageId: card.messageId, data, languageCode: 'en' });
    const [answer, edit] = await Promise.all([answered, edited]);
    if (answer) taps.push(answer.at - tappedAt);
    if (edit) edits.push(edit.at - tappedAt);
    if (!answer || !edit) missing += 1;

    const reply = next(emulator, 'message', (m) =>
      m.chatId === GROUP && m.plainText.includes(QUICK_ANSWER) ? (true as const) : undefined,
    );
    const sentAt = performance.now();
    emulator.sendUserMessage({ chatId: GROUP, userId: MEMBER, text: 'thanks!', chatType: 'supergroup', languageCode: 'en' });
    const got = await reply;
    if (got) members.push(got.at - sentAt);
    else missing += 1;
  }
  return { tap: summarize(taps), edit: summarize(edits), member: summarize(members), missing };
}

function print(label: string, f: Figures, control?: Figures): void {
  console.log(`${label}`);
  const vs = (s: Summary, c: Summary | undefined) => (c ? `   p99 vs control ${ratio(s.p99, c.p99)}` : '');
  console.log(`  tap answered (answerCallbackQuery) ${formatSummary(f.tap)}${vs(f.tap, control?.tap)}`);
  console.log(`  card edited                        ${formatSummary(f.edit)}${vs(f.edit, control?.edit)}`);
  console.log(`  other member's small talk answered ${formatSummary(f.member)}${vs(f.member, control?.member)}`);
  if (f.missing > 0) console.log(`  MISSING: ${f.missing} taps or answers got nothing within ${WAIT_MS / 1000} s`);
}

const prefix = benchPrefix('taps');
const redis = benchRedis();
let emulator: BotApiEmulator | undefined;
let model: FakeOpenAiServer | undefined;
let child: BenchChild | undefined;
// /run changes are previewed and carded by a worker; the bot only reads the cluster.
let worker: BenchChild | undefined;
let release = () => undefined as void;
let broken = false;

try {
  const released = new Promise<void>((resolve) => (release = resolve));
  model = await startFakeOpenAiServer({
    models: ['llama3.2'],
    handler: async (body) => {
      if (lastUserText(body) !== HANG_TEXT) return { json: chatCompletion({ content: QUICK_ANSWER, model: 'llama3.2' }) };
      await released;
      return { json: chatCompletion({ content: HUNG_ANSWER, model: 'llama3.2' }) };
    },
  });
  const fake = model;
  emulator = await startBotApiEmulator();
  const em = emulator;
  const appEnv = benchAppEnv({
    apiRoot: em.apiRoot,
    keyPrefix: prefix,
    allowed: [ASKER, APPROVER, MEMBER, REQUESTER],
    extra: {
      APPROVER_USER_IDS: String(APPROVER),
      OLLAMA_BASE_URL: fake.baseUrl,
      OLLAMA_MODEL: 'llama3.2',
      // Longer than the run: the hung call must still be open when the last tap is measured.
      OLLAMA_BUDGET_SECONDS: '600',
    },
  });
  child = spawnApp('bot', appEnv);
  worker = spawnApp('worker', appEnv);
  await waitUntilPolling(em, child, 'the bot');

  console.log(`taps: one group chat; an approver taps Approve on pending cards one at a time, another member sends small talk`);
  console.log(
    `      after each tap; bot = src/main.ts --role bot, its own process (a worker process posts the cards); FAKE Ollama on 127.0.0.1`,
  );
  console.log(`      ${machineLine()}`);
  await measure(em, await makeCards(em, WARMUP_ROUNDS));
  const control = await measure(em, await makeCards(em, ROUNDS));
  print(`control: nothing hanging, ${ROUNDS} taps`, control);

  const hangingCards = await makeCards(em, ROUNDS);
  const askedAt = performance.now();
  em.sendUserMessage({ chatId: GROUP, userId: ASKER, text: HANG_TEXT, chatType: 'supergroup', languageCode: 'en' });
  await waitUntil(() => fake.chatRequests().some((r) => lastUserText(r.body) === HANG_TEXT), WAIT_MS, 'the hung call');
  // The asker goes on typing: under per-chat ordering this alone would hold the whole chat.
  em.sendUserMessage({ chatId: GROUP, userId: ASKER, text: '/help', chatType: 'supergroup', languageCode: 'en' });
  const hanging = await measure(em, hangingCards);
  const stillHanging = !em.messages(GROUP).some((m) => m.plainText.includes(HUNG_ANSWER));
  print(
    `while the asker's model call hangs (still open after the last tap: ${stillHanging ? 'yes' : 'NO'}), ${ROUNDS} taps`,
    hanging,
    control,
  );
  console.log(
    `  goals: tap answered ≤ ${TAP_GOAL_MS} ms: ${verdict(hanging.tap.max <= TAP_GOAL_MS)} (max); card edited ≤ ${EDIT_GOAL_MS} ms: ${verdict(hanging.edit.max <= EDIT_GOAL_MS)} (max)`,
  );

  const hungAnswer = next(em, 'message', (m) => (m.plainText.includes(HUNG_ANSWER) ? (true as const) : undefined));
  release();
  const delivered = await hungAnswer;
  console.log(
    delivered
      ? `  the hung question was answered ${((delivered.at - askedAt) / 1000).toFixed(1)} s after it was asked, once the fake model returned`
      : '  the hung question got no answer within 10 s of the model returning',
  );
} catch (error) {
  broken = true;
  console.error(`taps benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
  if (child) console.error(child.stderrTail());
  if (worker) console.error(worker.stderrTail());
} finally {
  release();
  await child?.stop(15_000);
  await worker?.stop(15_000);
  await emulator?.close();
  await model?.close();
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
