import type { StatusSnapshot } from '../../status/snapshot.js';
import { escapeHtml } from '../html.js';
import type { Translate } from '../i18n.js';
import type { Locale } from '../locale.js';
import { formatDuration } from './duration.js';

export function renderStatus(t: Translate, locale: Locale, s: StatusSnapshot): string {
  const lines = [
    t(locale, 'status-title'),
    t(locale, 'status-version', { version: escapeHtml(s.version) }),
    t(locale, 'status-uptime', { uptime: formatDuration(t, locale, s.uptimeMs) }),
    s.redis.ok
      ? t(locale, 'status-redis-ok', { rttMs: s.redis.rttMs ?? 0 })
      : t(locale, 'status-redis-down', { error: escapeHtml(s.redis.error ?? '') }),
    t(locale, 'status-polling', { state: s.polling }),
    t(locale, 'status-locale', { locale }),
  ];
  return lines.join('\n');
}
