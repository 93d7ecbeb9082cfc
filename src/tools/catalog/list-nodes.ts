import { z } from 'zod';
import type { NodeSummary } from '../../cluster/results.js';
import { escapeHtml } from '../../html/telegram-html.js';
import { code, list, sayFor, type Say } from '../tool-html.js';
import { readTool } from '../tool-module.js';

function nodeEntry(say: Say, node: NodeSummary): string {
  const pressure = node.conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => ` · ⚠️ ${escapeHtml(c.type)}`);
  const taints = node.taints.length > 0 ? ` · ${say('run-result-taints', { taints: escapeHtml(node.taints.join(', ')) })}` : '';
  const details = say('run-result-node-line', {
    status: escapeHtml(node.status),
    roles: escapeHtml(node.roles.join(',') || '-'),
    version: escapeHtml(node.version),
    age: escapeHtml(node.age),
    pods: node.podCount,
  });
  return `• ${code(node.name)}\n   ${details}${pressure.join('')}${taints}`;
}

export const listNodes = readTool({
  name: 'list_nodes',
  description: 'List the cluster nodes with their status, roles, version and resource pressure. Read-only.',
  schema: z.strictObject({}),
  risk: 'read',
  rbac: [{ apiGroup: '', resources: ['nodes'], verbs: ['list'] }],
  run: (_args, executor) => executor.list_nodes(),
  html({ result: nodes, ...text }) {
    const say = sayFor(text);
    return `${say('run-result-nodes-title', { count: nodes.length })}\n${list(
      say,
      nodes.map((n) => nodeEntry(say, n)),
    )}`;
  },
});
