import { describe, expect, it } from 'vitest';
import { capDiffPerObject } from './approval-card-objects.js';

describe('a preview diff on a card', () => {
  it('cuts each object on its own, so every object keeps its header however long the first one is', () => {
    const long = `--- live/ConfigMap/prod/a\n+++ manifest/ConfigMap/prod/a\n${'+ x: y\n'.repeat(1000)}`;
    const short = '--- live/ConfigMap/prod/b\n+++ manifest/ConfigMap/prod/b\n+ z: w\n';
    const capped = capDiffPerObject(long + short + short.replaceAll('/b', '/c'), 300);
    expect(capped.match(/^--- /gm)).toHaveLength(3);
    expect(capped).toContain('…\n--- live/ConfigMap/prod/b');
    expect(capped.endsWith('+ z: w\n')).toBe(true);
    expect(capped.length).toBeLessThan(300 + 2 * short.length + 10);
  });

  it('leaves a diff that fits as it is', () => {
    const diff = '--- live/x\n+++ manifest/x\n+ a: b\n';
    expect(capDiffPerObject(diff)).toBe(diff);
  });
});
