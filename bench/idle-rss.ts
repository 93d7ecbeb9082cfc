/**
 * The idle memory of `npm start`. Starts `node --import tsx src/main.ts` (bot and worker in
 * one process, what `npm start` runs through tsx) against a local Bot API emulator, Redis and the simulated
 * cluster, waits until it polls, lets it sit idle, and reads VmRSS of that node process from /proc. Prints figures.
 *   npm run bench:idle-rss               10 s idle
 *   BENCH_IDLE_SECONDS=30 npm run bench:idle-rss
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startBotApiEmulator, type BotApiEmulator } from '../src/demo/bot-api-emulator.js';
import { benchAppEnv } from './support/bench-env.js';
import { benchPrefix, benchRedis, deleteBenchKeys } from './support/bench-redis.js';
import { REPO_ROOT, spawnApp, type BenchChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { waitUntilPolling } from './support/polling-ready.js';
import { rssMb } from './support/proc-stats.js';
import { verdict } from './support/stats.js';
import { sleep } from './support/timing.js';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const GOAL_MB = 120;
/** The packages src/ imports at run time, @kubernetes/client-node aside (probed on its own). */
const RUNTIME_DEPS = [
  'grammy',
  '@grammyjs/runner',
  '@grammyjs/conversations',
  '@grammyjs/auto-retry',
  '@fluent/bundle',
  'bullmq',
  'ioredis',
  'openai',
  'pino',
  'pino-pretty',
  'prom-client',
  'zod',
  'yaml',
  'dotenv',
];

/**
 * RSS in MB of a throwaway node process that imports `modules` (with or without the tsx loader), collects
 * garbage and sits for a second: where the app's idle RSS comes from.
 */
async function probeRss(modules: string[], withTsx: boolean): Promise<number> {
  const code = [
    ...modules.map((m) => `await import(${JSON.stringify(m)});`),
    'globalThis.gc?.(); await new Promise((r) => setTimeout(r, 1000)); globalThis.gc?.();',
    'process.stdout.write(String(process.memoryUsage().rss));',
  ].join('\n');
  const args = [...(withTsx ? ['--import', 'tsx'] : []), '--expose-gc', '--input-type=module', '-e', code];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT, timeout: 60_000 });
  return Number(stdout) / 1048576;
}

const prefix = benchPrefix('idle-rss');
const redis = benchRedis();
let emulator: BotApiEmulator | undefined;
let child: BenchChild | undefined;
let broken = false;

try {
  emulator = await startBotApiEmulator();
  child = spawnApp('all', benchAppEnv({ apiRoot: emulator.apiRoot, keyPrefix: prefix, allowed: [1] }));
  await waitUntilPolling(emulator, child, 'npm start (src/main.ts)');
  const pollingRss = rssMb(child.pid);
  const samples: number[] = [];
  for (let s = 0; s < IDLE_SECONDS; s++) {
    await sleep(1000);
    samples.push(rssMb(child.pid));
  }
  if (child.exited()) throw new Error(`src/main.ts exited while idle:\n${child.stderrTail()}`);
  const idle = samples.at(-1) ?? Number.NaN;
  console.log('idle RSS: node --import tsx src/main.ts (role all: bot + worker), simulated cluster, no model, local emulator');
  console.log(`          ${machineLine()}`);
  console.log(`  when polling started  ${pollingRss.toFixed(1)} MB`);
  console.log(
    `  after ${IDLE_SECONDS} s idle       ${idle.toFixed(1)} MB   (max while idle ${Math.max(...samples).toFixed(1)} MB)   goal ≤ ${GOAL_MB} MB: ${verdict(idle <= GOAL_MB)}`,
  );
  await child.stop(15_000);
  console.log('  where it comes from (throwaway processes that only import, then gc and idle 1 s):');
  const probes: [string, string[], boolean][] = [
    ['node alone', [], false],
    ['node + the tsx loader', [], true],
    ['node + runtime packages, no tsx', RUNTIME_DEPS, false],
    ['node + runtime packages + tsx', RUNTIME_DEPS, true],
    ['node + @kubernetes/client-node only', ['@kubernetes/client-node'], false],
    ['node + tsx + src/cluster/kubernetes.ts', ['./src/cluster/kubernetes.ts'], true],
    ['node + tsx + src/app.ts (imported, not started)', ['./src/app.ts'], true],
  ];
  for (const [label, modules, withTsx] of probes)
    console.log(`    ${label.padEnd(48)} ${(await probeRss(modules, withTsx)).toFixed(1)} MB`);
} catch (error) {
  broken = true;
  console.error(`idle-rss benchmark broke: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await child?.stop(15_000);
  await emulator?.close();
  await deleteBenchKeys(redis, prefix);
  await redis.quit();
}
process.exit(broken ? 1 : 0);
