import { describe, expect, it } from 'vitest';
import { isDns1123Label, isDns1123Subdomain, isLabelSelector } from './kubernetes-names.js';

describe('Kubernetes names', () => {
  it.each(['web', 'api-1', 'a', '0abc', 'my.app.v2', 'x'.repeat(63)])('accepts %s as a name', (name) => {
    expect(isDns1123Subdomain(name)).toBe(true);
  });

  it.each(['Web', '-web', 'web-', 'web_1', 'a..b', '.a', 'a.', '', 'web app', 'ns/web', 'x'.repeat(254), 'wéb'])(
    'refuses %j as a name',
    (name) => {
      expect(isDns1123Subdomain(name)).toBe(false);
    },
  );

  it('accepts a 253-character dotted name', () => {
    const name = Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.') + '.b';
    expect(name).toHaveLength(253);
    expect(isDns1123Subdomain(name)).toBe(true);
  });

  it('allows no dots and at most 63 characters in a namespace (a DNS-1123 label)', () => {
    expect(isDns1123Label('kube-system')).toBe(true);
    expect(isDns1123Label('my.namespace')).toBe(false);
    expect(isDns1123Label('x'.repeat(63))).toBe(true);
    expect(isDns1123Label('x'.repeat(64))).toBe(false);
  });
});

describe('label selectors', () => {
  it.each([
    'app=web',
    'app==web',
    'app!=web',
    'app=web,tier=frontend',
    'app in (web, api)',
    'env notin (dev,test)',
    'release',
    '!canary',
    'app.kubernetes.io/name=nginx',
    'app=',
    ' app = web , tier != cache ',
  ])('accepts %j', (selector) => {
    expect(isLabelSelector(selector)).toBe(true);
  });

  it.each([
    '',
    'app=web;rm -rf /',
    'app=(web',
    'app in web',
    'app in ((a))',
    'app=web,',
    'app=we b',
    '-app=web',
    'a/b/c=d',
    'app=' + 'x'.repeat(64),
    'a=b,'.repeat(200) + 'a=b',
  ])('refuses %j', (selector) => {
    expect(isLabelSelector(selector)).toBe(false);
  });
});
