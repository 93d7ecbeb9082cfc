import { alertTimeMs, type WebhookAlert, type WebhookPayload } from './webhook-payload.js';
import type { AlertGroup, StoredAlert } from './group-record.js';
import type { Locale } from '../i18n/locale.js';

/** At most this many alerts are kept per group (firing ones first); a group of thousands is summarised anyway. */
export const MAX_ALERTS_PER_GROUP = 300;

export interface MergeContext {
  id: string;
  /** Where a new group (or a group firing again after it resolved) is posted, and in which language. */
  chatId: number;
  locale: Locale;
  now: number;
}

export interface MergeResult {
  group: AlertGroup;
  /** True when something a reader of the message would see changed (the revision went up). */
  changed: boolean;
  /** True when a resolved group fired again: it gets a new message. */
  newEpisode: boolean;
}

const startMs = (a: Pick<StoredAlert, 'startsAt'>) => Date.parse(a.startsAt);

/**
 * Is the incoming state of an alert older than the stored one? Alertmanager retries a failed notification while
 * newer ones may already have arrived, so an old "firing" must not undo a newer "resolved". A Prometheus alert that
 * fires again gets a new startsAt; within one start, resolved is later than firing.
 */
function isStale(incoming: WebhookAlert, stored: StoredAlert): boolean {
  const byStart = startMs(incoming) - startMs(stored);
  if (byStart !== 0) return byStart < 0;
  if (incoming.status !== stored.status) return incoming.status === 'firing';
  if (incoming.status === 'resolved') return (alertTimeMs(incoming.endsAt) ?? 0) < (alertTimeMs(stored.endsAt) ?? 0);
  return false;
}

function toStored(alert: WebhookAlert): StoredAlert {
  return {
    status: alert.status,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    generatorURL: alert.generatorURL,
  };
}

/** JSON with object keys sorted, so two equal states compare equal whatever order their keys arrived in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** What the chat message shows; everything else (times of bookkeeping) may change without an edit. */
function visible(group: AlertGroup): string {
  const { status, alerts, groupLabels, commonLabels, commonAnnotations, externalURL, truncatedAlerts, acknowledgedBy, silence } = group;
  return stableJson({
    status,
    alerts,
    groupLabels,
    commonLabels,
    commonAnnotations,
    externalURL,
    truncatedAlerts,
    acknowledgedBy,
    silence,
  });
}

function capAlerts(alerts: Record<string, StoredAlert>): Record<string, StoredAlert> {
  const entries = Object.entries(alerts);
  if (entries.length <= MAX_ALERTS_PER_GROUP) return alerts;
  const firingFirstNewest = entries.sort(
    ([, a], [, b]) => (a.status === 'firing' ? 0 : 1) - (b.status === 'firing' ? 0 : 1) || startMs(b) - startMs(a),
  );
  return Object.fromEntries(firingFirstNewest.slice(0, MAX_ALERTS_PER_GROUP));
}

/**
 * Folds one Alertmanager notification into the stored group. Pure: the same notification applied twice leaves the
 * group as the first one left it (changed: false), which is what makes Alertmanager's retries harmless.
 */
export function mergeNotification(current: AlertGroup | undefined, payload: WebhookPayload, ctx: MergeContext): MergeResult {
  const alerts: Record<string, StoredAlert> = { ...current?.alerts };
  let accepted = 0;
  let newlyFiring = false;
  for (const incoming of payload.alerts) {
    const stored = alerts[incoming.fingerprint];
    if (stored && isStale(incoming, stored)) continue;
    if (incoming.status === 'firing' && stored?.status !== 'firing') newlyFiring = true;
    alerts[incoming.fingerprint] = toStored(incoming);
    accepted += 1;
  }
  // A notification made only of stale alerts is an old retry: it changes nothing, not even the common labels.
  if (current && accepted === 0) return { group: current, changed: false, newEpisode: false };

  const newEpisode = current?.status === 'resolved' && newlyFiring;
  if (newEpisode) {
    // The earlier episode's resolved alerts belong to its message, not to the new one.
    for (const [fingerprint, alert] of Object.entries(alerts)) if (alert.status === 'resolved') delete alerts[fingerprint];
  }
  const kept = capAlerts(alerts);
  const status = Object.values(kept).some((a) => a.status === 'firing') ? 'firing' : 'resolved';
  const base: AlertGroup =
    current && !newEpisode
      ? current
      : {
          id: ctx.id,
          groupKey: payload.groupKey,
          receiver: payload.receiver,
          chatId: ctx.chatId,
          locale: ctx.locale,
          status,
          groupLabels: {},
          commonLabels: {},
          commonAnnotations: {},
          externalURL: '',
          alerts: {},
          truncatedAlerts: 0,
          revision: current?.revision ?? 0,
          postedRevision: current?.revision ?? 0,
          firstSeenAt: ctx.now,
          updatedAt: ctx.now,
          // A silence outlives the episode it was made in; Alertmanager applies it to the new one too.
          ...(current?.silence ? { silence: current.silence } : {}),
        };
  const next: AlertGroup = {
    ...base,
    receiver: payload.receiver,
    status,
    groupLabels: payload.groupLabels,
    commonLabels: payload.commonLabels,
    commonAnnotations: payload.commonAnnotations,
    externalURL: payload.externalURL,
    alerts: kept,
    truncatedAlerts: payload.truncatedAlerts,
  };
  const changed = !current || newEpisode || visible(next) !== visible(current);
  if (!changed) return { group: current, changed: false, newEpisode: false };
  return { group: { ...next, revision: base.revision + 1, updatedAt: ctx.now }, changed: true, newEpisode };
}
