import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { decodeCallbackData, encodeLangChoice } from '../callback-data.js';
import type { LocaleStore } from '../locale-store.js';

/** /lang: inline buttons English / 繁體中文; the choice is kept in Redis and wins over Telegram's language. */
export function langCommand(localeStore: LocaleStore): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('lang', (ctx) =>
    ctx.reply(ctx.t('lang-choose'), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('lang-button-en'), encodeLangChoice('en'))
        .text(ctx.t('lang-button-zh-TW'), encodeLangChoice('zh-TW')),
    }),
  );
  composer.callbackQuery(/^l1:/, async (ctx) => {
    const action = decodeCallbackData(ctx.callbackQuery.data);
    if (!action || action.kind !== 'lang' || !ctx.from) {
      await ctx.answerCallbackQuery({ text: ctx.t('approval-tap-invalid'), show_alert: true });
      return;
    }
    await localeStore.set(ctx.from.id, action.locale);
    ctx.i18n.useLocale(action.locale);
    ctx.locale = action.locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('lang-set'));
    ctx.logger.info({ locale: action.locale }, 'language chosen');
  });
  return composer;
}
