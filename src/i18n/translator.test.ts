import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator.js';

const t = createTranslator();

describe('createTranslator', () => {
  it('formats a message with variables in each locale, without isolation marks', () => {
    const en = t('en', 'job-queued', { ref: 'abc123', task: 'x' });
    const zh = t('zh-TW', 'job-queued', { ref: 'abc123', task: 'x' });
    expect(en).toContain('abc123');
    expect(zh).toContain('abc123');
    expect(zh).not.toEqual(en);
    expect(en).not.toMatch(/[\u2068\u2069]/);
  });

  it('shows a missing key as {key} instead of an empty message', () => {
    expect(t('zh-TW', 'no-such-key-anywhere')).toBe('{no-such-key-anywhere}');
  });
});
