import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, type Context } from 'grammy';
import type { Logger } from 'pino';
import { isClusterError } from '../../cluster/executor.js';
import { validateToolCall } from '../../tools/validate-tool-call.js';
import type { ToolName } from '../../tools/registry.js';
import type { BaseContext, BotContext } from '../context.js';
import { escapeHtml } from '../../html/telegram-html.js';
import { localeSchema } from '../../i18n/locale.js';
import { executeRunCall, requesterName, type RunCallDeps } from '../run/execute-call.js';
import { guidedSteps, LISTABLE_KINDS, needsNamespace, unaskedOptions, type GuidedStep } from '../run/guided-plan.js';
import {
  kindQuestion,
  namesQuestion,
  toolQuestion,
  valueQuestion,
  type GuidedAnswer,
  type Listing,
  type Question,
} from '../run/guided-questions.js';
import { choiceKeyboard } from '../run/keyboards.js';
import { formatRunCommand } from '../run/parse-run-command.js';
import { renderClusterError } from '../run/render-cluster-error.js';
import { renderInvalidCall } from '../run/render-usage.js';
import type { ButtonSeal } from '../button-codec.js';
import type { RequestLimiter } from '../request-limit.js';
import { flowIdFrom, runButton } from '../callback-data.js';
import { readTap } from '../tap-binding.js';
import { sendHtml } from '../run/send-html.js';
import { valuePlaceholder } from '../run/tool-parameters.js';

export const RUN_CONVERSATION = 'run-guided';
/** A guided /run left alone this long is given up (checked when the next update arrives). */
export const GUIDED_IDLE_MS = 10 * 60 * 1000;

export interface RunFeatureDeps extends RunCallDeps {
  logger: Logger;
  /** USER_RATE_LIMIT_PER_MINUTE: a /run that would run something counts as a request. */
  requestLimit: Pick<RequestLimiter, 'admit'>;
  /** Binds the flow's buttons to its chat (src/bot/button-codec.ts). */
  seal: ButtonSeal;
}

const COMMAND = /^\/([A-Za-z0-9_]+)(?:@\S+)?(?:\s|$)/;

/**
 * `/run` alone: a conversation kept in Redis (the plugin's storage) that asks for the tool, the namespace and the
 * resource with buttons filled from the cluster, then the other values one message each, and runs the call the
 * way the typed form does. Button tokens carry positions only; every value is validated before use.
 */
export function runGuidedFeature(deps: RunFeatureDeps) {
  const composer = new Composer<BotContext>();

  async function guided(conversation: Conversation<BaseContext, Context>, ctx: Context, rawLocale: unknown) {
    const locale = localeSchema.catch('en').parse(rawLocale);
    const texts = { t: deps.t, locale };
    const t = (key: string, variables?: Record<string, string | number>) => deps.t(locale, key, variables);
    const from = ctx.from;
    if (ctx.chat === undefined || !from) return;
    const chatId = ctx.chat.id;
    const chat = deps.seal.forChat(chatId);
    const flowId = flowIdFrom(await conversation.random());
    let step = 0;

    /** Takes the buttons off an answered question and shows the answer in their place. */
    async function settle(messageId: number, prompt: string, answer: string): Promise<void> {
      // Cosmetic: a failed edit must not end the flow (the recorded failure replays the same way).
      await ctx.api
        .editMessageText(chatId, messageId, `${prompt}\n${answer}`, { parse_mode: 'HTML', reply_markup: { inline_keyboard: [] } })
        .catch(() => undefined);
    }

    async function cancel(messageId: number, prompt: string): Promise<never> {
      await settle(messageId, prompt, '✖');
      await ctx.reply(t('run-guided-cancelled'));
      return conversation.halt();
    }

    /** Sends a question and waits for its answer; undefined when an optional value is skipped. */
    async function ask<V>(question: Question<V>): Promise<V | undefined> {
      step += 1;
      const here = step;
      const keyboard = choiceKeyboard({
        flowId,
        step: here,
        labels: question.labels,
        columns: question.columns,
        cancelLabel: t('run-button-cancel'),
        ...(question.optional ? { skipLabel: t('run-button-skip') } : {}),
        chat,
      });
      const { message_id: messageId } = await ctx.reply(question.prompt, { parse_mode: 'HTML', reply_markup: keyboard });
      for (;;) {
        const update = await conversation.wait();
        let answer: GuidedAnswer;
        if (update.callbackQuery) {
          // The flow's chat is the tap's: a person's flow state is kept per chat, so a tap in another chat never
          // reaches this flow, and data bound to another chat fails here.
          const button = runButton.unpack(update.callbackQuery.data, chat);
          // A malformed r1 token (other taps are handled before the plugin): the fallback below answers it.
          if (!button) return conversation.skip({ next: true });
          if (button.flowId !== flowId || (button.action !== 'cancel' && button.step !== here)) {
            await update.answerCallbackQuery({ text: t('run-guided-stale-button') });
            continue;
          }
          await update.answerCallbackQuery();
          if (button.action === 'cancel') return cancel(messageId, question.prompt);
          if (button.action === 'skip') {
            if (!question.optional) continue;
            await settle(messageId, question.prompt, t('run-guided-skipped'));
            return undefined;
          }
          // A position past this question's buttons can only be forged; it picks nothing.
          if (button.index >= question.labels.length) continue;
          answer = { kind: 'pick', index: button.index };
        } else if (update.message?.text !== undefined) {
          const text = update.message.text;
          const command = COMMAND.exec(text)?.[1]?.toLowerCase();
          if (command === 'cancel') return cancel(messageId, question.prompt);
          if (command === 'run') {
            // A new /run replaces this flow: end it and let the command handler take the message.
            await settle(messageId, question.prompt, '✖');
            return conversation.halt({ next: true });
          }
          if (command !== undefined) return conversation.skip({ next: true });
          if (!question.typed) {
            await update.reply(t('run-guided-use-buttons'));
            continue;
          }
          answer = { kind: 'text', text };
        } else {
          return conversation.skip({ next: true });
        }
        const accepted = question.accept(answer);
        if (!accepted.ok) {
          await update.reply(accepted.html, { parse_mode: 'HTML' });
          continue;
        }
        await settle(messageId, question.prompt, `→ <b>${escapeHtml(accepted.shown)}</b>`);
        return accepted.value;
      }
    }

    /** Cluster reads happen once; replays get the stored result. */
    function list(read: () => Promise<string[]>): Promise<Listing> {
      return conversation.external(async (): Promise<Listing> => {
        try {
          return { ok: true, names: await read() };
        } catch (error) {
          if (!isClusterError(error)) throw error;
          return { ok: false, html: renderClusterError(deps.t, locale, error) };
        }
      });
    }

    async function askStep(tool: ToolName, current: GuidedStep, args: Record<string, unknown>): Promise<unknown> {
      const namespace = typeof args['namespace'] === 'string' ? args['namespace'] : deps.defaultNamespace;
      switch (current.kind) {
        case 'resource-kind':
          return ask(kindQuestion(texts, tool));
        case 'namespace': {
          if (!needsNamespace(typeof args['kind'] === 'string' ? args['kind'] : undefined)) return undefined;
          const listing = await list(() => deps.executor.listNamespaces());
          return ask(namesQuestion(texts, tool, 'namespace', t('run-guided-pick-namespace'), listing));
        }
        case 'resource': {
          const kind = current.source === 'pods' ? 'pod' : current.source === 'deployments' ? 'deployment' : String(args['kind']);
          const prompt =
            kind === 'node'
              ? t('run-guided-pick-node')
              : t('run-guided-pick-resource', {
                  kind: escapeHtml(t(`run-kind-${kind}`)),
                  namespace: `<code>${escapeHtml(namespace)}</code>`,
                });
          const listing = !LISTABLE_KINDS.has(kind)
            ? null
            : await list(async () => {
                if (kind === 'pod') return (await deps.executor.list_pods({ namespace })).map((p) => p.name);
                if (kind === 'deployment') return (await deps.executor.list_deployments({ namespace })).map((d) => d.name);
                return (await deps.executor.list_nodes()).map((n) => n.name);
              });
          return ask(namesQuestion(texts, tool, current.parameter.key, prompt, listing));
        }
        case 'value':
          return ask(valueQuestion(texts, tool, current.parameter));
      }
    }

    const tool = await ask(toolQuestion(texts));
    if (tool === undefined) return;
    const args: Record<string, unknown> = {};
    for (const current of guidedSteps(tool)) {
      const value = await askStep(tool, current, args);
      if (value !== undefined) args[current.parameter.key] = value;
    }

    // Each value was checked on its own; the call as a whole goes through the catalog like any other.
    const validation = validateToolCall(tool, args);
    if (!validation.ok) {
      await sendHtml(ctx, renderInvalidCall(deps.t, locale, tool, validation.reason, deps.defaultNamespace));
      return;
    }
    const call = validation.call;
    const who = {
      userId: from.id,
      userName: requesterName(from),
      chatId,
      locale,
      ...(ctx.message ? { replyTo: ctx.message.message_id } : {}),
      commandText: formatRunCommand(call),
    };
    const outcome = await conversation.external(async () => {
      const result = await executeRunCall(deps, call, who);
      deps.logger.info({ chat_id: chatId, user_id: from.id, tool: call.name, outcome: result.kind }, 'guided /run finished');
      return result;
    });
    if (outcome.kind === 'answer') {
      const typed = [t('run-guided-typed-form', { command: `<code>${escapeHtml(formatRunCommand(call))}</code>` })];
      const options = unaskedOptions(tool).map((p) => `<code>${p.key}=${escapeHtml(valuePlaceholder(p))}</code>`);
      if (options.length > 0) typed.push(t('run-guided-options', { options: options.join(' ') }));
      await sendHtml(ctx, [outcome.html, ...typed].join('\n'));
    } else if (outcome.kind === 'refused') {
      await sendHtml(ctx, outcome.html);
    }
  }

  composer.use(createConversation(guided, { id: RUN_CONVERSATION, maxMillisecondsToWait: GUIDED_IDLE_MS }));

  // A button of a flow that is over (finished, cancelled, timed out) or of someone else's flow; forged data, or
  // data bound to another chat, is refused as invalid.
  composer.callbackQuery(runButton.filter, async (ctx) => {
    if ((await readTap(ctx, runButton, deps.seal, deps.t)) === undefined) return;
    await ctx.answerCallbackQuery({ text: deps.t(ctx.locale, 'run-guided-expired'), show_alert: true });
  });

  return {
    composer,
    /** Starts the guided flow for this person in this chat (a new /run replaces an unfinished one). */
    start: async (ctx: BotContext) => {
      await ctx.conversation.exit(RUN_CONVERSATION);
      await ctx.conversation.enter(RUN_CONVERSATION, ctx.locale);
    },
  };
}
