import type { ProposeResult } from '../../approvals/flow.js';
import type { ToolCall } from '../../tools/registry.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { renderClusterError } from '../run/render-cluster-error.js';
import { formatCall } from './agent-outcome.js';

/** What the chat is told when a change did not become a card: the chat's mode, or a call that cannot run. */
export function renderProposalNotice(
  t: Translate,
  locale: Locale,
  result: Exclude<ProposeResult, { kind: 'card' }>,
  call: ToolCall,
): string {
  if (result.kind === 'refused') return renderClusterError(t, locale, result.error);
  return t(locale, `mode-blocked-${result.mode}`, { call: `<code>${escapeHtml(formatCall(call))}</code>` });
}
