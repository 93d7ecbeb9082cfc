import { z } from 'zod';
import { deploymentNameArgument, namespaceArgument } from '../arguments.js';
import { changeTool } from '../tool-module.js';

export const restartDeployment = changeTool({
  name: 'restart_deployment',
  description: 'Restart all pods of a deployment with a rolling restart. Changes the cluster: a person must approve it first.',
  schema: z.strictObject({ name: deploymentNameArgument, namespace: namespaceArgument }),
  risk: 'write',
  run: (args, executor) => executor.restart_deployment(args),
});
