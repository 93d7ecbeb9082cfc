import type { ClusterError } from '../../cluster/executor.js';
import { isManifestRule } from '../../cluster/manifest-rules.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';

/**
 * A ClusterError in the user's language, by its code. The details the executors attach (namespace, kind, name)
 * fill the sentence; the executor's own message is kept as the detail, since it names exactly what failed.
 */
export function renderClusterError(t: Translate, locale: Locale, error: ClusterError): string {
  const d = error.details;
  if (error.code === 'refused_by_policy') return renderPolicyRefusal(t, locale, error);
  return t(locale, `cluster-error-${error.code}`, {
    detail: escapeHtml(error.message),
    namespace: escapeHtml(d['namespace'] ?? '-'),
    kind: escapeHtml(d['kind'] ?? '-'),
    name: escapeHtml(d['name'] ?? '-'),
    tool: escapeHtml(d['tool'] ?? '-'),
  });
}

/** A manifest refused by its policy: which object, which rule (in words and by the MANIFEST_ALLOW name), which field. */
function renderPolicyRefusal(t: Translate, locale: Locale, error: ClusterError): string {
  const d = error.details;
  const rule = d['rule'];
  return t(locale, 'cluster-error-refused_by_policy', {
    kind: escapeHtml(d['kind'] ?? '-'),
    name: escapeHtml(d['name'] ?? '-'),
    rule: rule !== undefined && isManifestRule(rule) ? t(locale, `manifest-rule-${rule}`) : escapeHtml(error.message),
    ruleName: escapeHtml(rule ?? '-'),
    field: d['field'] === undefined ? '' : t(locale, 'cluster-error-policy-field', { field: escapeHtml(d['field']) }),
  });
}
