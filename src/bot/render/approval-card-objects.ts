import type { ApprovalRecord } from '../../approvals/types.js';
import { isClusterScopedKind } from '../../cluster/manifest-documents.js';
import { revealHiddenText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';

/** Characters of one object's part of a preview diff; every object keeps its own part, so none hides past a cut. */
export const DIFF_CHARS_PER_OBJECT = 1500;

/**
 * Every object of a manifest, one line each, never cut: approving applies all of them, so all of them are on the
 * card, right above the buttons. A long manifest makes a long card (sent as several messages, buttons on the last).
 */
export function objectLines(t: Translate, r: ApprovalRecord, defaultNamespace: string): string[] {
  const objects = r.objects ?? [];
  if (objects.length === 0) return [];
  return [
    t(r.locale, 'approval-objects', { count: objects.length }),
    ...objects.map((object) => {
      // These are what will be applied: hidden characters are shown, not dropped (src/html/display-text.ts).
      const shown = (value: string) => escapeHtml(revealHiddenText(value));
      const vars = { kind: shown(object.kind), name: shown(object.name), apiVersion: shown(object.apiVersion) };
      if (isClusterScopedKind(object.kind)) return t(r.locale, 'approval-object-cluster', vars);
      // A namespaced object the manifest and the call left without a namespace lands in the default one.
      return t(r.locale, 'approval-object', { ...vars, namespace: shown(object.namespace ?? defaultNamespace) });
    }),
  ];
}

/**
 * A preview diff with each object's part (a `--- ` header and what follows) cut on its own to `perObject`
 * characters, so a long first object cannot push the others off the card.
 */
export function capDiffPerObject(diff: string, perObject = DIFF_CHARS_PER_OBJECT): string {
  const parts = diff.split(/(?=^--- )/m);
  return parts.map((part) => (part.length > perObject ? `${part.slice(0, perObject).trimEnd()}\n…\n` : part)).join('');
}
