import type { ApprovalRecord } from '../../approvals/types.js';
import { cleanDisplayText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';

/** Characters of the person's request a card shows; the exact call is always shown in full elsewhere. */
export const CARD_REQUEST_MAX = 300;

function shortened(text: string): string {
  const flat = cleanDisplayText(text).replace(/\s+/g, ' ').trim();
  return flat.length > CARD_REQUEST_MAX ? `${flat.slice(0, CARD_REQUEST_MAX - 1)}…` : flat;
}

/**
 * A change a model proposed shows the person's own request beside it, so an approver sees when the two differ
 * (a model steered by text it read in the cluster); with a warning when the model had read cluster data.
 */
export function requestLines(t: Translate, r: ApprovalRecord): string[] {
  if (r.request?.source !== 'agent') return [];
  const lines = [t(r.locale, 'approval-request', { text: escapeHtml(shortened(r.request.text)) })];
  if (r.request.readClusterData) lines.push(t(r.locale, 'approval-request-cluster-data'));
  return lines;
}
