import type { WebhookPayload } from '../../src/alerts/webhook-payload.js';

/** Alertmanager webhook bodies for tests, shaped as Alertmanager 0.27 sends them. */

export const AM_ZERO_TIME = '0001-01-01T00:00:00Z';

export interface TestAlert {
  fingerprint: string;
  status?: 'firing' | 'resolved';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

export function notification(input: {
  groupKey?: string;
  commonLabels?: Record<string, string>;
  groupLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  alerts: TestAlert[];
}): WebhookPayload {
  const commonLabels = input.commonLabels ?? { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical' };
  const alerts = input.alerts.map((a) => ({
    status: a.status ?? 'firing',
    labels: { ...commonLabels, ...a.labels },
    annotations: a.annotations ?? {},
    startsAt: a.startsAt ?? '2025-06-02T10:00:00Z',
    endsAt: a.endsAt ?? (a.status === 'resolved' ? '2025-06-02T10:30:00Z' : AM_ZERO_TIME),
    generatorURL: 'http://prometheus.monitoring:9090/graph?g0.expr=up',
    fingerprint: a.fingerprint,
  }));
  return {
    version: '4',
    groupKey: input.groupKey ?? `{}/{namespace="${commonLabels.namespace ?? ''}"}:{alertname="${commonLabels.alertname ?? ''}"}`,
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'chatops',
    groupLabels: input.groupLabels ?? { alertname: commonLabels.alertname ?? '' },
    commonLabels,
    commonAnnotations: input.commonAnnotations ?? {},
    externalURL: 'http://alertmanager.monitoring:9093',
    alerts,
  };
}

/** POSTs a body to the receiver once, as any HTTP client would. */
export async function postWebhook(
  url: string,
  body: unknown,
  options: { token?: string; contentType?: string; method?: string; raw?: string } = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: options.method ?? 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.method === 'GET' ? {} : { body: options.raw ?? JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.text() };
}
