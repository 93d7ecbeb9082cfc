/**
 * A child process for the fault matrix: one role of the app (FAULT_ROLE = worker | bot) configured from the
 * environment like src/main.ts, so a test can SIGKILL it. The cluster is simulated; every tool call is first
 * appended to the Redis list FAULT_CALLS_KEY (that list survives the kill), and calls of the effect named in
 * FAULT_HANG (read | write) then hang forever, so the kill lands mid-call. Prints "ready" on stdout once started;
 * logs go to stderr.
 */
import { Redis } from 'ioredis';
import { startApp } from '../../../src/app.js';
import { createSimulatedCluster } from '../../../src/cluster/simulated.js';
import { loadConfig, secretValues } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { instrumentCluster } from '../instrumented-cluster.js';

const role = process.env.FAULT_ROLE === 'bot' ? 'bot' : 'worker';
const hang = process.env.FAULT_HANG ?? '';
const callsKey = process.env.FAULT_CALLS_KEY ?? '';

const config = loadConfig(process.env, { telegram: true });
const logger = createLogger({
  level: 'info',
  secrets: secretValues(config),
  destination: process.stderr,
  name: `fault-${role}-${process.pid}`,
});
const recorder = new Redis(config.redis.url, { maxRetriesPerRequest: null });

const executor = instrumentCluster(createSimulatedCluster(), async (tool, effect) => {
  if (effect === 'preview') return;
  if (callsKey) await recorder.rpush(callsKey, JSON.stringify({ tool, effect, pid: process.pid }));
  if (effect === hang) await new Promise<never>(() => undefined);
});

const app = await startApp({ config, logger, role, executor, worker: { lockDurationMs: 2000, stalledIntervalMs: 1000 } });
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  void app.stop(2000).finally(() => {
    recorder.disconnect();
    process.exit(0);
  });
});
