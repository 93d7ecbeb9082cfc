import { Composer } from 'grammy';
import type { AlertActions, SilenceResult } from '../../alerts/actions.js';
import type { AlertGroup, AlertUser } from '../../alerts/group-record.js';
import type { AlertGroupStore } from '../../alerts/group-store.js';
import { alertInvestigationRef, type AlertInvestigations } from '../../alerts/investigation-runs.js';
import { mayActOnAlert } from '../../alerts/policy.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';
import type { AgentDispatcher } from '../../jobs/agent-job.js';
import type { AnswerLanes } from '../answer-lanes.js';
import type { ButtonSeal } from '../button-codec.js';
import { alertButton } from '../callback-data.js';
import { readTap } from '../tap-binding.js';
import type { BotContext } from '../context.js';
import { formatAlertTime } from '../render/alert-message.js';
import { displayName } from './confirm-approval.js';

/** What the alert buttons work with; all of it lives in Redis and the queues, nothing in this process. */
export interface AlertFeatureDeps {
  store: Pick<AlertGroupStore, 'get'>;
  actions: AlertActions;
  investigations: AlertInvestigations;
  agents: Pick<AgentDispatcher, 'enqueue'>;
  approverIds: readonly number[];
  t: Translate;
  timeZone: string;
  /** Where a silence that Alertmanager is slow to make goes on after the tap was answered (drained on stop). */
  lanes: Pick<AnswerLanes, 'enqueue'>;
  /** Binds every button to its chat (src/bot/button-codec.ts). */
  seal: ButtonSeal;
  /** How long a Silence tap waits for Alertmanager before it is answered anyway (default 500 ms). */
  silenceAnswerWithinMs?: number;
}

const SILENCE_MS = 3_600_000;
/** Telegram shows at most 200 characters of a tap's answer. */
const MAX_ANSWER = 200;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Taps on an alert message's buttons (src/bot/render/alert-message.ts). Every tap is answered at once, or within
 * half a second for a silence: acknowledging is one Redis write, an investigation is queued for the worker, and a
 * silence that Alertmanager is slow to make goes on after the answer. The message itself is edited through the
 * posting queue (src/alerts/posting.ts), never here, so edits from taps and from notifications stay in order.
 */
export function alertFeature(deps: AlertFeatureDeps): Composer<BotContext> {
  const { t, timeZone } = deps;
  const composer = new Composer<BotContext>();
  const time = (ms: number) => formatAlertTime(ms, timeZone);
  const nameOf = (user: { userId: number; name?: string }) => user.name ?? String(user.userId);

  async function answer(ctx: BotContext, text: string, alert = false): Promise<void> {
    await ctx.answerCallbackQuery({ text: shorten(text, MAX_ANSWER), ...(alert ? { show_alert: true } : {}) });
  }

  /** The answer to a silence request that Alertmanager answered in time (or that never needed it). */
  function silenceAnswer(locale: Locale, result: SilenceResult): { text: string; alert: boolean } {
    switch (result.kind) {
      case 'silenced':
        return { text: t(locale, 'alert-tap-silenced', { time: time(result.until) }), alert: false };
      case 'active':
        return {
          text: t(locale, 'alert-tap-silence-active', { user: nameOf(result.silence.by), time: time(result.silence.until) }),
          alert: false,
        };
      case 'in_progress':
        return { text: t(locale, 'alert-tap-silence-in-progress'), alert: false };
      case 'not_configured':
        return { text: t(locale, 'alert-tap-silence-off'), alert: true };
      case 'no_matchers':
        return { text: t(locale, 'alert-tap-silence-no-matchers'), alert: true };
      case 'failed':
        return { text: t(locale, 'alert-tap-silence-failed', { error: shorten(result.error, 120) }), alert: true };
      case 'unknown':
        return { text: t(locale, 'alert-tap-unknown'), alert: true };
    }
  }

  async function acknowledge(ctx: BotContext, group: AlertGroup, user: AlertUser): Promise<void> {
    const result = await deps.actions.acknowledge(group.id, user);
    if (result.kind === 'acknowledged') return answer(ctx, t(ctx.locale, 'alert-tap-acknowledged'));
    if (result.kind === 'already') {
      return answer(ctx, t(ctx.locale, 'alert-tap-already-acknowledged', { user: nameOf(result.by), time: time(result.by.at) }));
    }
    return answer(ctx, t(ctx.locale, 'alert-tap-unknown'), true);
  }

  async function silence(ctx: BotContext, group: AlertGroup, user: AlertUser, messageId: number): Promise<void> {
    if (!mayActOnAlert('silence', user.userId, { approverIds: deps.approverIds })) {
      ctx.logger.info({ alert_group: group.id }, 'silence refused: not an approver');
      return answer(ctx, t(ctx.locale, 'alert-tap-silence-denied'), true);
    }
    const locale = ctx.locale;
    const work = deps.actions.silence(group.id, user, SILENCE_MS);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deps.silenceAnswerWithinMs ?? 500)));
    const early = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (early) {
      const { text, alert } = silenceAnswer(locale, early);
      return answer(ctx, text, alert);
    }
    await answer(ctx, t(locale, 'alert-tap-silence-pending'));
    // Alertmanager is slow: the silence goes on without holding the card. A success shows in the message (the
    // actions queue its edit); a failure is said under the alert, since the tap has been answered already.
    deps.lanes.enqueue(`alert:${group.id}`, async () => {
      const result = await work.catch((error: unknown): SilenceResult => ({ kind: 'failed', error: String(error) }));
      if (result.kind !== 'failed') return;
      await ctx.api.sendMessage(
        group.chatId,
        t(locale, 'alert-silence-failed', {
          user: escapeHtml(user.name ?? String(user.userId)),
          alertname: escapeHtml(group.commonLabels.alertname ?? group.groupLabels.alertname ?? '?'),
          error: escapeHtml(shorten(result.error, 300)),
        }),
        { parse_mode: 'HTML', reply_parameters: { message_id: messageId, allow_sending_without_reply: true } },
      );
    });
  }

  async function investigate(ctx: BotContext, group: AlertGroup, user: AlertUser, messageId: number): Promise<void> {
    const ref = alertInvestigationRef(`${group.chatId}:${messageId}:${ctx.callbackQuery?.id ?? Date.now()}`);
    const claim = await deps.investigations.claim(group.id, ref);
    switch (claim.kind) {
      case 'running':
      case 'repeated':
        return answer(ctx, t(ctx.locale, 'alert-tap-investigation-running', { ref: claim.ref }));
      case 'resolved':
        return answer(ctx, t(ctx.locale, 'alert-tap-resolved'), true);
      case 'unknown':
        return answer(ctx, t(ctx.locale, 'alert-tap-unknown'), true);
      case 'claimed':
        break;
    }
    const { seed } = claim;
    await answer(ctx, t(ctx.locale, 'alert-tap-investigating', { ref }));
    try {
      // The chat reads the group's language; the ack and the answer are replies to the alert message.
      const ack = await ctx.api.sendMessage(
        group.chatId,
        t(seed.locale, 'job-queued', { ref, task: t(seed.locale, `task-${seed.task}`) }),
        { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } },
      );
      await deps.agents.enqueue({
        ref,
        chatId: group.chatId,
        userId: user.userId,
        ...(user.name ? { userName: user.name } : {}),
        messageId,
        text: seed.text,
        context: seed.context,
        locale: seed.locale,
        task: seed.task,
        ackMessageId: ack.message_id,
        requestedAt: Date.now(),
        alertGroupId: group.id,
      });
    } catch (error) {
      await deps.investigations.release(group.id, ref);
      throw error;
    }
    await deps.investigations.started(group, ref, user);
    ctx.logger.info({ alert_group: group.id, job_ref: ref }, 'alert investigation enqueued');
  }

  composer.callbackQuery(alertButton.filter, async (ctx) => {
    // Forged data, or data bound to another chat, is refused and answered in readTap.
    const tap = await readTap(ctx, alertButton, deps.seal, t);
    if (!tap) return;
    const message = ctx.callbackQuery.message;
    if (!message) {
      ctx.logger.warn({ data: ctx.callbackQuery.data.slice(0, 64) }, 'alert tap without its message refused');
      return answer(ctx, t(ctx.locale, 'approval-tap-invalid'), true);
    }
    const log = ctx.logger.child({ alert_group: tap.groupId });
    const group = await deps.store.get(tap.groupId);
    // A token only acts on its group's own chat: one copied to another chat is refused like an unknown group.
    if (!group || group.chatId !== message.chat.id) {
      log.info({ action: tap.action, known: group !== undefined }, 'alert tap for a group this chat does not have');
      return answer(ctx, t(ctx.locale, 'alert-tap-unknown'), true);
    }
    if (group.status === 'resolved') return answer(ctx, t(ctx.locale, 'alert-tap-resolved'));
    const user: AlertUser = { userId: ctx.from.id, name: shorten(displayName(ctx.from), 100) };
    log.info({ action: tap.action }, 'alert button tapped');
    switch (tap.action) {
      case 'acknowledge':
        return acknowledge(ctx, group, user);
      case 'silence':
        return silence(ctx, group, user, message.message_id);
      case 'investigate':
        return investigate(ctx, group, user, message.message_id);
    }
  });
  return composer;
}
