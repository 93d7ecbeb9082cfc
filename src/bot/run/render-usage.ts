import { standardTools } from '../../tools/registry.js';
import type { ToolRegistry } from '../../tools/tool-registry.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import type { RunCommandProblem } from './parse-run-command.js';
import { bodyParameterOf, usageLine } from './tool-parameters.js';

/** How to call one tool, from its catalog schema, with what [ ] means and where the namespace defaults to. */
export function renderUsage(
  t: Translate,
  locale: Locale,
  tool: string,
  defaultNamespace: string,
  tools: ToolRegistry = standardTools,
): string {
  const lines = [
    t(locale, 'run-usage', { usage: `<code>${escapeHtml(usageLine(tool, tools))}</code>` }),
    t(locale, 'run-usage-legend', { namespace: `<code>${escapeHtml(defaultNamespace)}</code>` }),
  ];
  if (bodyParameterOf(tool, tools)) lines.push(t(locale, 'run-usage-manifest'));
  return lines.join('\n');
}

/** The tool names, as code, for "no such tool" and the help text. */
export function toolList(tools: ToolRegistry = standardTools): string {
  return tools.names.map((name) => `<code>${name}</code>`).join(', ');
}

export function renderUnknownTool(t: Translate, locale: Locale, tool: string, tools: ToolRegistry = standardTools): string {
  return t(locale, 'run-unknown-tool', { tool: escapeHtml(tool.slice(0, 64)), tools: toolList(tools) });
}

export function renderParseProblem(t: Translate, locale: Locale, problem: RunCommandProblem, token: string): string {
  return t(locale, `run-problem-${problem}`, { token: escapeHtml(token.slice(0, 200)) });
}

/** The reason validateToolCall gave, in a localized frame, followed by the tool's usage. */
export function renderInvalidCall(
  t: Translate,
  locale: Locale,
  tool: string,
  reason: string,
  defaultNamespace: string,
  tools: ToolRegistry = standardTools,
): string {
  return `${t(locale, 'run-invalid', { reason: escapeHtml(reason) })}\n${renderUsage(t, locale, tool, defaultNamespace, tools)}`;
}
