import { z } from 'zod';
import { deploymentNameArgument, namespaceArgument } from '../arguments.js';
import { changeTool } from '../tool-module.js';

export const scaleDeployment = changeTool({
  name: 'scale_deployment',
  description:
    'Set the number of replicas of a deployment (0-100). Changes the cluster: a person must approve it first; ' +
    'scaling to 0 stops the service.',
  schema: z.strictObject({
    name: deploymentNameArgument,
    replicas: z.int().min(0).max(100).describe('Desired number of replicas (0-100).'),
    namespace: namespaceArgument,
  }),
  risk: 'write',
  // Zero replicas stops the service: as grave as a delete.
  escalate: (args) => (args.replicas === 0 ? 'critical' : null),
  rbac: [
    { apiGroup: 'apps', resources: ['deployments'], verbs: ['get'] },
    { apiGroup: 'apps', resources: ['deployments/scale'], verbs: ['get', 'patch'] },
  ],
  run: (args, executor) => executor.scale_deployment(args),
});
