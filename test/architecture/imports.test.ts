import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importViolations, type SourceFile } from './import-rules.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every TypeScript file under dir as it is on disk now (tests beside the code included), by repository path. */
function sourceTree(dir = 'src'): SourceFile[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceTree(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [{ path, text: readFileSync(join(ROOT, path), 'utf8') }] : [];
  });
}

describe('the rooms under src/', () => {
  it('keep their import rules: only the bot talks Telegram; BullMQ and the Kubernetes client stay in their rooms', () => {
    const files = sourceTree();
    // The scan sees the tree: the bot, the queues and the cluster client are found where they belong.
    expect(files.some((f) => f.path === 'src/app.ts')).toBe(true);
    expect(files.filter((f) => f.path.startsWith('src/bot/')).length).toBeGreaterThan(5);
    expect(importViolations(files)).toEqual([]);
  });
});

describe('the import rules', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  it('catch a domain room reaching into the bot, by any kind of import', () => {
    const found = importViolations([
      file('src/approvals/flow.ts', "import type { ChatOutput } from '../bot/chat-output.js';"),
      file('src/runtime/worker-role.ts', "export { renderAgentOutcome } from '../bot/render/agent-outcome.js';"),
      file('src/offline/answer.ts', "const m = await import('../bot/reply.js');"),
      file('src/main.ts', "import { createBot } from './bot/create-bot.js';"),
      file('src/alerts/post.ts', "import { x } from '../bot';"),
    ]);
    expect(found.map((v) => v.file)).toEqual([
      'src/approvals/flow.ts',
      'src/runtime/worker-role.ts',
      'src/offline/answer.ts',
      'src/main.ts',
      'src/alerts/post.ts',
    ]);
  });

  it('let the bot, the composition root, the bot role and the demo import the bot', () => {
    expect(
      importViolations([
        file('src/bot/features/approvals.ts', "import { decodeCallbackData } from '../callback-data.js';"),
        file('src/app.ts', "import type { Polling } from './bot/polling.js';"),
        file('src/runtime/bot-role.ts', "import { createBot } from '../bot/create-bot.js';"),
        file('src/demo/run.ts', "import { createBot } from '../bot/create-bot.js';"),
        // A room whose name merely starts with "bot" is not the bot.
        file('src/routing/bot-status.ts', "import { x } from './bot-words.js';"),
      ]),
    ).toEqual([]);
  });

  it('keep grammY in src/bot, BullMQ in src/jobs and the Kubernetes client in src/cluster', () => {
    const found = importViolations([
      file('src/jobs/agent-worker.ts', "import { Worker } from 'bullmq';\nimport type { Api } from 'grammy';"),
      file('src/runtime/core.ts', "import { sequentialize } from '@grammyjs/runner';"),
      file('src/approvals/store.ts', "import type { Queue } from 'bullmq';"),
      file('src/tools/k8s.ts', "import * as k8s from '@kubernetes/client-node';"),
      file('src/cluster/k8s-client.ts', "import * as k8s from '@kubernetes/client-node';"),
      file('src/bot/create-bot.ts', "import { Bot } from 'grammy';\n// import { Queue } from 'bullmq';"),
    ]);
    expect(found.map((v) => `${v.file} ${v.imports}`)).toEqual([
      'src/jobs/agent-worker.ts grammy',
      'src/runtime/core.ts @grammyjs/runner',
      'src/approvals/store.ts bullmq',
      'src/tools/k8s.ts @kubernetes/client-node',
    ]);
  });
});
