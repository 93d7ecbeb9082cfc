import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translator.js';
import { classify } from '../routing/classifier.js';
import type { AlertGroup } from './group-record.js';
import { investigationSeed } from './investigation.js';

const t = createTranslator();

function group(commonLabels: Record<string, string>, locale: 'en' | 'zh-TW' = 'en'): AlertGroup {
  return {
    id: 'AAAAAAAAAAAAAAAA',
    groupKey: 'k',
    receiver: 'chatops',
    chatId: -5,
    locale,
    status: 'firing',
    groupLabels: {},
    commonLabels,
    commonAnnotations: { summary: 'Pod prod/api-1 is crash looping.' },
    externalURL: '',
    alerts: {
      f: {
        status: 'firing',
        labels: { ...commonLabels, container: 'api' },
        annotations: { runbook_url: 'https://runbooks/x' },
        startsAt: '2025-06-02T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: '',
      },
    },
    truncatedAlerts: 0,
    messageId: 42,
    revision: 1,
    postedRevision: 1,
    firstSeenAt: 0,
    updatedAt: 0,
  };
}

describe('the seed of an alert investigation', () => {
  it('asks, in the chat’s language, why the alert fires for the pod it names, and is read as incident analysis', () => {
    const en = investigationSeed(t, group({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1' }));
    expect(en.text).toBe(
      'Why is the alert KubePodCrashLooping firing for pod api-1 in namespace prod? Summary: Pod prod/api-1 is crash looping. Find the cause with read-only tools.',
    );
    expect(en).toMatchObject({ task: 'incident_analysis', locale: 'en', chatId: -5, groupId: 'AAAAAAAAAAAAAAAA', replyTo: 42 });
    expect(classify(en.text).task).toBe('incident_analysis');

    const zh = investigationSeed(t, group({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1' }, 'zh-TW'));
    expect(zh.text).toContain('為什麼告警 KubePodCrashLooping 正在觸發（namespace prod 的 pod api-1）？');
    expect(classify(zh.text).task).toBe('incident_analysis');
  });

  it('names a deployment or a namespace when that is what the labels say', () => {
    expect(investigationSeed(t, group({ alertname: 'HighErrorRate', namespace: 'prod', deployment: 'web' })).text).toContain(
      'for deployment web in namespace prod',
    );
    const ns = investigationSeed(t, group({ alertname: 'QuotaExceeded', namespace: 'staging' })).text;
    expect(ns).toContain('firing in namespace staging?');
    expect(classify(ns).task).toBe('incident_analysis');
    expect(investigationSeed(t, group({ alertname: 'NodeDown' })).text).toContain('Why is the alert NodeDown firing?');
  });

  it('gives the model the labels, annotations and times of every alert as context', () => {
    const seed = investigationSeed(t, group({ alertname: 'KubePodCrashLooping', namespace: 'prod', pod: 'api-1' }));
    expect(seed.context).toContain('Common labels: alertname=KubePodCrashLooping, namespace=prod, pod=api-1');
    expect(seed.context).toContain('- firing since 2025-06-02T10:00:00Z: alertname=KubePodCrashLooping, container=api');
    expect(seed.context).toContain('runbook_url=https://runbooks/x');
  });
});
