import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { LOCALES, type Locale } from './locale.js';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

/** The one translation API: every room that speaks to people takes one of these as a dependency. */
export type Translate = (locale: Locale, key: string, variables?: Record<string, string | number>) => string;

const FALLBACK: Locale = 'en';

function loadBundle(locale: Locale, directory: string): FluentBundle {
  // No Unicode isolation marks around variables: they show up as junk in Telegram clients and logs.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(`${directory}/${locale}.ftl`, 'utf8')));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  return bundle;
}

/**
 * Fluent translations from locales/<locale>.ftl. A key missing in zh-TW falls back to English; a key missing
 * everywhere comes back as `{key}`, so the gap shows instead of an empty message.
 */
export function createTranslator(directory: string = LOCALES_DIR): Translate {
  const bundles = new Map<Locale, FluentBundle>(LOCALES.map((locale) => [locale, loadBundle(locale, directory)]));
  return (locale, key, variables) => {
    for (const candidate of locale === FALLBACK ? [FALLBACK] : [locale, FALLBACK]) {
      const bundle = bundles.get(candidate);
      const message = bundle?.getMessage(key);
      if (bundle && message?.value) return bundle.formatPattern(message.value, variables);
    }
    return `{${key}}`;
  };
}
