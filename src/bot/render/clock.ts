import type { Locale } from '../../i18n/locale.js';

/** A wall-clock time in the configured time zone, e.g. "14:05:30 (Asia/Taipei)". */
export function formatClock(ms: number, locale: Locale, timeZone: string): string {
  const time = new Intl.DateTimeFormat(locale === 'zh-TW' ? 'zh-TW' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(ms));
  return `${time} (${timeZone})`;
}
