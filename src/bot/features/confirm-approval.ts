import type { ApprovalFlow } from '../../approvals/flow.js';
import { confirmationMatches, confirmationTarget } from '../../approvals/policy.js';
import type { ApprovalStore } from '../../approvals/store.js';
import type { ApprovalRecord } from '../../approvals/types.js';
import { personName, revealHiddenText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { BotContext } from '../context.js';
import { formatClock } from '../render/clock.js';
import type { PromptLinks } from './approval-prompts.js';

/** How long after the card's deadline a reply to the prompt is still recognised, to be told it came too late. */
export const LATE_CONFIRMATION_SECONDS = 300;

export interface SelfApprovalDeps {
  flow: ApprovalFlow;
  store: ApprovalStore;
  links: PromptLinks;
  t: Translate;
  timeZone: string;
  now?: () => number;
}

/** How an approver is named on the card (src/html/display-text.ts personName; the id is shown beside it). */
export function displayName(from: { first_name: string; last_name?: string; username?: string }): string {
  return personName(from);
}

/**
 * One-person setups (ALLOW_SELF_APPROVAL=1): the requester approves their own critical change only after typing
 * the resource's name. The tap posts a force-reply prompt under the card; the reply to that prompt (from the
 * same person, before the card's deadline) is the confirmation. Nothing here touches conversation state.
 */
export function selfApproval(deps: SelfApprovalDeps) {
  const { t } = deps;
  const now = deps.now ?? Date.now;

  return {
    /** Called from the tap handler when the policy asks for the typed name (the tap is already answered). */
    async prompt(ctx: BotContext, record: ApprovalRecord): Promise<void> {
      if (!ctx.chat || !ctx.from) return;
      const locale = record.locale;
      const text = t(locale, 'approval-confirm-prompt', {
        target: escapeHtml(revealHiddenText(confirmationTarget(record))),
        at: formatClock(record.expiresAt, locale, deps.timeZone),
      });
      const prompt = await ctx.reply(text, {
        parse_mode: 'HTML',
        reply_markup: { force_reply: true, selective: true },
        ...(record.cardMessageId ? { reply_parameters: { message_id: record.cardMessageId, allow_sending_without_reply: true } } : {}),
      });
      const ttlSeconds = (record.expiresAt - now()) / 1000 + LATE_CONFIRMATION_SECONDS;
      await deps.links.save(ctx.chat.id, prompt.message_id, { kind: 'confirm', approvalId: record.id, userId: ctx.from.id }, ttlSeconds);
    },

    /** The reply to a confirmation prompt: the right name approves; a wrong one or a late one approves nothing. */
    async answer(ctx: BotContext & { message: { text: string; message_id: number } }, approvalId: string): Promise<void> {
      const from = ctx.from;
      if (!from) return;
      const reply = (text: string) =>
        ctx.reply(text, { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
      const record = await deps.store.get(approvalId);
      if (!record) {
        await reply(t(ctx.locale, 'approval-confirm-failed', { reason: t(ctx.locale, 'approval-stale-not_found') }));
        return;
      }
      const locale = record.locale;
      const log = ctx.logger.child({ approval_id: approvalId });
      // Past the deadline the expiry job has turned (or is turning) the card to expired: say so, whatever was typed.
      if (now() >= record.expiresAt || record.state === 'expired') {
        log.info('self-approval confirmed too late: expired');
        await reply(t(locale, 'approval-confirm-failed', { reason: t(locale, 'approval-stale-expired') }));
        return;
      }
      if (!confirmationMatches(record, ctx.message.text)) {
        log.info('self-approval not confirmed: the typed name does not match');
        await reply(t(locale, 'approval-confirm-mismatch', { target: confirmationTarget(record) }));
        return;
      }
      const result = await deps.flow.decide({
        approvalId,
        userId: from.id,
        userName: displayName(from),
        decision: 'approve',
        confirmed: true,
        ...(ctx.chat ? { chatId: ctx.chat.id } : {}),
      });
      if (result.kind === 'approved') {
        await reply(t(locale, 'approval-confirm-done'));
        await deps.flow.refreshCard(result.record);
        return;
      }
      const reason =
        result.kind === 'stale'
          ? t(locale, `approval-stale-${result.reason}`)
          : result.kind === 'denied'
            ? t(locale, `approval-denied-${result.reason}`)
            : result.kind === 'wrong_chat'
              ? t(locale, 'approval-tap-invalid')
              : result.kind;
      await reply(t(locale, 'approval-confirm-failed', { reason }));
    },
  };
}
