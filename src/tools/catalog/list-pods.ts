import { z } from 'zod';
import type { PodSummary } from '../../cluster/results.js';
import { escapeHtml } from '../../html/telegram-html.js';
import { namespaceArgument } from '../arguments.js';
import { labelSelectorSchema } from '../kubernetes-names.js';
import { code, elsewhere, list, sayFor, type Say } from '../tool-html.js';
import { readTool } from '../tool-module.js';

const name = 'list_pods';

function isTroubled(pod: PodSummary): boolean {
  return pod.reason !== null || !['Running', 'Succeeded'].includes(pod.phase);
}

function podEntry(say: Say, pod: PodSummary): string {
  const details = say('run-result-pod-line', {
    ready: escapeHtml(pod.ready),
    status: `${isTroubled(pod) ? '⚠️ ' : ''}${escapeHtml(pod.reason ?? pod.phase)}`,
    restarts: pod.restarts,
    age: escapeHtml(pod.age),
    node: escapeHtml(pod.node ?? '-'),
  });
  return `• ${code(pod.name)}\n   ${details}`;
}

export const listPods = readTool({
  name,
  description: 'List the pods in a namespace with their phase, readiness, restart count and age. Read-only.',
  schema: z.strictObject({
    namespace: namespaceArgument,
    label_selector: labelSelectorSchema.optional().describe('Label selector, for example "app=web,tier!=cache".'),
  }),
  risk: 'read',
  rbac: [{ apiGroup: '', resources: ['pods'], verbs: ['list'] }],
  run: (args, executor) => executor.list_pods(args),
  // With a selector, an empty list says nothing about the namespace itself.
  foundNothing: (args, pods) => pods.length === 0 && !args.label_selector,
  html({ args, result: pods, namespace, otherNamespaces, ...text }) {
    const say = sayFor(text);
    const selector = args.label_selector ? ` · ${code(args.label_selector)}` : '';
    if (pods.length === 0) {
      return say('run-result-pods-none', { namespace: code(namespace) }) + selector + elsewhere(say, name, otherNamespaces);
    }
    const title = say('run-result-pods-title', { namespace: code(namespace), count: pods.length }) + selector;
    return `${title}\n${list(
      say,
      pods.map((pod) => podEntry(say, pod)),
    )}`;
  },
});
