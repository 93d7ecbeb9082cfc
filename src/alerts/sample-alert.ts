import { createHash } from 'node:crypto';
import type { PodSummary } from '../cluster/results.js';
import type { WebhookPayload } from './webhook-payload.js';

/**
 * A SAMPLE Alertmanager notification for the demo and the CLI's demo-alert: KubePodCrashLooping (as the
 * kube-prometheus rules name it) for the crash-looping pods of the simulated cluster's prod namespace.
 * It is shaped exactly as Alertmanager sends it, so it goes through the same receiver as a real one.
 */

export const SAMPLE_ALERT_NAME = 'KubePodCrashLooping';
export const SAMPLE_NAMESPACE = 'prod';
export const SAMPLE_GROUP_KEY = `{}/{namespace="${SAMPLE_NAMESPACE}"}:{alertname="${SAMPLE_ALERT_NAME}", namespace="${SAMPLE_NAMESPACE}"}`;
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** The pods the sample is about: the prod pods in CrashLoopBackOff, else (the cluster was fixed) the api pods. */
export function samplePods(pods: readonly PodSummary[]): string[] {
  const crashing = pods.filter((p) => p.namespace === SAMPLE_NAMESPACE && p.reason === 'CrashLoopBackOff').map((p) => p.name);
  if (crashing.length > 0) return crashing;
  return pods.filter((p) => p.namespace === SAMPLE_NAMESPACE && p.owner === 'Deployment/api').map((p) => p.name);
}

function fingerprint(labels: Record<string, string>): string {
  const text = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function sampleAlertPayload(input: {
  pods: readonly string[];
  status: 'firing' | 'resolved';
  /** When the alerts started; a resolution must carry the same start (or a later one) as the firing it ends. */
  startsAt: Date;
  now: Date;
}): WebhookPayload {
  const common = {
    alertname: SAMPLE_ALERT_NAME,
    namespace: SAMPLE_NAMESPACE,
    severity: 'critical',
    job: 'kube-state-metrics',
    container: 'api',
  };
  const alerts = input.pods.map((pod) => {
    const labels = { ...common, pod };
    return {
      status: input.status,
      labels,
      annotations: {
        summary: `Pod ${SAMPLE_NAMESPACE}/${pod} (api) is in waiting state (reason: "CrashLoopBackOff").`,
        description: `Pod ${SAMPLE_NAMESPACE}/${pod} (api) is restarting repeatedly.`,
        runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping',
      },
      startsAt: input.startsAt.toISOString(),
      endsAt: input.status === 'resolved' ? input.now.toISOString() : ZERO_TIME,
      generatorURL: '',
      fingerprint: fingerprint(labels),
    };
  });
  const commonLabels = input.pods.length === 1 && input.pods[0] ? { ...common, pod: input.pods[0] } : common;
  return {
    version: '4',
    groupKey: SAMPLE_GROUP_KEY,
    truncatedAlerts: 0,
    status: input.status,
    receiver: 'chatops',
    groupLabels: { alertname: SAMPLE_ALERT_NAME, namespace: SAMPLE_NAMESPACE },
    commonLabels,
    // As Alertmanager computes them: the annotations every alert of the group has with the same value.
    commonAnnotations: Object.fromEntries(
      Object.entries(alerts[0]?.annotations ?? {}).filter(([name, value]) =>
        alerts.every((a) => a.annotations[name as keyof typeof a.annotations] === value),
      ),
    ),
    externalURL: '',
    alerts,
  };
}

/** POSTs a notification to a receiver with its bearer token; resolves with the HTTP status and body text. */
export async function postNotification(url: string, token: string, payload: WebhookPayload): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.text()).trim() };
}
