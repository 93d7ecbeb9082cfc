import { z } from 'zod';
import { escapeHtml } from '../../html/telegram-html.js';
import { deploymentNameArgument, namespaceArgument } from '../arguments.js';
import { code, list, sayFor } from '../tool-html.js';
import { readTool } from '../tool-module.js';

export const getRolloutHistory = readTool({
  name: 'get_rollout_history',
  description: 'Show the rollout history (revisions) of a deployment. Read-only.',
  schema: z.strictObject({ name: deploymentNameArgument, namespace: namespaceArgument }),
  risk: 'read',
  rbac: [
    { apiGroup: 'apps', resources: ['deployments'], verbs: ['get'] },
    { apiGroup: 'apps', resources: ['replicasets'], verbs: ['get', 'list'] },
  ],
  run: (args, executor) => executor.get_rollout_history(args),
  html({ args, result: revisions, namespace, ...text }) {
    const say = sayFor(text);
    const title = say('run-result-history-title', { name: code(args.name), namespace: code(namespace) });
    if (revisions.length === 0) return `${title}\n${say('run-result-history-none')}`;
    const lines = [...revisions]
      .sort((a, b) => b.revision - a.revision)
      .map((r) => {
        const cause = r.changeCause ? ` · ${escapeHtml(r.changeCause)}` : '';
        const current = r.current ? ` · <b>${say('run-result-history-current')}</b>` : '';
        return `• ${say('run-result-history-line', { revision: r.revision, images: r.images.map(code).join(', ') || '-' })}${cause}${current}`;
      });
    return `${title}\n${list(say, lines)}`;
  },
});
