import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';

const SCRIPT = fileURLToPath(new URL('./processes/app-role.ts', import.meta.url));

/** One role of the app in a child process (processes/app-role.ts), to be killed for real. */
export interface ChildApp {
  pid: number;
  /** Everything it logged (stderr) and printed, for a failure message. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, locks are not released, the call in flight never returns. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ChildAppOptions {
  role: 'worker' | 'bot';
  /** Tool calls of this effect hang forever in this child. */
  hang?: 'read' | 'write';
  /** Redis list where every tool call is recorded before it runs. */
  callsKey?: string;
}

/** The same settings the harness's bot runs with (emulator, Redis prefix, users), so the child joins it. */
function envFor(h: Harness, options: ChildAppOptions): NodeJS.ProcessEnv {
  const passThrough = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'SYSTEMROOT'];
  const base = Object.fromEntries(passThrough.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  return {
    ...base,
    TELEGRAM_BOT_TOKEN: h.config.telegram.token ?? TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: h.emulator.apiRoot,
    REDIS_URL: h.config.redis.url,
    REDIS_KEY_PREFIX: h.config.redis.keyPrefix,
    ALLOWED_USER_IDS: h.config.access.allowedUserIds.join(','),
    APPROVER_USER_IDS: h.config.access.approverUserIds.join(','),
    APPROVAL_TIMEOUT_SECONDS: String(h.config.approvals.timeoutSeconds),
    CLUSTER_BACKEND: 'simulated',
    // Several children and test processes run at once: each health/metrics server takes a free port.
    METRICS_PORT: '0',
    FAULT_ROLE: options.role,
    FAULT_HANG: options.hang ?? '',
    FAULT_CALLS_KEY: options.callsKey ?? '',
  };
}

export async function startChildApp(h: Harness, options: ChildAppOptions): Promise<ChildApp> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { env: envFor(h, options), stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child ${options.role} not ready within 20 s:\n${chunks.join('')}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString('utf8'));
      if (chunk.toString('utf8').includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child ${options.role} exited with ${code} before it was ready:\n${chunks.join('')}`));
    });
  });
  return {
    pid: child.pid ?? -1,
    output: () => chunks.join(''),
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
