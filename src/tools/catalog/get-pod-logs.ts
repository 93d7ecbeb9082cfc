import { z } from 'zod';
import { escapeHtml } from '../../html/telegram-html.js';
import { namespaceArgument } from '../arguments.js';
import { containerNameSchema, resourceNameSchema } from '../kubernetes-names.js';
import { code, sayFor } from '../tool-html.js';
import { readTool } from '../tool-module.js';

/** Log text shown at most (about three Telegram messages): the last lines that fit. */
export const MAX_LOG_CHARS = 12_000;

/** The last log lines that fit the budget, oldest first. */
export function lastLinesWithin(lines: readonly string[], budget = MAX_LOG_CHARS): string[] {
  const kept: string[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    if (used + line.length + 1 > budget && kept.length > 0) break;
    kept.push(line.length > budget ? line.slice(-budget) : line);
    used += line.length + 1;
  }
  return kept.reverse();
}

export const getPodLogs = readTool({
  name: 'get_pod_logs',
  description:
    'Read the recent log lines of a pod (or of one of its containers). Use previous=true to read the logs of ' +
    'the container that crashed before the current one. Read-only.',
  schema: z.strictObject({
    pod: resourceNameSchema.describe('Name of the pod.'),
    namespace: namespaceArgument,
    container: containerNameSchema.optional().describe('Container in the pod; omit it for a single-container pod.'),
    tail_lines: z.int().min(1).max(5000).optional().describe('How many of the last lines to return (1-5000).'),
    previous: z.boolean().optional().describe('Logs of the previous, terminated container (after a restart).'),
  }),
  risk: 'read',
  rbac: [
    { apiGroup: '', resources: ['pods'], verbs: ['get'] },
    { apiGroup: '', resources: ['pods/log'], verbs: ['get'] },
  ],
  run: (args, executor) => executor.get_pod_logs(args),
  html({ result: logs, namespace, ...text }) {
    const say = sayFor(text);
    const title = say(logs.previous ? 'run-result-logs-previous-title' : 'run-result-logs-title', {
      pod: code(logs.pod),
      namespace: code(namespace),
      container: code(logs.container),
    });
    if (logs.lines.length === 0) return `${title}\n${say('run-result-logs-none')}`;
    const shown = lastLinesWithin(logs.lines);
    const cut = shown.length < logs.lines.length || logs.truncated;
    const note = cut ? `\n${say('run-result-logs-cut', { shown: shown.length })}` : '';
    return `${title}${note}\n<pre>${escapeHtml(shown.join('\n'))}</pre>`;
  },
});
