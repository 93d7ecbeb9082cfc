import { Composer, InlineKeyboard } from 'grammy';
import { CHAT_MODES, chatModeSchema, type ChatMode, type ChatModeStore } from '../../approvals/chat-mode.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';
import { modeButton } from '../callback-data.js';
import type { BotContext } from '../context.js';
import type { ButtonSeal } from '../button-codec.js';
import { readTap } from '../tap-binding.js';

/** /mode: show the chat's mode; approvers switch it with the buttons or `/mode read-only|approve|suggest`. */
export function modeCommand(deps: {
  modes: ChatModeStore;
  approverIds: readonly number[];
  t: Translate;
  seal: ButtonSeal;
}): Composer<BotContext> {
  const { t } = deps;
  const composer = new Composer<BotContext>();
  const keyboard = (locale: Locale, chatId: number) => {
    const chat = deps.seal.forChat(chatId);
    const k = new InlineKeyboard();
    for (const mode of CHAT_MODES) k.text(t(locale, `mode-name-${mode}`), modeButton.pack({ mode }, chat));
    return k;
  };
  const isApprover = (ctx: BotContext) => deps.approverIds.includes(ctx.from?.id ?? 0);
  const described = (locale: Locale, key: 'mode-set' | 'mode-current', mode: ChatMode) =>
    t(locale, key, { mode: t(locale, `mode-name-${mode}`), explain: t(locale, `mode-explain-${mode}`) });

  composer.command('mode', async (ctx) => {
    const wanted = ctx.match.trim();
    if (wanted) {
      const parsed = chatModeSchema.safeParse(wanted);
      if (!parsed.success) {
        await ctx.reply(t(ctx.locale, 'mode-unknown', { modes: CHAT_MODES.join(', ') }));
        return;
      }
      if (!isApprover(ctx)) {
        await ctx.reply(t(ctx.locale, 'mode-approvers-only'));
        return;
      }
      await deps.modes.set(ctx.chat.id, parsed.data);
      ctx.logger.info({ mode: parsed.data }, 'chat mode changed');
      await ctx.reply(described(ctx.locale, 'mode-set', parsed.data));
      return;
    }
    const mode = await deps.modes.get(ctx.chat.id);
    await ctx.reply(described(ctx.locale, 'mode-current', mode), {
      ...(isApprover(ctx) ? { reply_markup: keyboard(ctx.locale, ctx.chat.id) } : {}),
    });
  });

  composer.callbackQuery(modeButton.filter, async (ctx) => {
    const choice = await readTap(ctx, modeButton, deps.seal, t);
    if (!choice || !ctx.chat) return;
    if (!isApprover(ctx)) {
      await ctx.answerCallbackQuery({ text: t(ctx.locale, 'mode-approvers-only'), show_alert: true });
      return;
    }
    await deps.modes.set(ctx.chat.id, choice.mode);
    ctx.logger.info({ mode: choice.mode }, 'chat mode changed');
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(described(ctx.locale, 'mode-set', choice.mode));
  });
  return composer;
}
