import { stringify } from 'yaml';
import { z } from 'zod';
import { escapeHtml } from '../../html/telegram-html.js';
import { kindArgument, namespaceArgument, resourceNameArgument } from '../arguments.js';
import { code, eventLine, sayFor } from '../tool-html.js';
import { readTool } from '../tool-module.js';

const DESCRIBE_EVENTS = 10;

export const describeResource = readTool({
  name: 'describe_resource',
  description:
    'Describe one Kubernetes object (pod, deployment, statefulset, daemonset, service, ingress, configmap, node, ' +
    'job, cronjob or hpa): its spec, status, conditions and recent events. Read-only.',
  schema: z.strictObject({ kind: kindArgument, name: resourceNameArgument, namespace: namespaceArgument }),
  risk: 'read',
  rbac: [
    { apiGroup: '', resources: ['pods', 'services', 'configmaps', 'nodes'], verbs: ['get'] },
    { apiGroup: 'apps', resources: ['deployments', 'statefulsets', 'daemonsets'], verbs: ['get'] },
    { apiGroup: 'networking.k8s.io', resources: ['ingresses'], verbs: ['get'] },
    { apiGroup: 'batch', resources: ['jobs', 'cronjobs'], verbs: ['get'] },
    { apiGroup: 'autoscaling', resources: ['horizontalpodautoscalers'], verbs: ['get'] },
    // A description shows the object's recent events.
    { apiGroup: '', resources: ['events'], verbs: ['list'] },
  ],
  run: (args, executor) => executor.describe_resource(args),
  html({ result: d, now, ...text }) {
    const say = sayFor(text);
    const title = d.namespace
      ? say('run-result-describe-title', { kind: escapeHtml(d.kind), name: code(d.name), namespace: code(d.namespace) })
      : say('run-result-describe-cluster-title', { kind: escapeHtml(d.kind), name: code(d.name) });
    const labels = Object.entries(d.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    const lines = [title, say('run-result-age', { age: escapeHtml(d.age) })];
    if (labels) lines.push(say('run-result-labels', { labels: code(labels) }));
    if (Object.keys(d.details).length > 0) lines.push(`<pre>${escapeHtml(stringify(d.details).trimEnd())}</pre>`);
    if (d.events.length > 0) {
      lines.push(
        say('run-result-recent-events'),
        d.events
          .slice(0, DESCRIBE_EVENTS)
          .map((e) => eventLine(say, e, now))
          .join('\n'),
      );
    }
    return lines.join('\n');
  },
});
