import { sortedAlerts, type AlertGroup, type StoredAlert } from '../../alerts/group-record.js';
import { offeredAlertActions } from '../../alerts/policy.js';
import { alertTimeMs } from '../../alerts/webhook-payload.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';
import type { ButtonSeal } from '../button-codec.js';
import { alertButton } from '../callback-data.js';
import type { Buttons } from '../chat-output.js';

const SEVERITY_MARK: Readonly<Record<string, string>> = { critical: '🔴', error: '🔴', warning: '🟠', info: '🔵' };
/** Labels the header already shows, or that say nothing to a reader. */
const HEADER_LABELS = new Set(['alertname', 'severity']);
const MAX_TEXT = 600;
const MAX_LABELS_TEXT = 300;
/** Telegram's limit is 4096; the message stays one message so it can always be edited in place. */
const MAX_HTML = 3900;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "2025-06-02 14:05 (Asia/Taipei)": alerts can last days, so the date is part of it. */
export function formatAlertTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

function labelsText(labels: Readonly<Record<string, string>>, skip: ReadonlySet<string>): string {
  const text = Object.entries(labels)
    .filter(([name]) => !skip.has(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  return cut(text, MAX_LABELS_TEXT);
}

function httpLink(url: string, label: string): string | undefined {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : undefined;
}

function alertLine(t: Translate, locale: Locale, alert: StoredAlert, common: ReadonlySet<string>, timeZone: string): string {
  const own = labelsText(alert.labels, new Set([...common, ...HEADER_LABELS])) || alert.labels.alertname || '-';
  const started = alertTimeMs(alert.startsAt);
  const ended = alertTimeMs(alert.endsAt);
  return alert.status === 'firing'
    ? t(locale, 'alert-item-firing', { labels: escapeHtml(own), time: started ? formatAlertTime(started, timeZone) : '-' })
    : t(locale, 'alert-item-resolved', { labels: escapeHtml(own), time: ended ? formatAlertTime(ended, timeZone) : '-' });
}

function userName(user: { userId: number; name?: string }): string {
  return escapeHtml(user.name ?? String(user.userId));
}

/**
 * The chat message of one alert group, in the group's language: status and severity, alert name, summary, common
 * labels, when it started (and resolved), the alerts one per line, who acknowledged or silenced it, and links.
 */
export function renderAlertMessage(t: Translate, group: AlertGroup, options: { timeZone: string; now: number }): string {
  const { locale } = group;
  const { timeZone, now } = options;
  const alerts = sortedAlerts(group);
  const first = alerts[0];
  const severity = group.commonLabels.severity ?? first?.labels.severity;
  const alertname = group.commonLabels.alertname ?? group.groupLabels.alertname ?? first?.labels.alertname ?? '?';
  const firing = alerts.filter((a) => a.status === 'firing').length;
  const summary =
    group.commonAnnotations.summary ??
    group.commonAnnotations.description ??
    group.commonAnnotations.message ??
    (alerts.length === 1 ? (first?.annotations.summary ?? first?.annotations.description) : undefined);
  const starts = alerts.map((a) => alertTimeMs(a.startsAt)).filter((ms): ms is number => ms !== undefined);
  const ends = alerts.map((a) => alertTimeMs(a.endsAt)).filter((ms): ms is number => ms !== undefined);
  const common = new Set(Object.keys(group.commonLabels));

  const head = [
    `${SEVERITY_MARK[severity ?? ''] ?? '⚪'} <b>${escapeHtml(cut(alertname, 200))}</b> · ${t(locale, group.status === 'firing' ? 'alert-status-firing' : 'alert-status-resolved')}`,
    [
      severity ? t(locale, 'alert-severity', { severity: escapeHtml(cut(severity, 50)) }) : undefined,
      group.status === 'firing'
        ? t(locale, 'alert-count', { count: alerts.length, firing })
        : t(locale, 'alert-count-total', { count: alerts.length }),
    ]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
  if (summary) head.push(`<i>${escapeHtml(cut(summary, MAX_TEXT))}</i>`);
  const labels = labelsText(group.commonLabels, HEADER_LABELS);
  if (labels) head.push(t(locale, 'alert-labels', { labels: `<code>${escapeHtml(labels)}</code>` }));
  if (starts.length > 0) head.push(t(locale, 'alert-started', { time: formatAlertTime(Math.min(...starts), timeZone) }));
  if (group.status === 'resolved' && ends.length > 0)
    head.push(t(locale, 'alert-resolved-at', { time: formatAlertTime(Math.max(...ends), timeZone) }));

  const tail: string[] = [];
  if (group.truncatedAlerts > 0) tail.push(t(locale, 'alert-truncated', { count: group.truncatedAlerts }));
  if (group.acknowledgedBy) {
    tail.push(
      t(locale, 'alert-acknowledged', { user: userName(group.acknowledgedBy), time: formatAlertTime(group.acknowledgedBy.at, timeZone) }),
    );
  }
  if (group.silence) {
    const key = group.silence.until > now ? 'alert-silenced' : 'alert-silence-ended';
    tail.push(t(locale, key, { user: userName(group.silence.by), time: formatAlertTime(group.silence.until, timeZone) }));
  }
  const links = [
    first ? httpLink(first.generatorURL, t(locale, 'alert-link-source')) : undefined,
    httpLink(group.externalURL, t(locale, 'alert-link-alertmanager')),
  ].filter((l): l is string => l !== undefined);
  if (links.length > 0) tail.push(`🔗 ${links.join(' · ')}`);

  // As many alert lines as fit; the rest is counted.
  for (const shown of [10, 5, 2, 0]) {
    const lines = alerts.slice(0, shown).map((a) => `• ${alertLine(t, locale, a, common, timeZone)}`);
    if (alerts.length > shown) lines.push(t(locale, 'alert-more', { count: alerts.length - shown }));
    const html = [head.join('\n'), lines.join('\n'), tail.join('\n')].filter((block) => block !== '').join('\n\n');
    if (html.length <= MAX_HTML || shown === 0) return html;
  }
  return head.join('\n');
}

/**
 * The message's buttons in the group's language (src/alerts/policy.ts decides which): Investigate on a row of its
 * own, then Silence 1h and Acknowledge. None once the group resolved; `[]` then removes the keyboard on edit.
 */
export function alertMessageButtons(t: Translate, group: AlertGroup, now: number, seal: ButtonSeal): Buttons {
  const offered = offeredAlertActions(group, now);
  const chat = seal.forChat(group.chatId);
  const button = (action: (typeof offered)[number]) => ({
    text: t(group.locale, `alert-button-${action}`),
    data: alertButton.pack({ action, groupId: group.id }, chat),
  });
  const rows: Buttons = [];
  if (offered.includes('investigate')) rows.push([button('investigate')]);
  const second = offered.filter((action) => action !== 'investigate').map(button);
  if (second.length > 0) rows.push(second);
  return rows;
}
