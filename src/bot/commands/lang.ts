import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { langButton } from '../callback-data.js';
import type { Translate } from '../../i18n/translator.js';
import type { LocaleStore } from '../locale-store.js';

/** /lang: inline buttons English / 繁體中文; the choice is kept in Redis and wins over Telegram's language. */
export function langCommand(localeStore: LocaleStore, t: Translate): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('lang', (ctx) =>
    ctx.reply(t(ctx.locale, 'lang-choose'), {
      reply_markup: new InlineKeyboard()
        .text(t(ctx.locale, 'lang-button-en'), langButton.pack({ locale: 'en' }))
        .text(t(ctx.locale, 'lang-button-zh-TW'), langButton.pack({ locale: 'zh-TW' })),
    }),
  );
  composer.callbackQuery(langButton.filter, async (ctx) => {
    const choice = langButton.unpack(ctx.callbackQuery.data);
    if (!choice) {
      await ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-invalid'), show_alert: true });
      return;
    }
    await localeStore.set(ctx.from.id, choice.locale);
    ctx.locale = choice.locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(t(ctx.locale, 'lang-set'));
    ctx.logger.info({ locale: choice.locale }, 'language chosen');
  });
  return composer;
}
