import { describe, expect, it } from 'vitest';
import { cleanForDiff, liveVersusDryRunDiff, maskSecretPair } from './k8s-diff.js';
import type { JsonObject } from './results.js';

const live: JsonObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'web-config',
    namespace: 'prod',
    uid: 'u1',
    resourceVersion: '10',
    generation: 1,
    creationTimestamp: '2025-06-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"secret":"x"}}' },
  },
  data: { LOG_LEVEL: 'info' },
  status: { observed: true },
};

describe('cleanForDiff', () => {
  it('drops what the server maintains and the last-applied annotation, and keeps the rest', () => {
    expect(cleanForDiff(live)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'prod' },
      data: { LOG_LEVEL: 'info' },
    });
  });
});

describe('liveVersusDryRunDiff', () => {
  it('shows only the real change between the live object and the dry-run result', () => {
    const merged = {
      ...live,
      metadata: { ...(live['metadata'] as JsonObject), resourceVersion: '11', managedFields: [] },
      data: { LOG_LEVEL: 'debug' },
    };
    expect(liveVersusDryRunDiff(live, merged, 'configmap/prod/web-config')).toBe(
      [
        '--- live/configmap/prod/web-config',
        '+++ dry-run/configmap/prod/web-config',
        '@@ -1,6 +1,6 @@',
        ' apiVersion: v1',
        ' data:',
        '-  LOG_LEVEL: info',
        '+  LOG_LEVEL: debug',
        ' kind: ConfigMap',
        ' metadata:',
        '   name: web-config',
        '',
      ].join('\n'),
    );
  });

  it('shows a new object as all added and is empty when nothing changes', () => {
    expect(liveVersusDryRunDiff(null, live, 'configmap/prod/web-config')).toContain('+  LOG_LEVEL: info');
    expect(liveVersusDryRunDiff(live, live, 'configmap/prod/web-config')).toBe('');
  });

  it('never shows a Secret value, only which keys change', () => {
    const secret = (data: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    const diff = liveVersusDryRunDiff(
      secret({ password: 'b2xk', user: 'YWRtaW4=' }),
      secret({ password: 'bmV3', user: 'YWRtaW4=' }),
      'Secret/prod/s',
    );
    expect(diff).not.toMatch(/b2xk|bmV3|YWRtaW4=/);
    expect(diff).toContain('-  password: "*** (before)"');
    expect(diff).toContain('+  password: "*** (after)"');
    expect(diff).toContain('   user: "***"');
  });
});

describe('maskSecretPair', () => {
  it('leaves other kinds untouched', () => {
    const [before, after] = maskSecretPair(live, live);
    expect(before).toBe(live);
    expect(after).toBe(live);
  });

  it('masks stringData too', () => {
    const [masked] = maskSecretPair({ kind: 'Secret', stringData: { token: 'plain' } }, null);
    expect(masked).toEqual({ kind: 'Secret', stringData: { token: '*** (before)' } });
  });
});
