import { describe, expect, it } from 'vitest';
import { ClusterError } from './cluster-error.js';
import { matchesLabelSelector, parseLabelSelector } from './label-selector.js';

const web = { app: 'web', tier: 'frontend', env: 'prod' };
const matches = (selector: string, labels: Record<string, string>) => matchesLabelSelector(labels, parseLabelSelector(selector));

describe('label selectors', () => {
  it('match everything when empty', () => {
    expect(matches('', web)).toBe(true);
    expect(matches('   ', {})).toBe(true);
  });

  it('support equality and inequality (=, ==, !=)', () => {
    expect(matches('app=web', web)).toBe(true);
    expect(matches('app==web,tier=frontend', web)).toBe(true);
    expect(matches('app=api', web)).toBe(false);
    expect(matches('tier!=backend', web)).toBe(true);
    expect(matches('tier!=frontend', web)).toBe(false);
  });

  it('support set-based in and notin, with commas inside the parentheses', () => {
    expect(matches('env in (prod, staging)', web)).toBe(true);
    expect(matches('env in (staging),app=web', web)).toBe(false);
    expect(matches('env notin (staging,dev)', web)).toBe(true);
    expect(matches('missing notin (x)', web)).toBe(true);
  });

  it('support existence and absence of a key', () => {
    expect(matches('app', web)).toBe(true);
    expect(matches('!canary', web)).toBe(true);
    expect(matches('canary', web)).toBe(false);
  });

  it('accept an empty value after = as Kubernetes does', () => {
    expect(matches('app=', { app: '' })).toBe(true);
    expect(matches('app=', web)).toBe(false);
  });

  it('refuse text that is not a selector with an invalid ClusterError', () => {
    for (const bad of ['=web', 'app in prod', 'a b', 'app=we b', 'env in (pro d)']) {
      expect(() => parseLabelSelector(bad), bad).toThrow(ClusterError);
    }
  });
});
