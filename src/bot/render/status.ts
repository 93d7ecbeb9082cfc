import type { ProviderStatus } from '../../llm/chain.js';
import type { StatusSnapshot } from '../../status/snapshot.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDuration } from './duration.js';

function providerLine(t: Translate, locale: Locale, p: ProviderStatus): string {
  if (!p.configured) return t(locale, 'status-provider-off', { name: p.name });
  return t(locale, 'status-provider', {
    name: p.name,
    model: escapeHtml(p.model ?? '-'),
    breaker: p.breaker,
    latency: p.lastLatencyMs === null ? '-' : String(Math.round(p.lastLatencyMs)),
    remaining: p.rateRemaining === null ? '∞' : `${p.rateRemaining}/${p.rateLimit ?? '-'}`,
    tokens: p.tokensToday.prompt + p.tokensToday.completion,
    cost: p.costTodayUsd.toFixed(4),
  });
}

export function renderStatus(t: Translate, locale: Locale, s: StatusSnapshot): string {
  const lines = [
    t(locale, 'status-title'),
    t(locale, 'status-version', { version: escapeHtml(s.version) }),
    t(locale, 'status-uptime', { uptime: formatDuration(t, locale, s.uptimeMs) }),
    s.redis.ok
      ? t(locale, 'status-redis-ok', { rttMs: s.redis.rttMs ?? 0 })
      : t(locale, 'status-redis-down', { error: escapeHtml(s.redis.error ?? '') }),
    t(locale, 'status-polling', { state: s.polling }),
  ];
  if (s.queue) lines.push(t(locale, 'status-queue', { ...s.queue }));
  if (s.cluster) {
    lines.push(
      s.cluster.ok
        ? t(locale, 'status-cluster-ok', {
            backend: s.cluster.backend,
            description: escapeHtml(s.cluster.description),
            latency: Math.round(s.cluster.latencyMs ?? 0),
          })
        : t(locale, 'status-cluster-down', { backend: s.cluster.backend, detail: escapeHtml(s.cluster.detail ?? '') }),
    );
  }
  if (s.approvals) lines.push(t(locale, 'status-approvals', { ...s.approvals }));
  if (s.providers) {
    lines.push('', t(locale, 'status-providers'));
    for (const p of s.providers) lines.push(providerLine(t, locale, p));
  }
  lines.push('', t(locale, 'status-locale', { locale }));
  return lines.join('\n');
}
