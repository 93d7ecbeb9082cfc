import { z } from 'zod';
import { kindArgument, namespaceArgument, resourceNameArgument } from '../arguments.js';
import { catalogKindRules } from '../rbac.js';
import { changeTool } from '../tool-module.js';

export const deleteResource = changeTool({
  name: 'delete_resource',
  description: 'Delete one Kubernetes object. Destructive and irreversible: a person must approve it first.',
  schema: z.strictObject({ kind: kindArgument, name: resourceNameArgument, namespace: namespaceArgument }),
  risk: 'critical',
  // The namespaced catalog kinds only: no rule lets the bot delete a Node. get is for the preview.
  rbac: catalogKindRules(['get', 'delete']),
  run: (args, executor) => executor.delete_resource(args),
});
