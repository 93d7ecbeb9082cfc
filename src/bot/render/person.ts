import { cleanDisplayText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';

/**
 * A person as others read them on a card: the name they chose, cleaned and escaped, and always their numeric id,
 * which nobody can choose (two people can both call themselves "Bob (@bob)").
 */
export function personLabel(t: Translate, locale: Locale, name: string | undefined, id: number | undefined): string {
  const shown = name === undefined ? '' : cleanDisplayText(name, { maxLength: 100 });
  const idText = id === undefined ? '?' : String(id);
  return shown ? t(locale, 'person-label', { name: escapeHtml(shown), id: idText }) : t(locale, 'person-label-id-only', { id: idText });
}
