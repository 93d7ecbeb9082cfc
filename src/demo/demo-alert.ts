import { postNotification, SAMPLE_ALERT_NAME, sampleAlertPayload, samplePods } from '../alerts/sample-alert.js';
import type { PodSummary } from '../cluster/results.js';

/**
 * The demo's /demo-alert: sends the SAMPLE alert about the simulated cluster's crash-looping prod pods to the bot's
 * own webhook receiver, as Alertmanager would. It remembers when the current episode started, so firing twice
 * repeats the same notification and resolving ends that episode; the next firing starts a new one. With
 * `isSilenced` (the demo's SIMULATED Alertmanager), a firing whose alerts are all silenced is held back, as a real
 * Alertmanager holds back silenced alerts; a resolution is always sent.
 */
export function createDemoAlertSender(deps: {
  url: string;
  token: string;
  pods: () => Promise<PodSummary[]>;
  isSilenced?: (labels: Readonly<Record<string, string>>) => boolean;
  now?: () => Date;
}): (status: 'firing' | 'resolved') => Promise<string> {
  const now = deps.now ?? (() => new Date());
  let episodeStart: Date | undefined;
  let lastPods: string[] = [];
  return async (status) => {
    const at = now();
    const pods = status === 'resolved' && lastPods.length > 0 ? lastPods : samplePods(await deps.pods());
    const startsAt = episodeStart ?? at;
    const payload = sampleAlertPayload({ pods, status, startsAt, now: at });
    const what = `sample alert ${SAMPLE_ALERT_NAME} (${pods.length} pod${pods.length === 1 ? '' : 's'} in prod)`;
    if (status === 'firing' && deps.isSilenced && payload.alerts.every((alert) => deps.isSilenced?.(alert.labels))) {
      return `→ ${what} not sent: a silence in the SIMULATED Alertmanager covers it, and Alertmanager does not notify silenced alerts`;
    }
    const reply = await postNotification(deps.url, deps.token, payload);
    if (reply.status === 200) {
      episodeStart = status === 'firing' ? startsAt : undefined;
      lastPods = status === 'firing' ? pods : [];
    }
    return `→ ${what} sent as ${status}: the receiver answered ${reply.status}`;
  };
}
