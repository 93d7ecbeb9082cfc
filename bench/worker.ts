/**
 * Worker throughput. N agent jobs (task k8s_operation, "list pods in prod") go into the queue through
 * the bot's own dispatcher before any worker runs; then 1, and in a second round 2, worker processes
 * (`startApp` role 'worker', each its own OS process, as `npm run start:worker`) drain it. The model is a FAKE
 * Nemotron on 127.0.0.1 that answers at once (a list_pods call, then a final answer); the cluster is the simulated
 * one; what the worker posts goes to a FAKE ChatOutput over IPC, so Telegram is not the bottleneck.
 * Prints jobs/s and lost jobs; asserts nothing.
 *   npm run bench:worker                           2,000 jobs per round
 *   BENCH_WORKER_JOBS=5000 npm run bench:worker
 *   BENCH_WORKER_MODEL=offline npm run bench:worker    no model at all: the offline provider plans list_pods
 *   BENCH_WORKER_CONCURRENCY=16 npm run bench:worker   jobs in flight per worker process (default: the worker's 4)
 *   BENCH_WORKER_CPU_PROF=/tmp/prof npm run bench:worker  a CPU profile of each worker process
 */
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createAgentDispatcher } from '../src/jobs/agent-dispatcher.js';
import { agentJobRef } from '../src/jobs/agent-job.js';
import { bullPrefix, openQueue, QUEUE } from '../src/jobs/queues.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../test/support/fake-openai-server.js';
import { benchAppEnv } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { spawnTsChild, type BenchChild } from './support/child-process.js';
import { FAKE_ANSWER_MARKER, FAKE_NEMOTRON_MODEL, fakeNemotronHandler } from './support/fake-nemotron.js';
import { machineLine } from './support/machine.js';
import { busyShare, cpuSeconds, machineCpuTimes } from './support/proc-stats.js';
import { verdict } from './support/stats.js';
import { pollUntil, sleep, waitUntil } from './support/timing.js';
import { workerMessageSchema } from './support/worker-ipc.js';

const JOBS = Number(process.env.BENCH_WORKER_JOBS ?? 2000);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? '';
/** A directory: each worker process writes a V8 CPU profile there (open it in Chrome DevTools). */
const CPU_PROFILE_DIR = process.env.BENCH_WORKER_CPU_PROF;
const MODEL = process.env.BENCH_WORKER_MODEL === 'offline' ? 'offline' : 'fake-nemotron';
const CHATS = 100;
const DRAIN_TIMEOUT_MS = 180_000;
const silent = pino({ level: 'silent' });

interface RoundResult {
  workers: number;
  enqueued: number;
  refused: Map<string, number>;
  done: number;
  answered: number;
  lost: number;
  duplicated: number;
  jobsPerSecond: number;
  spanMs: number;
  /** CPU used during the drain, in cores (1.0 = one core busy the whole time). */
  workerCores: number;
  parentCores: number;
  redisCores: number;
  /** Share of all the machine's cores busy during the drain, whoever used them. */
  machineBusy: number;
}

/** Redis's own pid (INFO server), to read its CPU time; NaN when Redis is elsewhere or says nothing. */
async function redisServerPid(redis: ReturnType<typeof benchRedis>): Promise<number> {
  const info = await redis.info('server');
  return Number(/^process_id:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

async function round(workers: number, model: FakeOpenAiServer | undefined): Promise<RoundResult> {
  const prefix = benchPrefix(`worker${workers}`);
  const redis = benchRedis();
  const queue = openQueue(QUEUE.agent, { connection: redis, prefix: bullPrefix(prefix) });
  const children: BenchChild[] = [];
  try {
    const dispatcher = createAgentDispatcher({ queue, redis, keyPrefix: prefix, logger: silent });
    const refused = new Map<string, number>();
    const expected = new Set<number>();
    // Enqueued before any worker runs, 100 at a time, through the same dispatcher the bot uses.
    for (let start = 0; start < JOBS; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, JOBS - start) }, async (_, k) => {
          const i = start + k;
          const chatId = 50_001 + (i % CHATS);
          const messageId = 1 + Math.floor(i / CHATS);
          const ackMessageId = 1_000_000 + i;
          try {
            await dispatcher.enqueue({
              ref: agentJobRef(chatId, messageId),
              chatId,
              userId: chatId,
              messageId,
              text: 'list pods in prod',
              locale: 'en',
              task: 'k8s_operation',
              ackMessageId,
              requestedAt: Date.now(),
            });
            expected.add(ackMessageId);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            refused.set(reason, (refused.get(reason) ?? 0) + 1);
          }
        }),
      );
    }

    const edits = new Map<number, { count: number; at: number; ok: boolean }>();
    let ready = 0;
    const providerEnv: Record<string, string> =
      model === undefined
        ? {}
        : {
            NVIDIA_BASE_URL: model.baseUrl,
            NVIDIA_API_KEY: 'bench-fake-key',
            NVIDIA_MODEL: FAKE_NEMOTRON_MODEL,
            NVIDIA_RATE_LIMIT_PER_MINUTE: '0',
          };
    for (let w = 0; w < workers; w++) {
      // TELEGRAM_API_ROOT points at the discard port: the fake ChatOutput means nothing is ever sent there.
      const env = benchAppEnv({
        apiRoot: 'http://127.0.0.1:9',
        keyPrefix: prefix,
        allowed: [],
        extra: { ...providerEnv, ...(CONCURRENCY ? { BENCH_WORKER_CONCURRENCY: CONCURRENCY } : {}) },
      });
      const nodeArgs = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
      const child = spawnTsChild('bench/support/worker-process.ts', [], { env, ipc: true, nodeArgs });
      child.process.on('error', () => undefined); // a send racing the child's exit; its exit is handled below
      child.process.on('message', (raw: unknown) => {
        const parsed = workerMessageSchema.safeParse(raw);
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.type === 'ready') ready += 1;
        if (message.type !== 'edit' || !expected.has(message.messageId)) return;
        const ok = !message.text.startsWith('⚠️') && (model === undefined || message.text.includes(FAKE_ANSWER_MARKER));
        const seen = edits.get(message.messageId);
        if (seen) seen.count += 1;
        else edits.set(message.messageId, { count: 1, at: message.at, ok });
      });
      children.push(child);
    }
    await waitUntil(() => ready === workers || children.some((c) => c.exited()), 60_000, 'the workers to start');
    const dead = children.find((c) => c.exited());
    if (dead) throw new Error(`a worker process exited:\n${dead.stderrTail()}`);
    const cpuAtReady = children.map((c) => cpuSeconds(c.pid));
    const redisPid = await redisServerPid(redis);
    const redisAtReady = cpuSeconds(redisPid);
    const machineAtReady = machineCpuTimes();
    const parentAtReady = process.cpuUsage();
    const readyAt = performance.now();
    await pollUntil(() => edits.size >= expected.size || children.some((c) => c.exited()), DRAIN_TIMEOUT_MS, 50);
    const drainSeconds = (performance.now() - readyAt) / 1000;
    const workerCpu = children.reduce((sum, c, k) => sum + cpuSeconds(c.pid) - (cpuAtReady[k] ?? 0), 0);
    const parentCpu = process.cpuUsage(parentAtReady);
    const redisCpu = cpuSeconds(redisPid) - redisAtReady;
    const machineBusy = busyShare(machineAtReady, machineCpuTimes());
    await sleep(1000); // late duplicates

    const times = [...edits.values()].map((e) => e.at).sort((a, b) => a - b);
    const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
    return {
      workers,
      enqueued: expected.size,
      refused,
      done: edits.size,
      answered: [...edits.values()].filter((e) => e.ok).length,
      lost: expected.size - edits.size,
      duplicated: [...edits.values()].reduce((n, e) => n + e.count - 1, 0),
      // n completions span n - 1 intervals.
      jobsPerSecond: times.length > 1 ? (times.length - 1) / (spanMs / 1000) : Number.NaN,
      spanMs,
      workerCores: workerCpu / drainSeconds,
      parentCores: (parentCpu.user + parentCpu.system) / 1e6 / drainSeconds,
      redisCores: redisCpu / drainSeconds,
      machineBusy,
    };
  } finally {
    for (const child of children) if (child.process.connected) child.process.send('stop');
    await Promise.all(children.map((c) => c.stop(15_000)));
    await queue.close();
    await deleteBenchKeys(redis, prefix);
    await redis.quit();
  }
}

let model: FakeOpenAiServer | undefined;
let broken = false;
try {
  if (MODEL === 'fake-nemotron') model = await startFakeOpenAiServer({ models: [FAKE_NEMOTRON_MODEL], handler: fakeNemotronHandler });
  console.log(`worker: ${JOBS} agent jobs (k8s_operation, "list pods in prod") queued first, then drained by worker processes`);
  console.log(
    `        model: ${MODEL === 'offline' ? 'none (the offline provider plans list_pods)' : 'FAKE Nemotron on 127.0.0.1, zero latency, 2 calls a job'}; simulated cluster;`,
  );
  console.log(
    `        output: FAKE ChatOutput over IPC; each worker = startApp role worker (concurrency ${CONCURRENCY || 'default 4'}), its own OS process`,
  );
  console.log(`        ${machineLine()}`);
  const results: RoundResult[] = [];
  for (const workers of [1, 2]) {
    const r = await round(workers, model);
    results.push(r);
    console.log(
      `  ${workers} worker process${workers > 1 ? 'es' : '  '}: ${r.jobsPerSecond.toFixed(0).padStart(5)} jobs/s   ` +
        `(${r.done}/${r.enqueued} done in ${(r.spanMs / 1000).toFixed(2)} s, ${r.answered} answered), lost ${r.lost}, duplicated ${r.duplicated}   ` +
        `goal ≥ 300/s: ${verdict(r.jobsPerSecond >= 300)}`,
    );
    console.log(
      `    CPU while draining: worker process${workers > 1 ? 'es' : ''} ${r.workerCores.toFixed(2)} cores, redis-server ${r.redisCores.toFixed(2)}, ` +
        `this process (fake model, IPC) ${r.parentCores.toFixed(2)}; the machine was ${(r.machineBusy * 100).toFixed(0)}% busy (everyone's work)`,
    );
    for (const [reason, n] of r.refused) console.log(`    refused at enqueue ×${n}: ${reason}`);
  }
  const [one, two] = results;
  if (one && two) console.log(`  2 workers / 1 worker: ${(two.jobsPerSecond / one.jobsPerSecond).toFixed(2)}x`);
} catch (error) {
  broken = true;
  console.error(`worker benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await model?.close();
}
process.exit(broken ? 1 : 0);
