import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../../src/demo/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * A redis-server of the test's own, on a free port with AOF on and fsync on every write by default (as a production Redis
 * with appendonly would keep data), so a test may kill and restart it without touching the shared Redis.
 */
export interface OwnRedis {
  port: number;
  /** redis://[:password@]127.0.0.1:port */
  url: string;
  /** Kills the server (SIGKILL by default: with appendfsync always nothing acknowledged is lost). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data directory, resolving once it answers PING. */
  restart(): Promise<void>;
  /** Kills it and removes its data directory. */
  close(): Promise<void>;
}

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function untilAnswers(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`own redis-server did not answer within ${timeoutMs} ms: ${String(error)}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}

/**
 * `always`: AOF with an fsync per write (the default here). `everysec`: AOF as deploy/ runs it (at most a second
 * of writes lost in a crash, none in a clean stop). `none`: no AOF and no snapshots, so a restart starts empty.
 */
export type RedisPersistence = 'always' | 'everysec' | 'none';

export async function startOwnRedis(options: { password?: string; persistence?: RedisPersistence } = {}): Promise<OwnRedis> {
  const persistence = options.persistence ?? 'always';
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'fault-redis-'));
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  const url = `redis://${auth}127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    ...(persistence === 'none' ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', persistence]),
    '--dir',
    dir,
    ...(options.password ? ['--requirepass', options.password] : []),
  ];
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    await untilAnswers(url, 10_000);
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  };
  await launch();
  return {
    port,
    url,
    kill,
    restart: launch,
    async close() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
