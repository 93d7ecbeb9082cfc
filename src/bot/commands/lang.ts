import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.js';
import { langButton } from '../callback-data.js';
import type { Translate } from '../../i18n/translator.js';
import type { LocaleStore } from '../locale-store.js';
import type { ButtonSeal } from '../button-codec.js';
import { readTap } from '../tap-binding.js';

/** /lang: inline buttons English / 繁體中文; the choice is kept in Redis and wins over Telegram's language. */
export function langCommand(localeStore: LocaleStore, t: Translate, seal: ButtonSeal): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('lang', (ctx) => {
    const chat = seal.forChat(ctx.chat.id);
    return ctx.reply(t(ctx.locale, 'lang-choose'), {
      reply_markup: new InlineKeyboard()
        .text(t(ctx.locale, 'lang-button-en'), langButton.pack({ locale: 'en' }, chat))
        .text(t(ctx.locale, 'lang-button-zh-TW'), langButton.pack({ locale: 'zh-TW' }, chat)),
    });
  });
  composer.callbackQuery(langButton.filter, async (ctx) => {
    const choice = await readTap(ctx, langButton, seal, t);
    if (!choice) return;
    await localeStore.set(ctx.from.id, choice.locale);
    ctx.locale = choice.locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(t(ctx.locale, 'lang-set'));
    ctx.logger.info({ locale: choice.locale }, 'language chosen');
  });
  return composer;
}
