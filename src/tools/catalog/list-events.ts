import { z } from 'zod';
import { namespaceArgument } from '../arguments.js';
import { resourceNameSchema } from '../kubernetes-names.js';
import { code, eventLine, list, sayFor } from '../tool-html.js';
import { readTool } from '../tool-module.js';

export const listEvents = readTool({
  name: 'list_events',
  description:
    'List recent Kubernetes events in a namespace, newest first, optionally only those about one object. ' +
    'Useful to find why something fails to start or schedule. Read-only.',
  schema: z.strictObject({
    namespace: namespaceArgument,
    involved_object: resourceNameSchema.optional().describe('Only events about the object with this name.'),
    limit: z.int().min(1).max(500).optional().describe('At most this many events, newest first (1-500).'),
  }),
  risk: 'read',
  rbac: [{ apiGroup: '', resources: ['events'], verbs: ['list'] }],
  run: (args, executor) => executor.list_events(args),
  html({ args, result: events, namespace, now, ...text }) {
    const say = sayFor(text);
    const variables = { namespace: code(namespace), count: events.length };
    const title = args.involved_object
      ? say('run-result-events-about-title', { ...variables, object: code(args.involved_object) })
      : say('run-result-events-title', variables);
    if (events.length === 0) return `${title}\n${say('run-result-events-none')}`;
    return `${title}\n${list(
      say,
      events.map((e) => eventLine(say, e, now)),
    )}`;
  },
});
