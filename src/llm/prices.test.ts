import { describe, expect, it } from 'vitest';
import { costMicroUsd, findModelPrice } from './prices.js';

describe('findModelPrice', () => {
  it('prices Ollama at zero, whatever the model', () => {
    expect(findModelPrice('ollama', 'qwen2.5:7b')).toEqual({ inputPerMillionUsd: 0, outputPerMillionUsd: 0 });
  });

  it('picks the longest matching prefix', () => {
    expect(findModelPrice('gemini', 'gemini-2.5-flash-lite')?.inputPerMillionUsd).toBe(0.1);
    expect(findModelPrice('gemini', 'gemini-2.5-flash')?.inputPerMillionUsd).toBe(0.3);
  });

  it('finds dated and prefixed model names', () => {
    expect(findModelPrice('anthropic', 'claude-sonnet-4-5-20250929')?.outputPerMillionUsd).toBe(15);
    expect(findModelPrice('anthropic', 'claude-opus-4-20250514')?.outputPerMillionUsd).toBe(75);
    expect(findModelPrice('anthropic', 'claude-opus-4-5')?.outputPerMillionUsd).toBe(25);
    expect(findModelPrice('gemini', 'models/gemini-2.5-pro')?.inputPerMillionUsd).toBe(1.25);
  });

  it('returns null for a model it does not know', () => {
    expect(findModelPrice('gemini', 'gemini-ultra-9000')).toBeNull();
    expect(findModelPrice('anthropic', 'gpt-4o')).toBeNull();
  });
});

describe('costMicroUsd', () => {
  it('charges $X per 1M tokens as X micro-USD per token', () => {
    const price = { inputPerMillionUsd: 3, outputPerMillionUsd: 15 };
    expect(costMicroUsd(price, 1_000, 200)).toBe(3_000 + 3_000);
  });

  it('counts an unknown price as zero', () => {
    expect(costMicroUsd(null, 1_000, 1_000)).toBe(0);
  });
});
