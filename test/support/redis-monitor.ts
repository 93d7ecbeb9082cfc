import { connect, type Socket } from 'node:net';
import { TEST_REDIS_URL } from './redis.js';

export interface MonitoredCommand {
  /** Lower-case command name. */
  name: string;
  args: string[];
  /** Run by a Lua script inside Redis: no round trip of its own. */
  lua: boolean;
}

export interface RedisMonitor {
  /** Commands seen since the last take(). */
  take(): MonitoredCommand[];
  stop(): void;
}

const LINE = /^\+\d+\.\d+ \[\d+ ([^\]]+)\] (.*)$/;
const ARG = /"((?:[^"\\]|\\.)*)"/g;

/**
 * Redis MONITOR over a plain socket, parsed line by line. (ioredis's monitor mode can mistake a monitored line for
 * the reply to its own handshake on a busy shared Redis, and throws.)
 */
export async function monitorRedis(): Promise<RedisMonitor> {
  const url = new URL(TEST_REDIS_URL);
  const socket: Socket = connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || 6379) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let seen: MonitoredCommand[] = [];
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\r\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const match = LINE.exec(line);
      if (!match) continue;
      const args = [...(match[2] ?? '').matchAll(ARG)].map((m) => m[1] ?? '');
      seen.push({ name: (args[0] ?? '').toLowerCase(), args: args.slice(1), lua: match[1] === 'lua' });
    }
  });
  socket.on('error', () => undefined);
  if (url.password) socket.write(`AUTH ${decodeURIComponent(url.password)}\r\n`);
  socket.write('MONITOR\r\n');
  // MONITOR answers +OK once it is on; commands from then on are seen.
  await new Promise<void>((resolve) => {
    const check = (chunk: string) => {
      if (chunk.includes('+OK')) {
        socket.off('data', check);
        resolve();
      }
    };
    socket.on('data', check);
  });
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    stop: () => socket.destroy(),
  };
}
