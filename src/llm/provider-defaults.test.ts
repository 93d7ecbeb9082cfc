import { describe, expect, it } from 'vitest';
import { withProviderDefaults } from './provider-defaults.js';

describe('withProviderDefaults', () => {
  it('gives each provider its budget and rate limit as documented in the README', () => {
    const base = { baseUrl: 'http://x/v1', model: 'm' };
    expect(withProviderDefaults({ ...base, name: 'ollama' })).toMatchObject({ budgetMs: 60_000, limitPerMinute: null });
    expect(withProviderDefaults({ ...base, name: 'nvidia' })).toMatchObject({ budgetMs: 60_000, limitPerMinute: 35 });
    expect(withProviderDefaults({ ...base, name: 'gemini' })).toMatchObject({ budgetMs: 30_000, limitPerMinute: 60 });
    expect(withProviderDefaults({ ...base, name: 'anthropic' })).toMatchObject({ budgetMs: 30_000, limitPerMinute: 60 });
  });

  it('lets the configuration override both, null meaning unlimited', () => {
    const s = withProviderDefaults({ name: 'nvidia', baseUrl: 'u', model: 'm', budgetMs: 5, limitPerMinute: null });
    expect(s).toMatchObject({ budgetMs: 5, limitPerMinute: null });
  });

  it('leaves apiKey out when none is given', () => {
    expect('apiKey' in withProviderDefaults({ name: 'ollama', baseUrl: 'u', model: 'm' })).toBe(false);
  });
});
