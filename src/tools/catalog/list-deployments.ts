import { z } from 'zod';
import { escapeHtml } from '../../html/telegram-html.js';
import { namespaceArgument } from '../arguments.js';
import { code, elsewhere, list, sayFor } from '../tool-html.js';
import { readTool } from '../tool-module.js';

const name = 'list_deployments';

export const listDeployments = readTool({
  name,
  description: 'List the deployments in a namespace with desired, ready and available replicas and their images. Read-only.',
  schema: z.strictObject({ namespace: namespaceArgument }),
  risk: 'read',
  rbac: [{ apiGroup: 'apps', resources: ['deployments'], verbs: ['list'] }],
  run: (args, executor) => executor.list_deployments(args),
  foundNothing: (_args, deployments) => deployments.length === 0,
  html({ result: deployments, namespace, otherNamespaces, ...text }) {
    const say = sayFor(text);
    if (deployments.length === 0) {
      return say('run-result-deployments-none', { namespace: code(namespace) }) + elsewhere(say, name, otherNamespaces);
    }
    const lines = deployments.map(
      (d) =>
        `• ${code(d.name)}\n   ${say('run-result-deployment-line', {
          ready: escapeHtml(d.ready),
          revision: d.revision,
          images: d.images.map(code).join(', ') || '-',
          age: escapeHtml(d.age),
        })}`,
    );
    return `${say('run-result-deployments-title', { namespace: code(namespace), count: deployments.length })}\n${list(say, lines)}`;
  },
});
