import { I18n } from '@grammyjs/i18n';
import type { BotContext } from './context.js';
import { negotiateLocale, type Locale } from '../i18n/locale.js';
import type { LocaleStore } from './locale-store.js';
import { LOCALES_DIR, type Translate } from '../i18n/translator.js';

/**
 * The Fluent translations with our locale negotiator. Plain `zh` would mean Simplified Chinese to Fluent,
 * so the negotiator maps every zh* to zh-TW before Fluent sees it.
 */
export function createI18n(localeStore?: LocaleStore): I18n<BotContext> {
  // The plugin asks again on ctx.i18n.getLocale(); one Redis read per update is enough.
  const negotiated = new WeakMap<BotContext, Promise<Locale>>();
  const negotiate = (ctx: BotContext): Promise<Locale> => {
    let locale = negotiated.get(ctx);
    if (!locale) {
      locale = (async () =>
        negotiateLocale({
          stored: ctx.from && localeStore ? await localeStore.get(ctx.from.id) : undefined,
          languageCode: ctx.from?.language_code,
          text: ctx.message?.text ?? ctx.message?.caption,
        }))();
      negotiated.set(ctx, locale);
    }
    return locale;
  };
  return new I18n<BotContext>({
    defaultLocale: 'en',
    directory: LOCALES_DIR,
    // No Unicode isolation marks around variables: they show up as junk in Telegram clients and logs.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiate,
  });
}

/** Translation outside an update (the worker, the status text). */
export function translatorFrom(i18n: I18n<BotContext>): Translate {
  return (locale, key, variables) => i18n.t(locale, key, variables);
}
