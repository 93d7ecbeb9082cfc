import { Composer } from 'grammy';
import type { Redis } from 'ioredis';
import type { ApprovalFlow } from '../../approvals/flow.js';
import type { ApprovalStore } from '../../approvals/store.js';
import type { Translate } from '../../i18n/translator.js';
import type { ButtonSeal } from '../button-codec.js';
import { approvalButton } from '../callback-data.js';
import { readTap } from '../tap-binding.js';
import type { BotContext } from '../context.js';
import { createPromptLinks } from './approval-prompts.js';
import { displayName, selfApproval } from './confirm-approval.js';

export interface ApprovalFeatureDeps {
  flow: ApprovalFlow;
  /** Checks that a card's buttons are tapped in the card's chat (src/bot/button-codec.ts). */
  seal: ButtonSeal;
  store: ApprovalStore;
  redis: Redis;
  keyPrefix: string;
  t: Translate;
  /** For the deadline in the self-approval prompt. */
  timeZone: string;
  reasonWindowSeconds?: number;
  now?: () => number;
}

/**
 * Taps on approval cards, and the replies to the prompts that follow them: the optional reason after a reject,
 * and the typed name that confirms a self-approval. Everything it keeps is in the approval store and in Redis
 * keys per prompt; it never reads or writes anyone's conversation state.
 */
export function approvalFeature(deps: ApprovalFeatureDeps): Composer<BotContext> {
  const { t } = deps;
  const composer = new Composer<BotContext>();
  const links = createPromptLinks(deps.redis, deps.keyPrefix);
  const confirm = selfApproval({
    flow: deps.flow,
    store: deps.store,
    links,
    t,
    timeZone: deps.timeZone,
    ...(deps.now ? { now: deps.now } : {}),
  });

  composer.callbackQuery(approvalButton.filter, async (ctx) => {
    const action = await readTap(ctx, approvalButton, deps.seal, t);
    if (!action || !ctx.chat) return;
    const result = await deps.flow.decide({
      approvalId: action.approvalId,
      userId: ctx.from.id,
      userName: displayName(ctx.from),
      decision: action.decision,
      chatId: ctx.chat.id,
    });
    const log = ctx.logger.child({ approval_id: action.approvalId });
    switch (result.kind) {
      case 'approved':
      case 'rejected':
      case 'cancelled':
        await ctx.answerCallbackQuery({ text: t(ctx.locale, `approval-tap-${result.kind}`) });
        await deps.flow.refreshCard(result.record);
        if (result.kind === 'rejected' && ctx.chat) {
          const prompt = await ctx.reply(t(ctx.locale, 'approval-reason-prompt'), {
            reply_markup: { force_reply: true, selective: true },
            ...(result.record.cardMessageId
              ? { reply_parameters: { message_id: result.record.cardMessageId, allow_sending_without_reply: true } }
              : {}),
          });
          await links.save(
            ctx.chat.id,
            prompt.message_id,
            { kind: 'reason', approvalId: result.record.id, userId: ctx.from.id },
            deps.reasonWindowSeconds ?? 300,
          );
        }
        return;
      case 'denied':
        await ctx.answerCallbackQuery({ text: t(ctx.locale, `approval-denied-${result.reason}`), show_alert: true });
        return;
      case 'wrong_chat':
        // The data was bound to this chat, yet the record is another chat's: refused like any invalid tap.
        await ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-invalid'), show_alert: true });
        return;
      case 'needs_confirmation':
        await ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-confirm', { target: result.target }) });
        await confirm.prompt(ctx, result.record);
        return;
      case 'stale':
        log.info({ reason: result.reason }, 'stale approval tap');
        await ctx.answerCallbackQuery({ text: t(ctx.locale, `approval-stale-${result.reason}`), show_alert: true });
        if (result.record) await deps.flow.refreshCard(result.record);
        return;
    }
  });

  // A reply to one of the prompts above, from the person it was for. Any other message goes on untouched.
  composer.on('message:text', async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message?.message_id;
    if (replyTo === undefined) return next();
    const link = await links.take(ctx.chat.id, replyTo, ctx.from.id);
    if (!link) return next();
    if (link.kind === 'confirm') {
      await confirm.answer(ctx, link.approvalId);
      return;
    }
    // The reason after a reject goes on the card and into the audit trail.
    const saved = await deps.flow.addReason(link.approvalId, ctx.message.text.trim());
    await ctx.reply(saved ? t(ctx.locale, 'approval-reason-saved') : t(ctx.locale, 'approval-reason-too-late'), {
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
  });
  return composer;
}
