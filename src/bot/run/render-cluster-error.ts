import type { ClusterError } from '../../cluster/executor.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';

/**
 * A ClusterError in the user's language, by its code. The details the executors attach (namespace, kind, name)
 * fill the sentence; the executor's own message is kept as the detail, since it names exactly what failed.
 */
export function renderClusterError(t: Translate, locale: Locale, error: ClusterError): string {
  const d = error.details;
  return t(locale, `cluster-error-${error.code}`, {
    detail: escapeHtml(error.message),
    namespace: escapeHtml(d['namespace'] ?? '-'),
    kind: escapeHtml(d['kind'] ?? '-'),
    name: escapeHtml(d['name'] ?? '-'),
    tool: escapeHtml(d['tool'] ?? '-'),
  });
}
