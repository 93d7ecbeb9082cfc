import { z } from 'zod';
import { deploymentNameArgument, namespaceArgument } from '../arguments.js';
import { changeTool } from '../tool-module.js';

export const restartDeployment = changeTool({
  name: 'restart_deployment',
  description: 'Restart all pods of a deployment with a rolling restart. Changes the cluster: a person must approve it first.',
  schema: z.strictObject({ name: deploymentNameArgument, namespace: namespaceArgument }),
  risk: 'write',
  // A rolling restart patches the pod template's annotation; get is for the preview.
  rbac: [{ apiGroup: 'apps', resources: ['deployments'], verbs: ['get', 'patch'] }],
  run: (args, executor) => executor.restart_deployment(args),
});
