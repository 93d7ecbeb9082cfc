/**
 * A TEST-ONLY thirteenth tool: what adding a tool takes. It is built from an existing cluster capability
 * (list_deployments), lives in this one file, and brings its own locale keys (DEPLOYMENT_IMAGE_LOCALE_KEYS,
 * which a real tool would append to locales/en.ftl and locales/zh-TW.ftl). It is in no production registry.
 */
import { z } from 'zod';
import { ClusterError } from '../../src/cluster/cluster-error.js';
import { escapeHtml } from '../../src/html/telegram-html.js';
import { deploymentNameArgument, namespaceArgument } from '../../src/tools/arguments.js';
import { code, sayFor } from '../../src/tools/tool-html.js';
import { readTool } from '../../src/tools/tool-module.js';

export const DEPLOYMENT_IMAGE_LOCALE_KEYS = {
  en: [
    'run-result-image-title = <b>Images of { $name }</b> in { $namespace }',
    'run-result-image-line = • { $image }',
    'run-tool-get_deployment_image = image',
  ],
  'zh-TW': [
    'run-result-image-title = <b>{ $name } 的映像檔</b>（{ $namespace }）',
    'run-result-image-line = • { $image }',
    'run-tool-get_deployment_image = 映像檔',
  ],
} as const;

export const getDeploymentImage = readTool({
  name: 'get_deployment_image',
  description: 'Show the container images one deployment runs. Read-only.',
  schema: z.strictObject({ name: deploymentNameArgument, namespace: namespaceArgument }),
  risk: 'read',
  // It reads through list_deployments.
  rbac: [{ apiGroup: 'apps', resources: ['deployments'], verbs: ['list'] }],
  async run(args, executor) {
    const deployments = await executor.list_deployments({ namespace: args.namespace });
    const found = deployments.find((d) => d.name === args.name);
    if (!found) throw new ClusterError('not_found', `deployment "${args.name}" not found`, { name: args.name });
    return { name: found.name, namespace: found.namespace, images: found.images, revision: found.revision };
  },
  // The model needs the images, not the revision.
  forModel: (result) => ({ deployment: result.name, images: result.images }),
  html({ result, ...text }) {
    const say = sayFor(text);
    const title = say('run-result-image-title', { name: code(result.name), namespace: code(result.namespace) });
    return [title, ...result.images.map((image) => say('run-result-image-line', { image: escapeHtml(image) }))].join('\n');
  },
});
