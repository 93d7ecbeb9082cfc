import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests share one Redis; each uses its own key prefix, but forks keep timers honest.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
