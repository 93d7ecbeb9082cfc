import { z } from 'zod';

export const LOCALES = ['en', 'zh-TW'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Telegram's language_code → our locale. Every zh* (zh, zh-hant, zh-tw, zh-hk, even zh-cn) maps to zh-TW. */
export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  if (!code) return undefined;
  return /^zh(?:[-_]|$)/i.test(code.trim()) ? 'zh-TW' : 'en';
}

const HAN = /\p{Script=Han}/u;

/** The script of the text itself: any Han character means the writer reads Chinese. */
export function localeFromText(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  return HAN.test(text) ? 'zh-TW' : undefined;
}

/**
 * Locale order: the user's /lang choice → Telegram language_code → the script of the message → English.
 */
export function negotiateLocale(input: { stored?: string | null; languageCode?: string; text?: string }): Locale {
  const stored = localeSchema.safeParse(input.stored);
  if (stored.success) return stored.data;
  return localeFromLanguageCode(input.languageCode) ?? localeFromText(input.text) ?? 'en';
}
