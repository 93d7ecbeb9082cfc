import { Composer } from 'grammy';
import type { Redis } from 'ioredis';
import type { ApprovalFlow } from '../../approvals/flow.js';
import { approvalButton } from '../callback-data.js';
import type { BotContext } from '../context.js';
import type { Translate } from '../../i18n/translator.js';

export interface ApprovalFeatureDeps {
  flow: ApprovalFlow;
  redis: Redis;
  keyPrefix: string;
  t: Translate;
  /** Starts the typed-name confirmation for a self-approval (one-person setups). */
  confirmSelfApproval: (ctx: BotContext, approvalId: string) => Promise<void>;
  reasonWindowSeconds?: number;
}

function displayName(from: { first_name: string; last_name?: string; username?: string }): string {
  return from.username ? `@${from.username}` : [from.first_name, from.last_name].filter(Boolean).join(' ');
}

/** Taps on approval cards, and the optional reason that follows a reject. */
export function approvalFeature(deps: ApprovalFeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const reasonKey = (chatId: number, promptId: number) => `${deps.keyPrefix}reject-reason:${chatId}:${promptId}`;

  composer.callbackQuery(approvalButton.filter, async (ctx) => {
    const action = approvalButton.unpack(ctx.callbackQuery.data);
    if (!action) {
      ctx.logger.warn({ data: ctx.callbackQuery.data.slice(0, 64) }, 'forged or unknown approval token refused');
      await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, 'approval-tap-invalid'), show_alert: true });
      return;
    }
    const result = await deps.flow.decide({
      approvalId: action.approvalId,
      userId: ctx.from.id,
      userName: displayName(ctx.from),
      decision: action.decision,
    });
    const log = ctx.logger.child({ approval_id: action.approvalId });
    switch (result.kind) {
      case 'approved':
      case 'rejected':
      case 'cancelled':
        await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, `approval-tap-${result.kind}`) });
        await deps.flow.refreshCard(result.record);
        if (result.kind === 'rejected' && ctx.chat) {
          const prompt = await ctx.reply(deps.t(ctx.locale, 'approval-reason-prompt'), {
            reply_markup: { force_reply: true, selective: true },
            ...(result.record.cardMessageId
              ? { reply_parameters: { message_id: result.record.cardMessageId, allow_sending_without_reply: true } }
              : {}),
          });
          await deps.redis.set(
            reasonKey(ctx.chat.id, prompt.message_id),
            `${result.record.id}:${ctx.from.id}`,
            'EX',
            deps.reasonWindowSeconds ?? 300,
          );
        }
        return;
      case 'denied':
        await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, `approval-denied-${result.reason}`), show_alert: true });
        return;
      case 'needs_confirmation':
        await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, 'approval-tap-confirm', { target: result.target }) });
        await deps.confirmSelfApproval(ctx, result.record.id);
        return;
      case 'stale':
        log.info({ reason: result.reason }, 'stale approval tap');
        await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, `approval-stale-${result.reason}`), show_alert: true });
        if (result.record) await deps.flow.refreshCard(result.record);
        return;
    }
  });

  // A reply to the "why?" prompt after a reject becomes the reason on the card and in the audit trail.
  composer.on('message:text', async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message?.message_id;
    if (replyTo === undefined) return next();
    const key = reasonKey(ctx.chat.id, replyTo);
    const value = await deps.redis.get(key);
    const [approvalId, userId] = value?.split(':') ?? [];
    if (!approvalId || Number(userId) !== ctx.from.id) return next();
    await deps.redis.del(key);
    const saved = await deps.flow.addReason(approvalId, ctx.message.text.trim());
    await ctx.reply(saved ? deps.t(ctx.locale, 'approval-reason-saved') : deps.t(ctx.locale, 'approval-reason-too-late'), {
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
  });
  return composer;
}
