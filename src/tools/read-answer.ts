import type { ClusterBackend, ClusterExecutor } from '../cluster/executor.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translator.js';
import { standardTools } from './registry.js';
import { isReadTool, type ToolHtmlInput } from './tool-module.js';
import { toolOf, type ToolRegistry } from './tool-registry.js';

export interface ReadAnswerOptions {
  t: Translate;
  locale: Locale;
  defaultNamespace: string;
  /** For ages; a parameter so tests are exact. */
  now: number;
}

/** A read tool's answer for a person: its HTML, then a footer naming the backend, so a simulated answer says it is one. */
export function readAnswerHtml<Args, Result>(
  tool: { html(input: ToolHtmlInput<Args, Result>): string },
  input: ToolHtmlInput<Args, Result>,
  backend: ClusterBackend,
): string {
  return `${tool.html(input)}\n\n${input.t(input.locale, 'run-result-footer', { backend })}`;
}

/** Where else to look when a namespace is empty: the other namespaces in scope (none if they cannot be listed). */
async function otherNamespaces(executor: ClusterExecutor, namespace: string): Promise<string[]> {
  const all = await executor.listNamespaces().catch(() => []);
  return all.filter((n) => n !== namespace);
}

/**
 * Runs a validated read call for /run through the (scoped) executor and renders the answer in the person's
 * language. Throws ClusterError.
 */
export async function answerReadCall(
  executor: ClusterExecutor,
  call: { name: string; arguments: Record<string, unknown> },
  options: ReadAnswerOptions,
  tools: ToolRegistry = standardTools,
): Promise<string> {
  const tool = toolOf(tools, call);
  if (!isReadTool(tool)) throw new Error(`${call.name} changes the cluster: it goes through an approval, not an answer`);
  const args = call.arguments;
  const result = await tool.run(args, executor);
  const namespace = typeof args['namespace'] === 'string' ? args['namespace'] : options.defaultNamespace;
  const others = tool.foundNothing?.(args, result) ? await otherNamespaces(executor, namespace) : [];
  const { t, locale, now } = options;
  return readAnswerHtml(tool, { args, result, namespace, otherNamespaces: others, t, locale, now }, executor.backend);
}
