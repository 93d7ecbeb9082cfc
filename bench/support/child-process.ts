import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchChild {
  process: ChildProcess;
  pid: number;
  /** The last few KB of the child's stderr, for error messages. */
  stderrTail(): string;
  /** True once the child has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string>;
  /** Gives the child an IPC channel (process.send / 'message'). */
  ipc?: boolean;
  /** Extra node flags (e.g. --cpu-prof), before the entry point. */
  nodeArgs?: string[];
}

/**
 * Runs a TypeScript entry point as its own OS process, the way `npm start` does (node with the tsx loader),
 * so the bot or worker under test does not share an event loop with the emulator or the load generator.
 * stdout (the pino log lines) goes to /dev/null; stderr is kept for diagnosis.
 */
export function spawnTsChild(entry: string, args: string[], options: SpawnOptions): BenchChild {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: options.ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'ignore', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  let gone = false;
  // If this process dies without its cleanup running, the child must not outlive it.
  const killOnExit = () => {
    if (!gone) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      gone = true;
      process.off('exit', killOnExit);
      resolve();
    });
  });
  return {
    process: child,
    pid: child.pid,
    stderrTail: () => tail,
    exited: () => gone,
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** `node --import tsx src/main.ts --role <role>`: what `npm start` / `npm run start:bot` run. */
export function spawnApp(role: 'all' | 'bot' | 'worker', env: Record<string, string>): BenchChild {
  return spawnTsChild('src/main.ts', ['--role', role], { env });
}
