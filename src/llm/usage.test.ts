import { describe, expect, it } from 'vitest';
import { parseUsageHash, usageKey, utcDay } from './usage.js';

describe('usage keys', () => {
  it('names the UTC day, whatever the local time zone', () => {
    expect(utcDay(Date.parse('2025-03-09T23:30:00-08:00'))).toBe('2025-03-10');
  });

  it('builds usage:<day>:<provider> under the prefix', () => {
    expect(usageKey('chatops:', '2025-03-10', 'gemini')).toBe('chatops:usage:2025-03-10:gemini');
  });
});

describe('parseUsageHash', () => {
  it('reads the counters Redis returns as strings', () => {
    expect(parseUsageHash({ prompt_tokens: '10', completion_tokens: '4', requests: '2', cost_micro_usd: '90' })).toEqual({
      promptTokens: 10,
      completionTokens: 4,
      requests: 2,
      costMicroUsd: 90,
    });
  });

  it('treats a missing hash or unreadable fields as zero', () => {
    expect(parseUsageHash({})).toEqual({ promptTokens: 0, completionTokens: 0, requests: 0, costMicroUsd: 0 });
    expect(parseUsageHash({ prompt_tokens: 'lots' }).promptTokens).toBe(0);
  });
});
