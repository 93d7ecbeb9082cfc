import { Composer, InlineKeyboard } from 'grammy';
import { CHAT_MODES, chatModeSchema, type ChatModeStore } from '../../approvals/chat-mode.js';
import type { BotContext } from '../context.js';

/** /mode: show the chat's mode; approvers switch it with the buttons or `/mode read-only|approve|suggest`. */
export function modeCommand(deps: { modes: ChatModeStore; approverIds: readonly number[] }): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const keyboard = (ctx: BotContext) => {
    const k = new InlineKeyboard();
    for (const mode of CHAT_MODES) k.text(ctx.t(`mode-name-${mode}`), `m1:${mode}`);
    return k;
  };
  const isApprover = (ctx: BotContext) => deps.approverIds.includes(ctx.from?.id ?? 0);

  composer.command('mode', async (ctx) => {
    const wanted = ctx.match.trim();
    if (wanted) {
      const parsed = chatModeSchema.safeParse(wanted);
      if (!parsed.success) {
        await ctx.reply(ctx.t('mode-unknown', { modes: CHAT_MODES.join(', ') }));
        return;
      }
      if (!isApprover(ctx)) {
        await ctx.reply(ctx.t('mode-approvers-only'));
        return;
      }
      await deps.modes.set(ctx.chat.id, parsed.data);
      ctx.logger.info({ mode: parsed.data }, 'chat mode changed');
      await ctx.reply(ctx.t('mode-set', { mode: ctx.t(`mode-name-${parsed.data}`), explain: ctx.t(`mode-explain-${parsed.data}`) }));
      return;
    }
    const mode = await deps.modes.get(ctx.chat.id);
    await ctx.reply(ctx.t('mode-current', { mode: ctx.t(`mode-name-${mode}`), explain: ctx.t(`mode-explain-${mode}`) }), {
      ...(isApprover(ctx) ? { reply_markup: keyboard(ctx) } : {}),
    });
  });

  composer.callbackQuery(/^m1:/, async (ctx) => {
    const parsed = chatModeSchema.safeParse(ctx.callbackQuery.data.slice(3));
    if (!parsed.success || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.t('approval-tap-invalid'), show_alert: true });
      return;
    }
    if (!isApprover(ctx)) {
      await ctx.answerCallbackQuery({ text: ctx.t('mode-approvers-only'), show_alert: true });
      return;
    }
    await deps.modes.set(ctx.chat.id, parsed.data);
    ctx.logger.info({ mode: parsed.data }, 'chat mode changed');
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t('mode-set', { mode: ctx.t(`mode-name-${parsed.data}`), explain: ctx.t(`mode-explain-${parsed.data}`) }),
    );
  });
  return composer;
}
