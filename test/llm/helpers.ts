import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { withProviderDefaults } from '../../src/llm/provider-defaults.js';
import type { ProviderName } from '../../src/llm/provider-names.js';
import type { ProviderSettings } from '../../src/llm/types.js';

export function connectTestRedis(): Redis {
  return new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
}

/** A key prefix no other test (or process) shares. */
export function uniquePrefix(name: string): string {
  return `test:llm:${name}:${randomUUID()}:`;
}

export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A logger that keeps every line it writes, for assertions about what gets logged. */
export function capturingLogger(): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines: () => chunks.join('').split('\n').filter(Boolean) };
}

export function settingsFor(
  name: ProviderName,
  baseUrl: string,
  overrides: Partial<Omit<ProviderSettings, 'name' | 'baseUrl'>> = {},
): ProviderSettings {
  return { ...withProviderDefaults({ name, baseUrl, model: `${name}-fake-model`, apiKey: `key-${name}` }), ...overrides };
}
