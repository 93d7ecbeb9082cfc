import { Composer } from 'grammy';
import type { Logger } from 'pino';
import type { SyncAnswerer, SyncAnswerRequest } from '../../chat/sync-answer.js';
import type { AgentDispatcher } from '../../jobs/agent-job.js';
import { agentJobRef } from '../../jobs/agent-job.js';
import { ChainCancelledError, ChainExhaustedError } from '../../llm/types.js';
import type { ProviderName } from '../../llm/provider-names.js';
import type { Classification } from '../../routing/classifier.js';
import type { Route } from '../../routing/router.js';
import type { TaskLabel } from '../../routing/tasks.js';
import type { StatusReporter } from '../../status/snapshot.js';
import type { AuditTrail } from '../../audit/trail.js';
import { deliverAnswer } from '../answer-delivery.js';
import type { AnswerLanes } from '../answer-lanes.js';
import type { RequestLimiter } from '../request-limit.js';
import { createChatOutput } from '../chat-output.js';
import type { BotContext } from '../context.js';
import { reportFailure } from '../error-handler.js';
import { personLane } from '../update-scope.js';
import { personName } from '../../html/display-text.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import { renderStatus } from '../render/status.js';
import { markdownToTelegramHtml } from '../../html/markdown.js';
import { replyHtml } from '../reply.js';

export interface TextDeps {
  classify: (text: string) => Classification;
  route: (task: TaskLabel) => Route;
  answerer: SyncAnswerer;
  status: StatusReporter;
  agents: AgentDispatcher;
  t: Translate;
  /** Where sync model answers wait and run, off the update's sequential section. */
  lanes: AnswerLanes;
  logger: Logger;
  /** Every request is audited: sync answers here, background jobs by the worker. */
  audit: Pick<AuditTrail, 'append'>;
  /** USER_RATE_LIMIT_PER_MINUTE: a message that becomes work (a model answer, a background job) counts. */
  requestLimit: Pick<RequestLimiter, 'admit' | 'check'>;
  /** How often the typing indicator is renewed while a model thinks (Telegram shows it for ~5 s). */
  typingEveryMs?: number;
}

const ENV_FOR_PROVIDER: Record<ProviderName, string> = {
  ollama: 'OLLAMA_MODEL',
  nvidia: 'NVIDIA_API_KEY',
  gemini: 'GEMINI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/** The longest request the worker takes (the job schema's cap); Telegram itself stops at 4096. */
const MAX_REQUEST_CHARS = 8000;

/** Shows "typing…" until the returned function is called. */
function keepTyping(ctx: BotContext, everyMs: number): () => void {
  const send = () => ctx.replyWithChatAction('typing').catch(() => undefined);
  void send();
  const timer = setInterval(() => void send(), everyMs);
  return () => clearInterval(timer);
}

/** Free text: classify → route → answer now (sync), from the status snapshot, or hand to the worker. */
export function textFeature(deps: TextDeps): Composer<BotContext> {
  const { t } = deps;
  const composer = new Composer<BotContext>();

  /**
   * A model answer runs in the person's answer lane, after the handler has returned: the chat's other members and
   * every tap go on meanwhile. It is delivered when it finishes, or the failure is, in the person's language.
   */
  async function answerWithModel(ctx: BotContext & { chat: { id: number }; from: { id: number } }, request: SyncAnswerRequest) {
    const stopTyping = keepTyping(ctx, deps.typingEveryMs ?? 4500);
    const started = Date.now();
    const audit = (outcome: string, extra: { provider?: string; model?: string; tokens?: number; costUsd?: number } = {}) =>
      deps.audit.append({
        kind: 'request',
        chatId: ctx.chat.id,
        userId: ctx.from.id,
        task: request.task,
        outcome,
        ...extra,
        durationMs: Date.now() - started,
      });
    try {
      const answer = await deps.answerer.answer(request);
      stopTyping();
      const footer = t(ctx.locale, 'answer-footer', {
        provider: answer.provider,
        model: escapeHtml(answer.model),
        attempts: answer.attempts,
      });
      const body = answer.text ? markdownToTelegramHtml(answer.text) : t(ctx.locale, 'answer-empty');
      await deliverAnswer(createChatOutput(ctx.api), t, {
        chatId: ctx.chat.id,
        locale: ctx.locale,
        html: `${body}\n\n${footer}`,
        footer,
        fullText: answer.text,
        filename: `answer-${ctx.msg?.message_id ?? started}.txt`,
      });
      await audit('answer', {
        provider: answer.provider,
        model: answer.model,
        tokens: answer.usage.promptTokens + answer.usage.completionTokens,
        costUsd: answer.usage.costUsd,
      });
    } catch (error) {
      stopTyping();
      if (error instanceof ChainExhaustedError || error instanceof ChainCancelledError) {
        const tried = error.tried.map((l) => `${l.provider}: ${escapeHtml(l.outcome)}`).join('; ');
        ctx.logger.warn({ tried: error.tried }, 'no model could answer');
        await audit('failed');
        await replyHtml(ctx, t(ctx.locale, 'answer-failed', { tried: tried || '-' }));
        return;
      }
      await audit('failed');
      await reportFailure(ctx, error, deps.logger, t, 'sync answer failed');
    } finally {
      stopTyping();
    }
  }

  composer.on('message:text', async (ctx) => {
    const text = ctx.message.text.trim();
    if (text.startsWith('/')) {
      await ctx.reply(t(ctx.locale, 'command-unknown'));
      return;
    }
    const classification = deps.classify(text);
    const route = deps.route(classification.task);
    ctx.logger.info({ task: route.task, mode: route.mode, chain: route.chain, evidence: classification.evidence }, 'request classified');

    if (route.task === 'status_query') {
      await replyHtml(ctx, renderStatus(deps.t, ctx.locale, await deps.status.snapshot()));
      return;
    }
    if (route.chain.length === 0) {
      const settings = route.wanted.map((p) => `<code>${ENV_FOR_PROVIDER[p]}</code>`).join(', ');
      await replyHtml(ctx, t(ctx.locale, 'route-no-provider', { task: t(ctx.locale, `task-${route.task}`), settings }));
      return;
    }

    if (route.mode === 'background') {
      if (text.length > MAX_REQUEST_CHARS) {
        await ctx.reply(t(ctx.locale, 'request-too-long', { max: String(MAX_REQUEST_CHARS) }));
        return;
      }
      const ref = agentJobRef(ctx.chat.id, ctx.message.message_id);
      // Read with the update's other keys (src/bot/prefetch.ts); asked here only when that read failed.
      const prefetched = ctx.prefetched.job;
      const known = prefetched?.ref === ref ? prefetched.known : await deps.agents.isKnown(ref);
      if (known) {
        ctx.logger.info({ job_ref: ref }, 'redelivered update: job already enqueued');
        return;
      }
      const admission = await deps.requestLimit.check(ctx);
      if (!admission) return;
      const ack = await ctx.reply(t(ctx.locale, 'job-queued', { ref, task: t(ctx.locale, `task-${route.task}`) }), {
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      });
      // Counted after the ack, so the person waits for no extra round trip; before the handler ends, so their next message sees it.
      await admission.record();
      await deps.agents.enqueue({
        ref,
        chatId: ctx.chat.id,
        userId: ctx.from.id,
        userName: personName(ctx.from),
        messageId: ctx.message.message_id,
        text,
        locale: ctx.locale,
        task: route.task,
        ackMessageId: ack.message_id,
        requestedAt: Date.now(),
      });
      ctx.logger.info({ job_ref: ref, task: route.task }, 'agent job enqueued');
      return;
    }

    if (!(await deps.requestLimit.admit(ctx))) return;
    const request = {
      chatId: ctx.chat.id,
      text,
      locale: ctx.locale,
      task: route.task,
      links: route.chain.filter((l): l is ProviderName => l !== 'offline'),
    };
    deps.lanes.enqueue(personLane(ctx.chat.id, ctx.from.id), (signal) => answerWithModel(ctx, { ...request, signal }));
  });
  return composer;
}
