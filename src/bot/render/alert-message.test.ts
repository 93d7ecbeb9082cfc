import { describe, expect, it } from 'vitest';
import type { AlertGroup } from '../../alerts/group-record.js';
import { htmlToPlainText } from '../../html/telegram-html.js';
import { createTranslator } from '../../i18n/translator.js';
import { buttonSealFromBotToken } from '../button-codec.js';
import { alertButton } from '../callback-data.js';
import { alertMessageButtons, formatAlertTime, renderAlertMessage } from './alert-message.js';

const t = createTranslator();
const NOW = Date.parse('2025-06-02T11:00:00Z');
const seal = buttonSealFromBotToken('110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');

function group(overrides: Partial<AlertGroup> = {}): AlertGroup {
  return {
    id: 'AAAAAAAAAAAAAAAA',
    groupKey: 'k',
    receiver: 'chatops',
    chatId: -1,
    locale: 'en',
    status: 'firing',
    groupLabels: { alertname: 'KubePodCrashLooping' },
    commonLabels: { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical' },
    commonAnnotations: { summary: 'Pods of <api> keep crashing & restarting.' },
    externalURL: 'http://alertmanager:9093',
    alerts: {
      a: {
        status: 'firing',
        labels: { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical', pod: 'api-1' },
        annotations: {},
        startsAt: '2025-06-02T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=a&b=1',
      },
      b: {
        status: 'resolved',
        labels: { alertname: 'KubePodCrashLooping', namespace: 'prod', severity: 'critical', pod: 'api-2' },
        annotations: {},
        startsAt: '2025-06-02T09:00:00Z',
        endsAt: '2025-06-02T10:30:00Z',
        generatorURL: '',
      },
    },
    truncatedAlerts: 0,
    revision: 1,
    postedRevision: 0,
    firstSeenAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

describe('the alert message', () => {
  it('shows severity, name, status, counts, summary, labels, start time and one line per alert, escaped', () => {
    const html = renderAlertMessage(t, group(), { timeZone: 'Asia/Taipei', now: NOW });
    expect(html).toContain('Pods of &lt;api&gt; keep crashing &amp; restarting.');
    expect(html).toContain('href="http://prometheus:9090/graph?g0.expr=a&amp;b=1"');
    expect(htmlToPlainText(html).split('\n')).toEqual([
      '🔴 KubePodCrashLooping · 🔥 FIRING',
      'severity critical · 2 alerts, 1 firing',
      'Pods of <api> keep crashing & restarting.',
      'Labels: namespace=prod',
      'Started: 2025-06-02 17:00 (Asia/Taipei)',
      '',
      '• 🔥 pod=api-1 · since 2025-06-02 18:00 (Asia/Taipei)',
      '• ✅ pod=api-2 · resolved 2025-06-02 18:30 (Asia/Taipei)',
      '',
      '🔗 source · Alertmanager',
    ]);
  });

  it('says when a resolved group resolved, and who acknowledged and silenced it', () => {
    const resolved = group({
      status: 'resolved',
      alerts: { b: group().alerts.b },
      acknowledgedBy: { userId: 1001, name: 'Alice', at: Date.parse('2025-06-02T10:05:00Z') },
      silence: { id: 's', by: { userId: 1002 }, at: NOW, until: Date.parse('2025-06-02T12:00:00Z') },
    });
    const text = htmlToPlainText(renderAlertMessage(t, resolved, { timeZone: 'UTC', now: NOW }));
    expect(text).toContain('🔴 KubePodCrashLooping · ✅ RESOLVED\nseverity critical · 1 alert\n');
    expect(text).toContain('Resolved: 2025-06-02 10:30 (UTC)');
    expect(text).toContain('👤 Acknowledged by Alice at 2025-06-02 10:05 (UTC)');
    expect(text).toContain('🔕 Silenced by 1002 until 2025-06-02 12:00 (UTC)');
    const later = htmlToPlainText(renderAlertMessage(t, resolved, { timeZone: 'UTC', now: Date.parse('2025-06-02T13:00:00Z') }));
    expect(later).toContain('The silence by 1002 ended at 2025-06-02 12:00 (UTC)');
  });

  it('speaks Traditional Chinese for a zh-TW chat', () => {
    const text = htmlToPlainText(renderAlertMessage(t, group({ locale: 'zh-TW' }), { timeZone: 'Asia/Taipei', now: NOW }));
    expect(text).toContain('🔥 告警中');
    expect(text).toContain('嚴重程度 critical · 共 2 則告警，1 則告警中');
    expect(text).toContain('開始時間：2025-06-02 17:00 (Asia/Taipei)');
  });

  it('stays one Telegram message for a group of hundreds of alerts, counting the ones it leaves out', () => {
    const alerts = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `f${i}`,
        { ...group().alerts.a, labels: { ...group().alerts.a.labels, pod: `api-${i}-${'x'.repeat(250)}` } },
      ]),
    );
    const html = renderAlertMessage(t, group({ alerts, truncatedAlerts: 40 }), { timeZone: 'UTC', now: NOW });
    expect(html.length).toBeLessThanOrEqual(3900);
    const text = htmlToPlainText(html);
    expect(text).toMatch(/…and 29[05] more/);
    expect(text).toContain('Alertmanager left out 40 more alerts.');
  });

  it('writes times with the date, in the configured zone', () => {
    expect(formatAlertTime(Date.parse('2025-12-31T20:30:00Z'), 'Asia/Taipei')).toBe('2026-01-01 04:30 (Asia/Taipei)');
  });

  it('carries Investigate, Silence 1h and Acknowledge while firing, in the group’s language, each naming only the group and the action', () => {
    const rows = alertMessageButtons(t, group(), NOW, seal);
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([['🔍 Investigate'], ['🔕 Silence 1h', '✅ Acknowledge']]);
    expect(rows.flat().map((b) => alertButton.unpack(b.data, seal.forChat(-1)))).toEqual([
      { action: 'investigate', groupId: 'AAAAAAAAAAAAAAAA' },
      { action: 'silence', groupId: 'AAAAAAAAAAAAAAAA' },
      { action: 'acknowledge', groupId: 'AAAAAAAAAAAAAAAA' },
    ]);
    const zh = alertMessageButtons(t, group({ locale: 'zh-TW' }), NOW, seal).flat();
    expect(zh.map((b) => b.text)).toEqual(['🔍 調查原因', '🔕 靜音 1 小時', '✅ 我來處理']);
  });

  it('drops the buttons that no longer apply: Acknowledge once taken, Silence while silenced, all once resolved', () => {
    const acknowledgedBy = { userId: 1001, name: 'Alice', at: NOW };
    const silence = { id: 's', by: { userId: 1002 }, at: NOW, until: NOW + 3_600_000 };
    const texts = (g: AlertGroup) =>
      alertMessageButtons(t, g, NOW, seal)
        .flat()
        .map((b) => b.text);
    expect(texts(group({ acknowledgedBy }))).toEqual(['🔍 Investigate', '🔕 Silence 1h']);
    expect(texts(group({ silence }))).toEqual(['🔍 Investigate', '✅ Acknowledge']);
    expect(alertMessageButtons(t, group({ acknowledgedBy, silence }), NOW, seal)).toEqual([
      [expect.objectContaining({ text: '🔍 Investigate' })],
    ]);
    expect(alertMessageButtons(t, group({ status: 'resolved' }), NOW, seal)).toEqual([]);
  });
});
