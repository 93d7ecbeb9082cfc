/**
 * `npm run bench`: every benchmark, one after another, each in its own process (so one's load or leftovers do not
 * touch the next), with its output as it comes. Exits 1 when any of them broke (a missed goal is not a break).
 *   npm run bench
 *   BENCH_ONLY=frontend,worker npm run bench
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './support/child-process.js';
import { machineLine } from './support/machine.js';

/** Every benchmark, run one after another; a missing script is skipped. */
const BENCHES = ['classifier', 'overhead', 'idle-rss', 'frontend', 'isolation', 'taps', 'worker', 'expiry', 'alerts'];
/** Generous bounds: a benchmark that takes longer than this is stuck. */
const TIMEOUT_MS = 10 * 60_000;

function runOne(name: string): Promise<{ code: number | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', `${name}.ts`)], { cwd: REPO_ROOT, stdio: 'inherit' });
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started });
    });
  });
}

const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const chosen = BENCHES.filter((name) => !only || only.includes(name));
console.log(`npm run bench: ${chosen.join(', ')}`);
console.log(machineLine());
const summary: string[] = [];
let failed = 0;
for (const name of chosen) {
  if (!existsSync(join(REPO_ROOT, 'bench', `${name}.ts`))) {
    summary.push(`  ${name.padEnd(11)} skipped: bench/${name}.ts does not exist`);
    continue;
  }
  console.log(`\n=== bench:${name} ===`);
  const { code, ms } = await runOne(name);
  if (code !== 0) failed += 1;
  summary.push(`  ${name.padEnd(11)} ${code === 0 ? 'ran' : `BROKE (exit ${code})`} in ${(ms / 1000).toFixed(1)} s`);
}
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
process.exit(failed > 0 ? 1 : 0);
