import { z } from 'zod';
import { deploymentNameArgument, namespaceArgument } from '../arguments.js';
import { changeTool } from '../tool-module.js';

export const rollbackDeployment = changeTool({
  name: 'rollback_deployment',
  description:
    'Roll a deployment back to an earlier revision (the previous one when no revision is given). Changes the ' +
    'cluster: a person must approve it first.',
  schema: z.strictObject({
    name: deploymentNameArgument,
    revision: z.int().min(1).optional().describe('Revision to roll back to; omit it for the previous revision.'),
    namespace: namespaceArgument,
  }),
  risk: 'write',
  // Patches the template back to the chosen ReplicaSet's, found by listing them.
  rbac: [
    { apiGroup: 'apps', resources: ['deployments'], verbs: ['get', 'patch'] },
    { apiGroup: 'apps', resources: ['replicasets'], verbs: ['list'] },
  ],
  run: (args, executor) => executor.rollback_deployment(args),
});
