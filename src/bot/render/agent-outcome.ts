import type { AgentOutcome } from '../../agent/agent.js';
import { revealHiddenText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { markdownToTelegramHtml } from '../../html/markdown.js';

/**
 * The exact call, as an operator would read it: name(arg=value, ...). A hidden character in a value (zero-width,
 * bidi, control) is shown as its code point: the call shown is the call that runs.
 */
export function formatCall(call: { name: string; arguments: Record<string, unknown> }): string {
  const args = Object.entries(call.arguments)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' && !/[\s,()]/.test(v) ? v : JSON.stringify(v)}`);
  return revealHiddenText(`${call.name}(${args.join(', ')})`);
}

/** "— provider · model · n steps", or the offline model's own footer. */
export function renderAgentFooter(
  t: Translate,
  locale: Locale,
  outcome: { producedBy: string; model: string | null; steps: unknown[] },
): string {
  if (outcome.producedBy === 'offline') return t(locale, 'agent-footer-offline', { steps: outcome.steps.length });
  return t(locale, 'agent-footer', { provider: outcome.producedBy, model: escapeHtml(outcome.model ?? '-'), steps: outcome.steps.length });
}

/** What the worker writes into the "⏳ #ref" message when the agent is done. */
export function renderAgentOutcome(t: Translate, locale: Locale, ref: string, outcome: AgentOutcome): string {
  switch (outcome.kind) {
    case 'answer':
      return `${t(locale, 'agent-done', { ref })}\n${markdownToTelegramHtml(outcome.text)}\n\n${renderAgentFooter(t, locale, outcome)}`;
    case 'needs_approval':
      return [
        t(locale, 'agent-needs-approval', { ref, risk: t(locale, `risk-${outcome.risk}`) }),
        `<code>${escapeHtml(formatCall(outcome.call))}</code>`,
        outcome.explanation ? markdownToTelegramHtml(outcome.explanation) : '',
        renderAgentFooter(t, locale, outcome),
      ]
        .filter(Boolean)
        .join('\n');
    case 'failed':
      return t(locale, `agent-failed-${outcome.code}`, { ref });
  }
}
