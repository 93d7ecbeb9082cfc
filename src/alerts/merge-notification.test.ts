import { describe, expect, it } from 'vitest';
import { alertGroupId, type AlertGroup } from './group-record.js';
import { MAX_ALERTS_PER_GROUP, mergeNotification, type MergeContext } from './merge-notification.js';
import type { WebhookAlert, WebhookPayload } from './webhook-payload.js';

const GROUP_KEY = '{}/{namespace="prod"}:{alertname="KubePodCrashLooping"}';
const CTX: MergeContext = { id: alertGroupId(GROUP_KEY), chatId: -100, locale: 'en', now: 1_000 };
const ZERO = '0001-01-01T00:00:00Z';

function alert(fingerprint: string, status: 'firing' | 'resolved', startsAt = '2025-06-02T10:00:00Z', endsAt = ZERO): WebhookAlert {
  return {
    status,
    labels: { alertname: 'KubePodCrashLooping', namespace: 'prod', pod: `api-${fingerprint}` },
    annotations: { summary: `api-${fingerprint} restarts` },
    startsAt,
    endsAt,
    generatorURL: '',
    fingerprint,
  };
}

function notification(alerts: WebhookAlert[]): WebhookPayload {
  return {
    version: '4',
    groupKey: GROUP_KEY,
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'chatops',
    groupLabels: { alertname: 'KubePodCrashLooping' },
    commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

function apply(group: AlertGroup | undefined, payload: WebhookPayload, now = 2_000) {
  return mergeNotification(group, payload, { ...CTX, now });
}

describe('folding an Alertmanager notification into the stored group', () => {
  it('starts a firing group at revision 1, routed to the chat, not posted yet', () => {
    const { group, changed } = apply(undefined, notification([alert('a', 'firing')]));
    expect(changed).toBe(true);
    expect(group).toMatchObject({ id: CTX.id, chatId: -100, locale: 'en', status: 'firing', revision: 1, postedRevision: 0 });
    expect(group.messageId).toBeUndefined();
    expect(Object.keys(group.alerts)).toEqual(['a']);
  });

  it('changes nothing when the same notification comes again (an Alertmanager retry or repeat_interval)', () => {
    const first = apply(undefined, notification([alert('a', 'firing')])).group;
    const again = apply({ ...first, messageId: 7, postedRevision: 1 }, notification([alert('a', 'firing')]), 9_000);
    expect(again.changed).toBe(false);
    expect(again.group).toEqual({ ...first, messageId: 7, postedRevision: 1 });
  });

  it('adds alerts that join the group and resolves the group when every alert has resolved', () => {
    const one = apply(undefined, notification([alert('a', 'firing')])).group;
    const two = apply(one, notification([alert('a', 'firing'), alert('b', 'firing')])).group;
    expect(two.revision).toBe(2);
    expect(Object.keys(two.alerts).sort()).toEqual(['a', 'b']);
    const half = apply(two, notification([alert('a', 'resolved', undefined, '2025-06-02T10:30:00Z'), alert('b', 'firing')])).group;
    expect([half.status, half.revision]).toEqual(['firing', 3]);
    const done = apply(half, notification([alert('b', 'resolved', undefined, '2025-06-02T10:40:00Z')])).group;
    expect([done.status, done.revision, done.alerts['a']?.status, done.alerts['b']?.status]).toEqual([
      'resolved',
      4,
      'resolved',
      'resolved',
    ]);
  });

  it('ignores a retried old "firing" that arrives after the newer "resolved"', () => {
    const firing = apply(undefined, notification([alert('a', 'firing')])).group;
    const resolved = apply(firing, notification([alert('a', 'resolved', undefined, '2025-06-02T10:30:00Z')])).group;
    const late = apply(resolved, notification([alert('a', 'firing')]));
    expect(late.changed).toBe(false);
    expect(late.group.status).toBe('resolved');
  });

  it('treats the same alert firing again (a new start) after the group resolved as a new episode with a new message', () => {
    const firing = apply(undefined, notification([alert('a', 'firing')])).group;
    const resolved = apply(firing, notification([alert('a', 'resolved', undefined, '2025-06-02T10:30:00Z')])).group;
    const posted: AlertGroup = {
      ...resolved,
      messageId: 7,
      postedRevision: resolved.revision,
      acknowledgedBy: { userId: 1, at: 1 },
      silence: { id: 's1', by: { userId: 1 }, at: 1, until: 99 },
    };
    const again = apply(posted, notification([alert('a', 'firing', '2025-06-02T11:00:00Z')]), 5_000);
    expect(again.newEpisode).toBe(true);
    expect(again.group.messageId).toBeUndefined();
    expect(again.group.acknowledgedBy).toBeUndefined();
    expect(again.group.silence?.id).toBe('s1');
    expect(again.group.revision).toBeGreaterThan(again.group.postedRevision);
    expect(again.group.firstSeenAt).toBe(5_000);
  });

  it('keeps the firing alerts of a very large group first', () => {
    const many = Array.from({ length: MAX_ALERTS_PER_GROUP + 20 }, (_, i) => alert(`r${i}`, 'resolved', undefined, '2025-06-02T10:30:00Z'));
    const group = apply(undefined, notification([...many, alert('hot', 'firing')])).group;
    expect(Object.keys(group.alerts)).toHaveLength(MAX_ALERTS_PER_GROUP);
    expect(group.alerts['hot']?.status).toBe('firing');
  });
});

describe('alert group ids', () => {
  it('are 16 URL-safe characters, the same for the same groupKey', () => {
    expect(alertGroupId(GROUP_KEY)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(alertGroupId(GROUP_KEY)).toBe(alertGroupId(GROUP_KEY));
    expect(alertGroupId(`${GROUP_KEY} `)).not.toBe(alertGroupId(GROUP_KEY));
  });
});
