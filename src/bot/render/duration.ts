import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';

/** A duration in words, largest units first, in the user's language. */
export function formatDuration(t: Translate, locale: Locale, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t(locale, 'duration-dhm', { d, h, m });
  if (h > 0) return t(locale, 'duration-hms', { h, m, s });
  if (m > 0) return t(locale, 'duration-ms', { m, s });
  return t(locale, 'duration-s', { s });
}
