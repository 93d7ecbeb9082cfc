import type { Translate } from '../i18n/translator.js';
import type { Locale } from '../i18n/locale.js';
import type { SuspectedCause } from './answer.js';
import type { OfflineIntent } from './intent.js';

export type OfflineLocale = Locale;
export type ClarifyAction = Extract<OfflineIntent, { kind: 'clarify' }>['action'];
export type ChangeStatus = 'approved' | 'declined' | 'expired' | 'failed';

/**
 * Every user-facing text of the offline provider in one locale. The words live in the locale files (keys
 * `offline-*`); this only picks the key and passes the values. The marker says, on every final answer, that
 * no model wrote it.
 */
export interface OfflineTexts {
  marker: string;
  more(count: number): string;
  podsTitle(namespace: string, count: number): string;
  noPods(namespace: string): string;
  restarts(count: number): string;
  logsTitle(pod: string, namespace: string, previous: boolean): string;
  noLogLines: string;
  describeTitle(kind: string, name: string, namespace: string | null): string;
  age: string;
  labels: string;
  details: string;
  recentEvents: string;
  eventsTitle(namespace: string, object: string | null, count: number): string;
  noEvents: string;
  deploymentsTitle(namespace: string, count: number): string;
  noDeployments(namespace: string): string;
  ready: string;
  revision: string;
  historyTitle(name: string, namespace: string): string;
  current: string;
  noHistory: string;
  nodesTitle(count: number): string;
  podsOnNode(count: number): string;
  change: Record<ChangeStatus, (call: string, detail: string | null) => string>;
  toolError(tool: string, code: string, message: string): string;
  noPod(target: string, namespaces: readonly string[], pods: readonly string[]): string;
  investigationTitle(target: string | null, namespace: string): string;
  suspect(pod: string, status: string, restarts: number, ready: string): string;
  otherTroubledPods(count: number): string;
  healthy(target: string | null, namespace: string, count: number): string;
  logsHeading(previous: boolean): string;
  logsUnavailable(error: string): string;
  warningsHeading: string;
  noWarnings: string;
  keyLine: string;
  causeHeading: string;
  cause(cause: SuspectedCause): string;
  nextHeading: string;
  next(cause: SuspectedCause | 'unknown', target: string, namespace: string): string;
  clarifyName(action: ClarifyAction): string;
  clarifyReplicas: string;
  invalid(reason: string): string;
  unreadable(tool: string): string;
  help: string;
}

/** The offline provider's texts in `locale`, read through the Fluent translator. */
export function offlineTexts(t: Translate, locale: OfflineLocale): OfflineTexts {
  // Names are shown as inline code; the separator between them is the locale's (", " or "、").
  const codeList = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(t(locale, 'offline-list-separator'));
  return {
    marker: t(locale, 'offline-marker'),
    more: (count) => t(locale, 'offline-more', { count }),
    podsTitle: (namespace, count) => t(locale, 'offline-pods-title', { namespace, count }),
    noPods: (namespace) => t(locale, 'offline-no-pods', { namespace }),
    restarts: (count) => t(locale, 'offline-restarts', { count }),
    logsTitle: (pod, namespace, previous) =>
      previous ? t(locale, 'offline-logs-title-previous', { pod, namespace }) : t(locale, 'offline-logs-title', { pod, namespace }),
    noLogLines: t(locale, 'offline-no-log-lines'),
    describeTitle: (kind, name, namespace) =>
      namespace
        ? t(locale, 'offline-describe-title-namespaced', { kind, name, namespace })
        : t(locale, 'offline-describe-title', { kind, name }),
    age: t(locale, 'offline-age'),
    labels: t(locale, 'offline-labels'),
    details: t(locale, 'offline-details'),
    recentEvents: t(locale, 'offline-recent-events'),
    eventsTitle: (namespace, object, count) =>
      object
        ? t(locale, 'offline-events-title-about', { namespace, object, count })
        : t(locale, 'offline-events-title', { namespace, count }),
    noEvents: t(locale, 'offline-no-events'),
    deploymentsTitle: (namespace, count) => t(locale, 'offline-deployments-title', { namespace, count }),
    noDeployments: (namespace) => t(locale, 'offline-no-deployments', { namespace }),
    ready: t(locale, 'offline-ready'),
    revision: t(locale, 'offline-revision'),
    historyTitle: (name, namespace) => t(locale, 'offline-history-title', { name, namespace }),
    current: t(locale, 'offline-current'),
    noHistory: t(locale, 'offline-no-history'),
    nodesTitle: (count) => t(locale, 'offline-nodes-title', { count }),
    podsOnNode: (count) => t(locale, 'offline-pods-on-node', { count }),
    change: {
      approved: (call, detail) =>
        detail ? t(locale, 'offline-change-approved-detail', { call, detail }) : t(locale, 'offline-change-approved', { call }),
      declined: (call, reason) =>
        reason ? t(locale, 'offline-change-declined-reason', { call, reason }) : t(locale, 'offline-change-declined', { call }),
      expired: (call) => t(locale, 'offline-change-expired', { call }),
      failed: (call, reason) =>
        reason ? t(locale, 'offline-change-failed-reason', { call, reason }) : t(locale, 'offline-change-failed', { call }),
    },
    toolError: (tool, code, message) => t(locale, 'offline-tool-error', { tool, code, message }),
    noPod: (target, namespaces, pods) =>
      pods.length > 0
        ? t(locale, 'offline-no-pod-listed', { target, namespaces: codeList(namespaces), first: namespaces[0] ?? '', pods: codeList(pods) })
        : t(locale, 'offline-no-pod', { target, namespaces: codeList(namespaces) }),
    investigationTitle: (target, namespace) =>
      target
        ? t(locale, 'offline-investigation-title-target', { target, namespace })
        : t(locale, 'offline-investigation-title', { namespace }),
    suspect: (pod, status, restarts, ready) => t(locale, 'offline-suspect', { pod, status, restarts, ready }),
    otherTroubledPods: (count) => t(locale, 'offline-other-troubled-pods', { count }),
    healthy: (target, namespace, count) =>
      target ? t(locale, 'offline-healthy-target', { target, count }) : t(locale, 'offline-healthy-namespace', { namespace, count }),
    logsHeading: (previous) => (previous ? t(locale, 'offline-logs-heading-previous') : t(locale, 'offline-logs-heading')),
    logsUnavailable: (error) => t(locale, 'offline-logs-unavailable', { error }),
    warningsHeading: t(locale, 'offline-warnings-heading'),
    noWarnings: t(locale, 'offline-no-warnings'),
    keyLine: t(locale, 'offline-key-line'),
    causeHeading: t(locale, 'offline-cause-heading'),
    cause: (cause) => t(locale, `offline-cause-${cause}`),
    nextHeading: t(locale, 'offline-next-heading'),
    next: (cause, target, namespace) => t(locale, `offline-next-${cause}`, { target, namespace }),
    clarifyName: (action) =>
      t(locale, 'offline-clarify-name', { action: t(locale, `offline-action-${action}`), example: t(locale, `offline-example-${action}`) }),
    clarifyReplicas: t(locale, 'offline-clarify-replicas'),
    invalid: (reason) => t(locale, 'offline-invalid', { reason }),
    unreadable: (tool) => t(locale, 'offline-unreadable', { tool }),
    help: t(locale, 'offline-help'),
  };
}
