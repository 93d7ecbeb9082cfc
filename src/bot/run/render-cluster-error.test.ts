import { describe, expect, it } from 'vitest';
import { ClusterError } from '../../cluster/executor.js';
import { CLUSTER_ERROR_CODES } from '../../cluster/cluster-error.js';
import { htmlToPlainText } from '../../html/telegram-html.js';
import { createTranslator } from '../../i18n/translator.js';
import { renderClusterError } from './render-cluster-error.js';

const t = createTranslator();

describe('renderClusterError', () => {
  it('has a sentence for every error code in both languages', () => {
    for (const code of CLUSTER_ERROR_CODES) {
      for (const locale of ['en', 'zh-TW'] as const) {
        expect(renderClusterError(t, locale, new ClusterError(code, 'what happened', {}))).not.toMatch(/\{[a-z$_-]+\}/);
      }
    }
  });

  it('gives each error code its own localized sentence', () => {
    const protectedNs = new ClusterError('protected_namespace', 'namespace "kube-system" is protected: reads only', {
      namespace: 'kube-system',
    });
    expect(htmlToPlainText(renderClusterError(t, 'en', protectedNs))).toBe(
      '🔒 Refused: kube-system is a protected namespace, reads only. Nothing was changed.',
    );
    expect(htmlToPlainText(renderClusterError(t, 'zh-TW', protectedNs))).toContain('受保護的命名空間');
    const missing = new ClusterError('not_found', 'deployment "nope" not found in namespace "prod"', {});
    expect(htmlToPlainText(renderClusterError(t, 'en', missing))).toBe('🔍 Not found: deployment "nope" not found in namespace "prod"');
  });
});
