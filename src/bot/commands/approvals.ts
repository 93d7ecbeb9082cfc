import { Composer } from 'grammy';
import type { ApprovalStore } from '../../approvals/store.js';
import type { AuditTrail } from '../../audit/trail.js';
import type { BotContext } from '../context.js';
import { cleanDisplayText } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import { formatCall } from '../render/agent-outcome.js';
import { formatDuration } from '../render/duration.js';
import { replyHtml } from '../reply.js';

/** A link to a message, where Telegram can make one (supergroups); elsewhere the card's number. */
function cardLink(chatId: number, messageId: number | undefined): string {
  if (!messageId) return '';
  const id = String(chatId);
  return id.startsWith('-100') ? `https://t.me/c/${id.slice(4)}/${messageId}` : '';
}

export function approvalCommands(deps: {
  store: ApprovalStore;
  audit: AuditTrail;
  t: Translate;
  approverIds: readonly number[];
  now?: () => number;
}): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const now = deps.now ?? Date.now;

  // /approvals: pending approvals in this chat; an approver in a private chat sees every chat's.
  composer.command('approvals', async (ctx) => {
    const everywhere = ctx.chat.type === 'private' && deps.approverIds.includes(ctx.from?.id ?? 0);
    const pending = await deps.store.listPending(everywhere ? {} : { chatId: ctx.chat.id });
    if (pending.length === 0) {
      await ctx.reply(deps.t(ctx.locale, 'approvals-none'));
      return;
    }
    const lines = [deps.t(ctx.locale, 'approvals-title', { count: pending.length })];
    for (const r of pending) {
      const link = cardLink(r.chatId, r.cardMessageId);
      lines.push(
        deps.t(ctx.locale, 'approvals-item', {
          id: r.id.slice(0, 6),
          call: `<code>${escapeHtml(formatCall({ name: r.tool, arguments: r.arguments }))}</code>`,
          left: formatDuration(deps.t, ctx.locale, r.expiresAt - now()),
          card: link ? `<a href="${escapeHtml(link)}">#${r.cardMessageId}</a>` : `#${r.cardMessageId ?? '-'}`,
        }),
      );
    }
    await replyHtml(ctx, lines.join('\n'));
  });

  // /audit [n]: the latest entries of the audit trail, for approvers only.
  composer.command('audit', async (ctx) => {
    if (!deps.approverIds.includes(ctx.from?.id ?? 0)) {
      await ctx.reply(deps.t(ctx.locale, 'audit-approvers-only'));
      return;
    }
    const n = Math.min(50, Math.max(1, Number.parseInt(ctx.match.trim() || '10', 10) || 10));
    const entries = await deps.audit.latest(n);
    if (entries.length === 0) {
      await ctx.reply(deps.t(ctx.locale, 'audit-empty'));
      return;
    }
    const lines = [deps.t(ctx.locale, 'audit-title', { count: entries.length })];
    for (const e of entries) {
      const parts = [
        new Date(e.at).toISOString().replace('T', ' ').slice(0, 19),
        e.kind,
        e.tool ?? e.task ?? '',
        e.decision ?? e.outcome ?? '',
        e.userId !== undefined ? `user ${e.userId}` : '',
        e.approver !== undefined ? `approver ${e.approver}` : '',
        e.model ? `${e.provider ?? ''}/${e.model}` : '',
        e.durationMs !== undefined ? `${e.durationMs} ms` : '',
      ].filter(Boolean);
      // Tools, tasks and outcomes were written from what a model or a person sent: shown without hidden characters.
      lines.push(`<code>${escapeHtml(cleanDisplayText(parts.join(' · '), { maxLength: 300 }))}</code>`);
    }
    await replyHtml(ctx, lines.join('\n'));
  });
  return composer;
}
