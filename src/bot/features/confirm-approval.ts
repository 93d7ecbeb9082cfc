import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { ApprovalFlow } from '../../approvals/flow.js';
import { confirmationMatches, confirmationTarget } from '../../approvals/policy.js';
import type { ApprovalStore } from '../../approvals/store.js';
import type { BaseContext, BotContext } from '../context.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import { localeSchema } from '../../i18n/locale.js';
import { formatClock } from '../render/clock.js';

const CONVERSATION = 'confirm-self-approval';

export interface ConfirmApprovalDeps {
  flow: ApprovalFlow;
  store: ApprovalStore;
  t: Translate;
  timeZone: string;
}

/**
 * One-person setups (ALLOW_SELF_APPROVAL=1): the requester approves their own critical change only after typing
 * the resource's name. A conversation kept in Redis waits for that one message and gives up at the card's deadline.
 */
export function confirmApprovalFeature(deps: ConfirmApprovalDeps) {
  const composer = new Composer<BotContext>();

  async function confirm(conversation: Conversation<BaseContext, Context>, ctx: Context, approvalId: string, userName: string) {
    const record = await conversation.external(() => deps.store.get(approvalId));
    if (!record || !ctx.from) return;
    const locale = localeSchema.parse(record.locale);
    const target = confirmationTarget(record);
    await ctx.reply(
      deps.t(locale, 'approval-confirm-prompt', { target: escapeHtml(target), at: formatClock(record.expiresAt, locale, deps.timeZone) }),
      { parse_mode: 'HTML' },
    );
    const startedAt = await conversation.now();
    // Past the deadline the wait halts the conversation; the expiry job has already turned the card to expired.
    const answer = await conversation.waitFor('message:text', { maxMilliseconds: Math.max(1000, record.expiresAt - startedAt) });
    if (!confirmationMatches(record, answer.message.text)) {
      await answer.reply(deps.t(locale, 'approval-confirm-mismatch', { target }));
      return;
    }
    const result = await conversation.external(() =>
      deps.flow.decide({ approvalId, userId: answer.from.id, userName, decision: 'approve', confirmed: true }),
    );
    if (result.kind === 'approved') {
      await conversation.external(() => deps.flow.refreshCard(result.record));
      await answer.reply(deps.t(locale, 'approval-confirm-done'));
    } else {
      const reason =
        result.kind === 'stale'
          ? deps.t(locale, `approval-stale-${result.reason}`)
          : result.kind === 'denied'
            ? deps.t(locale, `approval-denied-${result.reason}`)
            : result.kind;
      await answer.reply(deps.t(locale, 'approval-confirm-failed', { reason }));
    }
  }

  composer.use(createConversation(confirm, CONVERSATION));
  return {
    composer,
    /** Called from the tap handler when the policy asks for the typed name. */
    start: async (ctx: BotContext, approvalId: string) => {
      const from = ctx.from;
      const name = from ? (from.username ? `@${from.username}` : from.first_name) : '';
      await ctx.conversation.enter(CONVERSATION, approvalId, name);
    },
  };
}
