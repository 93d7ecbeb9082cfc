import { z } from 'zod';
import type { ApprovalRecord } from '../../approvals/types.js';
import { CLUSTER_ERROR_CODES, ClusterError } from '../../cluster/cluster-error.js';
import { renderClusterError } from '../run/render-cluster-error.js';
import type { ChangePreview } from '../../cluster/results.js';
import { cleanDisplayText, revealHiddenText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { formatCall } from './agent-outcome.js';
import { capDiffPerObject, objectLines } from './approval-card-objects.js';
import { requestLines } from './approval-card-request.js';
import { formatClock } from './clock.js';
import { personLabel } from './person.js';

/** What the flow stores when the cluster refused an approved call (read back from Redis, so checked). */
const clusterFailure = z.object({
  errorCode: z.enum(CLUSTER_ERROR_CODES),
  errorDetails: z.record(z.string(), z.string()),
});

function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** A value that will run, escaped, with any hidden character shown rather than dropped. */
function shownArgument(value: string): string {
  return escapeHtml(revealHiddenText(value));
}

/** A name or message from the cluster (or a person), escaped, without hidden characters. */
function shownName(value: string, multiline = false): string {
  return escapeHtml(cleanDisplayText(value, { multiline }));
}

/** "Restart deployment api in prod", in the card's language. */
function whatInWords(t: Translate, locale: Locale, r: ApprovalRecord, defaultNamespace: string): string {
  const a = r.arguments;
  const namespace = shownArgument(str(a.namespace) || defaultNamespace);
  return t(locale, `approval-what-${r.tool}`, {
    name: shownArgument(str(a.name)),
    namespace,
    replicas: shownArgument(str(a.replicas)),
    revision: shownArgument(str(a.revision) || '-'),
    kind: shownArgument(str(a.kind)),
  });
}

function previewLines(t: Translate, locale: Locale, preview: ChangePreview | undefined, previewError: string | undefined): string[] {
  if (previewError) return [t(locale, 'approval-preview-failed', { error: shownName(previewError, true) })];
  if (!preview) return [];
  const lines = [t(locale, 'approval-preview', { source: preview.dryRun })];
  const current = preview.current ?? {};
  const after = preview.after ?? {};
  if (preview.action === 'scale') {
    lines.push(t(locale, 'approval-preview-replicas', { before: str(current.replicas) || '?', after: str(after.replicas) || '?' }));
  }
  if (preview.currentRevision !== undefined) {
    lines.push(
      t(locale, 'approval-preview-revision', {
        current: preview.currentRevision,
        target: preview.targetRevision ?? preview.currentRevision,
      }),
    );
  }
  if (preview.affectedPods.length > 0) {
    const shown = preview.affectedPods
      .slice(0, 10)
      .map((pod) => shownName(pod))
      .join(', ');
    const more = preview.affectedPods.length > 10 ? ` +${preview.affectedPods.length - 10}` : '';
    lines.push(t(locale, 'approval-preview-pods', { count: preview.affectedPods.length, pods: `${shown}${more}` }));
  }
  if (preview.action === 'delete')
    lines.push(t(locale, 'approval-preview-delete', { kind: shownName(preview.target.kind), name: shownName(preview.target.name) }));
  if (preview.diff) {
    // The diff holds the manifest that will be applied: hidden characters are shown, not dropped; each object's
    // diff is cut on its own, so no object hides past another's.
    lines.push(`<pre>${escapeHtml(revealHiddenText(capDiffPerObject(preview.diff)))}</pre>`);
  }
  for (const note of preview.notes ?? []) lines.push(`• ${shownName(note, true)}`);
  return lines;
}

function stateLines(t: Translate, locale: Locale, r: ApprovalRecord, timeZone: string): string[] {
  const by = personLabel(t, locale, r.decidedByName, r.decidedBy);
  const at = r.decidedAt ? formatClock(r.decidedAt, locale, timeZone) : '';
  switch (r.state) {
    case 'pending':
      return [t(locale, 'approval-state-pending', { at: formatClock(r.expiresAt, locale, timeZone) })];
    case 'approved':
      return [t(locale, 'approval-state-approved', { by, at })];
    case 'executing':
      return [t(locale, 'approval-state-approved', { by, at }), t(locale, 'approval-state-executing')];
    case 'succeeded': {
      const message = typeof r.result === 'object' && r.result !== null && 'message' in r.result ? str(r.result.message) : '';
      return [
        t(locale, 'approval-state-approved', { by, at }),
        t(locale, 'approval-state-succeeded', { message: shownName(message, true) }),
      ];
    }
    case 'failed': {
      const cluster = clusterFailure.safeParse(r.result);
      const failure = cluster.success
        ? renderClusterError(t, locale, new ClusterError(cluster.data.errorCode, r.error ?? '', cluster.data.errorDetails))
        : t(locale, 'approval-state-failed', { error: shownName(r.error ?? '', true) });
      return [t(locale, 'approval-state-approved', { by, at }), failure];
    }
    case 'rejected':
      return [
        t(locale, 'approval-state-rejected', { by, at }),
        ...(r.reason ? [t(locale, 'approval-reason', { reason: shownName(r.reason, true) })] : []),
      ];
    case 'cancelled':
      return [t(locale, 'approval-state-cancelled', { by, at })];
    case 'expired':
      return [t(locale, 'approval-state-expired', { at: formatClock(r.expiresAt, locale, timeZone) })];
  }
}

export interface CardOptions {
  defaultNamespace: string;
  timeZone: string;
  previewError?: string;
  /** Its message ids could not be saved: the card says it takes no decision instead of its state. */
  untracked?: boolean;
}

/** The approval card: what will run, the exact call, the target, the risk, the preview, who asked, the deadline, the state. */
export function renderApprovalCard(t: Translate, r: ApprovalRecord, options: CardOptions): string {
  const locale = r.locale;
  const a = r.arguments;
  const preview = r.preview as ChangePreview | undefined;
  const namespace = str(a.namespace) || options.defaultNamespace;
  const target = preview?.target
    ? `${preview.target.kind} ${preview.target.name}`
    : r.tool === 'apply_manifest'
      ? 'manifest'
      : `${str(a.kind) || 'deployment'} ${str(a.name)}`;
  const lines = [
    t(locale, `approval-title-${r.risk}`, { id: r.id.slice(0, 6) }),
    `<b>${whatInWords(t, locale, r, options.defaultNamespace)}</b>`,
    t(locale, 'approval-call', { call: `<code>${escapeHtml(formatCall({ name: r.tool, arguments: a }))}</code>` }),
    ...requestLines(t, r),
    t(locale, 'approval-target', { namespace: shownArgument(namespace), target: shownArgument(target) }),
    t(locale, 'approval-risk', { risk: t(locale, `risk-${r.risk}`) }),
    ...previewLines(t, locale, preview, options.previewError),
    t(locale, 'approval-requested-by', { who: personLabel(t, locale, r.requesterName, r.requesterId) }),
    t(locale, 'approval-expires', { at: formatClock(r.expiresAt, locale, options.timeZone) }),
    t(locale, 'approval-hash', { hash: r.argsHash.slice(0, 12) }),
    ...objectLines(t, r, options.defaultNamespace),
    '',
    ...(options.untracked ? [t(locale, 'approval-state-untracked')] : stateLines(t, locale, r, options.timeZone)),
  ];
  return lines.join('\n');
}
