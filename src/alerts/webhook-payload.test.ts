import { describe, expect, it } from 'vitest';
import { alertTimeMs, describePayloadProblem, webhookPayloadSchema } from './webhook-payload.js';

/** A body as Alertmanager 0.27 sends it (notify/webhook), with one firing alert. */
const REAL_BODY = {
  receiver: 'chatops',
  status: 'firing',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1', severity: 'critical' },
      annotations: { summary: 'Pod prod/api-1 is crash looping.' },
      startsAt: '2025-06-02T10:00:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
      fingerprint: '5a3e4a1b9c2d7e8f',
    },
  ],
  groupLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod' },
  commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1', severity: 'critical' },
  commonAnnotations: { summary: 'Pod prod/api-1 is crash looping.' },
  externalURL: 'http://alertmanager:9093',
  version: '4',
  groupKey: '{}/{namespace="prod"}:{alertname="KubePodCrashLooping", namespace="prod"}',
  truncatedAlerts: 0,
};

describe('the Alertmanager webhook v4 schema', () => {
  it('accepts the body Alertmanager sends', () => {
    const parsed = webhookPayloadSchema.parse(REAL_BODY);
    expect(parsed.alerts[0]?.fingerprint).toBe('5a3e4a1b9c2d7e8f');
    expect(parsed.groupKey).toContain('KubePodCrashLooping');
  });

  it('lets fields it does not know through, at the top and in alerts', () => {
    const body = { ...REAL_BODY, future: 1, alerts: [{ ...REAL_BODY.alerts[0], silenceURL: 'x' }] };
    expect(webhookPayloadSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['another version', { version: '3' }, 'version'],
    ['a status that is not firing or resolved', { status: 'pending' }, 'status'],
    ['labels that are not strings', { commonLabels: { severity: 3 } }, 'commonLabels.severity'],
    ['no alerts', { alerts: [] }, 'alerts'],
    ['no group key', { groupKey: '' }, 'groupKey'],
    ['an alert without a fingerprint', { alerts: [{ ...REAL_BODY.alerts[0], fingerprint: undefined }] }, 'alerts.0.fingerprint'],
    ['an alert with an unreadable time', { alerts: [{ ...REAL_BODY.alerts[0], startsAt: 'yesterday' }] }, 'alerts.0.startsAt'],
  ])('refuses %s and says where', (_what, change, path) => {
    const result = webhookPayloadSchema.safeParse({ ...REAL_BODY, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(describePayloadProblem(result.error)).toContain(`${path}:`);
  });

  it('reads Alertmanager times, and its zero time as no time', () => {
    expect(alertTimeMs('2025-06-02T10:00:00.000Z')).toBe(Date.parse('2025-06-02T10:00:00Z'));
    expect(alertTimeMs('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(alertTimeMs('soon')).toBeUndefined();
  });
});
