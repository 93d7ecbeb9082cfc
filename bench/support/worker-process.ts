/**
 * One worker process for bench/worker.ts: `startApp` role 'worker' (as `npm run start:worker` runs it), except
 * that what the worker posts goes to a FAKE ChatOutput that reports over IPC instead of to Telegram, so Telegram
 * is not the bottleneck. Configuration comes from the environment like src/main.ts. Stops on IPC 'stop' or SIGTERM.
 */
import type { ChatOutput } from '../../src/bot/chat-output.js';
import { startApp } from '../../src/app.js';
import { loadConfig, secretValues } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { WorkerMessage } from './worker-ipc.js';

function report(message: WorkerMessage): void {
  process.send?.(message);
}

/** Tells the parent about every send and edit; message ids are made up (nothing is sent anywhere). */
function createIpcFakeChatOutput(): ChatOutput {
  let nextMessageId = 1;
  return {
    async send(chatId, html) {
      report({ type: 'send', chatId, text: html.slice(0, 300), at: Date.now() });
      return [nextMessageId++];
    },
    async edit(chatId, messageIds, html) {
      const ids = typeof messageIds === 'number' ? [messageIds] : [...messageIds];
      report({ type: 'edit', chatId, messageId: ids[0] ?? 0, text: html.slice(0, 300), at: Date.now() });
      return ids;
    },
    async sendDocument(chatId, document) {
      report({ type: 'send', chatId, text: document.filename, at: Date.now() });
      return nextMessageId++;
    },
    async typing() {},
  };
}

const config = loadConfig(process.env);
const logger = createLogger({ level: config.log.level, secrets: secretValues(config), name: 'chatops-worker' });
// Unset: the worker's own default, as `npm run start:worker` runs it.
const concurrency = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 0) || undefined;
const app = await startApp({
  config,
  logger,
  role: 'worker',
  worker: { output: createIpcFakeChatOutput(), ...(concurrency ? { concurrency } : {}) },
});
report({ type: 'ready', at: Date.now() });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void app.stop(5_000).then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('message', (message: unknown) => {
  if (message === 'stop') stop();
});
process.on('SIGTERM', stop);
process.on('disconnect', stop);
