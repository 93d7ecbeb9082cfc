import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { Redis } from 'ioredis';
import { ConfigError, secretValues } from '../config.js';
import { createLogger } from '../logger.js';
import { DEMO_USERS, startDemoStack, type DemoStack } from './demo-stack.js';
import { freePort } from './free-port.js';
import { runTerminalChat } from './terminal-client.js';

/**
 * `npm run demo`: the Telegram Bot API emulator, the real bot and worker against it, the simulated cluster, a
 * SIMULATED Alertmanager for silences, and a chat in this terminal (src/demo/demo-stack.ts starts all but the
 * chat). No Telegram token, model key or cluster needed; model keys in the environment are used if present.
 */

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Uses REDIS_URL if it answers; otherwise starts a private redis-server for the demo's lifetime. */
async function ensureRedis(url: string): Promise<{ url: string; child?: ChildProcess }> {
  if (await redisAnswers(url)) return { url };
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('spawn', () => resolve(true));
  });
  if (!spawned) {
    throw new Error(
      `Redis does not answer at ${url} and redis-server is not installed: install Redis (apt-get install redis-server, brew install redis) or set REDIS_URL.`,
    );
  }
  const ownUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisAnswers(ownUrl)); i++) await new Promise((r) => setTimeout(r, 100));
  return { url: ownUrl, child };
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let redis: { url: string; child?: ChildProcess };
  try {
    redis = await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const logPath = join(tmpdir(), `chatops-demo-${process.pid}.log`);
  const logFile = createWriteStream(logPath);
  let stack: DemoStack;
  try {
    stack = await startDemoStack({
      env: process.env,
      redisUrl: redis.url,
      logger: (config) =>
        createLogger({ level: config.log.level, secrets: secretValues(config), destination: logFile, name: 'chatops-demo' }),
    });
  } catch (error) {
    if (error instanceof ConfigError) for (const p of error.problems) say(`config: ${p}`);
    else throw error;
    process.exit(1);
  }
  const { config, emulator, alertmanager, alertUrl, alertToken, alertPort, demoAlert } = stack;

  const providers =
    config.providers.map((p) => p.name).join(', ') || 'none: the offline provider (rule-based, no model) answers cluster requests';
  say(`Demo: bot and worker running against the local Telegram Bot API emulator at ${emulator.apiRoot}`);
  say(`Cluster: simulated (in memory). Models: ${providers}. Logs: ${logPath}`);
  say(
    `Users: ${DEMO_USERS.alice} alice (approver), ${DEMO_USERS.bob} bob (approver), ${DEMO_USERS.carol} carol; /as 4242 to be a stranger.`,
  );
  say(`Alerts: an Alertmanager webhook receiver listens at ${alertUrl}. Type /demo-alert to fire a sample KubePodCrashLooping`);
  say(`alert for the crash-looping prod pods (/demo-alert resolved to resolve it), or from another terminal:`);
  say(
    `  ALERT_WEBHOOK_TOKEN=${alertToken} ALERT_WEBHOOK_PORT=${alertPort} ALERT_DEFAULT_CHAT_ID=${DEMO_USERS.alice} npm run --silent cli -- demo-alert`,
  );
  say(`The alert message's buttons: 🔍 Investigate (a read-only investigation, answered as a reply), 🔕 Silence 1h`);
  say(`(approvers only; a silence in the SIMULATED Alertmanager at ${alertmanager.url}), ✅ Acknowledge.`);
  say('');

  const languageCode = /^zh/i.test(process.env.LANG ?? '') ? 'zh-hant' : 'en';
  const shutdown = async () => {
    await stack.close();
    redis.child?.kill('SIGTERM');
    logFile.end();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  await runTerminalChat({
    emulator,
    chatId: DEMO_USERS.alice,
    userId: DEMO_USERS.alice,
    languageCode,
    firstName: 'Alice',
    names: { [DEMO_USERS.bob]: 'Bob', [DEMO_USERS.carol]: 'Carol' },
    demoAlert,
  });
  await shutdown();
  process.exit(0);
}

void main();
