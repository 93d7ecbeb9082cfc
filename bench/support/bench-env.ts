import { BENCH_REDIS_URL } from './bench-redis.js';

/** A well-formed token for the local emulator only; it is not a real bot's token. */
export const BENCH_BOT_TOKEN = '123456789:AAbenchFAKEtokenForTheLocalEmulatorOnly';

const BLANK_PROVIDER_ENV: Record<string, string> = Object.fromEntries(
  ['OLLAMA', 'NVIDIA', 'GEMINI', 'ANTHROPIC'].flatMap((p) => [`${p}_BASE_URL`, `${p}_API_KEY`, `${p}_MODEL`].map((k) => [k, ''])),
);

/** Comma-separated user ids from `first` to `first + count - 1`. */
export function idRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/** The environment of a bot or worker process pointed at the local emulator, Redis and the simulated cluster. */
export function benchAppEnv(opts: {
  apiRoot: string;
  keyPrefix: string;
  allowed: number[];
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: BENCH_BOT_TOKEN,
    TELEGRAM_API_ROOT: opts.apiRoot,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_KEY_PREFIX: opts.keyPrefix,
    ALLOWED_USER_IDS: opts.allowed.join(','),
    CLUSTER_BACKEND: 'simulated',
    LOG_LEVEL: 'info',
    // A free port each: several bench processes run side by side on one machine.
    METRICS_PORT: '0',
    // Set (blank) so a developer's .env cannot add a real provider: benches never leave 127.0.0.1.
    ...BLANK_PROVIDER_ENV,
    // Benches measure throughput with a few users sending many requests; the per-person limit would measure itself.
    USER_RATE_LIMIT_PER_MINUTE: '0',
    ...opts.extra,
  };
}
