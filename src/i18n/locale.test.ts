import { describe, expect, it } from 'vitest';
import { localeFromLanguageCode, negotiateLocale } from './locale.js';

describe('locale negotiation', () => {
  it('maps every Chinese language_code to zh-TW, including Simplified ones', () => {
    for (const code of ['zh', 'zh-hant', 'zh-tw', 'zh-hk', 'zh-cn', 'zh-Hans', 'ZH_TW']) {
      expect(localeFromLanguageCode(code)).toBe('zh-TW');
    }
  });

  it('maps every other language_code to English', () => {
    for (const code of ['en', 'en-US', 'ja', 'de', 'zu']) expect(localeFromLanguageCode(code)).toBe('en');
  });

  it('prefers the stored /lang choice over the Telegram language', () => {
    expect(negotiateLocale({ stored: 'en', languageCode: 'zh-hant', text: '你好' })).toBe('en');
    expect(negotiateLocale({ stored: 'zh-TW', languageCode: 'en' })).toBe('zh-TW');
  });

  it('ignores a stored value that is not a supported locale', () => {
    expect(negotiateLocale({ stored: 'fr', languageCode: 'zh' })).toBe('zh-TW');
  });

  it('uses the Telegram language before the script of the message', () => {
    expect(negotiateLocale({ languageCode: 'en', text: '列出 prod 的 pod' })).toBe('en');
  });

  it('falls back to the script of the message when Telegram sends no language', () => {
    expect(negotiateLocale({ text: '幫我 restart api' })).toBe('zh-TW');
    expect(negotiateLocale({ text: 'restart api' })).toBe('en');
  });

  it('falls back to English when nothing is known', () => {
    expect(negotiateLocale({})).toBe('en');
  });
});
