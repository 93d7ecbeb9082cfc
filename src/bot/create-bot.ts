import { sequentialize } from '@grammyjs/runner';
import { Bot, Composer } from 'grammy';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ChatModeStore } from '../approvals/chat-mode.js';
import type { ApprovalFlow } from '../approvals/flow.js';
import type { ApprovalStore } from '../approvals/store.js';
import type { AuditTrail } from '../audit/trail.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import type { Config } from '../config.js';
import type { Translate } from '../i18n/translator.js';
import { agentJobRef, type AgentDispatcher } from '../jobs/agent-job.js';
import type { ProposalQueue } from '../jobs/propose-job.js';
import type { Metrics } from '../metrics/registry.js';
import type { StatusReporter } from '../status/snapshot.js';
import type { AnswerLanes } from './answer-lanes.js';
import { installApiTransformers } from './api-transformers.js';
import { createAuth } from './auth.js';
import { buttonSealFromBotToken } from './button-codec.js';
import { runButton } from './callback-data.js';
import { approvalCommands } from './commands/approvals.js';
import { cancelCommand } from './commands/cancel.js';
import { langCommand } from './commands/lang.js';
import { MENU_COMMANDS } from './commands/menu.js';
import { modeCommand } from './commands/mode.js';
import { startCommand } from './commands/start.js';
import { statusCommand } from './commands/status.js';
import type { BotContext } from './context.js';
import { conversationKey, conversationsPlugin } from './conversations.js';
import { createErrorHandler } from './error-handler.js';
import { alertFeature, type AlertFeatureDeps } from './features/alerts.js';
import { approvalFeature } from './features/approvals.js';
import { runCommandFeature } from './features/run-command.js';
import { textFeature, type TextDeps } from './features/text.js';
import { localeMiddleware } from './locale-middleware.js';
import { rememberingLocaleStore, type LocaleStore } from './locale-store.js';
import { prefetchMiddleware } from './prefetch.js';
import type { LeaseMemory } from './lease-memory.js';
import { createRequestLimiter } from './request-limit.js';
import { chatUserScope, updateSequenceKey } from './update-scope.js';

export interface BotDeps {
  config: Config;
  metrics: Metrics;
  logger: Logger;
  redis: Redis;
  status: StatusReporter;
  /** The one translation API (src/i18n/translator.ts). */
  t: Translate;
  localeStore: LocaleStore;
  /** What the poller remembers while it holds the lease; polling tells it of each gain (src/bot/lease-memory.ts). */
  memory: LeaseMemory;
  agents: AgentDispatcher;
  /** Sync model answers in flight; polling's stop waits for them (src/bot/polling.ts). */
  lanes: AnswerLanes;
  understanding: Pick<TextDeps, 'classify' | 'route' | 'answerer'>;
  approvals: { flow: ApprovalFlow; store: ApprovalStore; audit: AuditTrail; modes: ChatModeStore };
  /** The scoped cluster executor, for /run's reads: read-only in the bot (src/cluster/read-only-executor.ts). */
  executor: ClusterExecutor;
  /** The alert buttons' store, actions and investigations; absent when the alert receiver is off. */
  alerts?: Pick<AlertFeatureDeps, 'store' | 'actions' | 'investigations'>;
  /** /run's changes go to the workers, which preview them and post their cards. */
  proposals: ProposalQueue;
}

function updateKind(ctx: BotContext): string {
  return Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
}

/** A low-cardinality handler label: the command, "callback", "text", or the update kind. */
function handlerName(ctx: BotContext, kind: string): string {
  const text = typeof ctx.message?.text === 'string' ? ctx.message.text : undefined;
  if (text?.startsWith('/')) {
    const command = /^\/([a-z_]{1,32})/.exec(text)?.[1];
    return command && (MENU_COMMANDS as readonly string[]).includes(command) ? command : 'command';
  }
  if (ctx.callbackQuery) return 'callback';
  return text ? 'text' : kind;
}

/** The job a text message would become, for the duplicate check in the prefetch (commands never do). */
function jobOf(agents: AgentDispatcher, ctx: BotContext): { ref: string; key: string } | undefined {
  const message = ctx.message;
  if (!message?.text || message.text.trimStart().startsWith('/')) return undefined;
  const ref = agentJobRef(message.chat.id, message.message_id);
  return { ref, key: agents.knownKey(ref) };
}

export function createBot(deps: BotDeps): Bot<BotContext> {
  const { config, logger, redis, t, memory } = deps;
  const localeStore = rememberingLocaleStore(deps.localeStore, memory);
  if (!config.telegram.token) throw new Error('createBot needs TELEGRAM_BOT_TOKEN');
  const bot = new Bot<BotContext>(config.telegram.token, { client: { apiRoot: config.telegram.apiRoot } });
  installApiTransformers(bot.api, logger);
  const keyPrefix = config.redis.keyPrefix;
  // Every button's data is bound to its chat with a key derived from the token (src/bot/button-codec.ts).
  const seal = buttonSealFromBotToken(config.telegram.token);
  const requestLimit = createRequestLimiter({ redis, keyPrefix, limitPerMinute: config.requestLimit.perUserPerMinute, t, memory });

  // Taps per card, messages per person per chat (src/bot/update-scope.ts): nobody waits for someone else's model.
  bot.use(sequentialize(updateSequenceKey));
  bot.use(async (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id });
    ctx.prefetched = {};
    const kind = updateKind(ctx);
    deps.metrics.update(kind);
    const started = performance.now();
    let ok = false;
    try {
      await next();
      ok = true;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      deps.metrics.handled(handlerName(ctx, kind), seconds, ok);
      ctx.logger.debug({ ms: Math.round(seconds * 1000) }, 'update handled');
    }
  });
  bot.use(createAuth({ allowedUserIds: config.access.allowedUserIds, redis, keyPrefix, t }));
  // A person's next message waits for their earlier answer, so their replies come in the order they asked.
  bot.on(['message', 'edited_message'], async (ctx, next) => {
    const scope = chatUserScope(ctx);
    if (scope !== undefined) await deps.lanes.idle(scope);
    await next();
  });
  bot.use(
    prefetchMiddleware(
      redis,
      {
        localeKey: (userId) => localeStore.key(userId),
        // Only updates that pass through the conversations plugin need its state.
        conversationKey: (ctx) => (chatUserScope(ctx) === undefined ? undefined : conversationKey(keyPrefix, ctx)),
        job: (ctx) => jobOf(deps.agents, ctx),
        requestLimit: (ctx) => requestLimit.readPlan(ctx),
      },
      memory,
    ),
  );
  bot.use(localeMiddleware(localeStore));

  const conversations = conversationsPlugin(redis, keyPrefix, memory);

  // Taps on cards and alert messages (and the replies to their prompts), /lang and /mode come before the
  // conversations plugin: they never load or save a conversation.
  bot.use(
    approvalFeature({
      flow: deps.approvals.flow,
      seal,
      store: deps.approvals.store,
      redis,
      keyPrefix,
      t,
      timeZone: config.timeZone,
    }),
  );
  if (deps.alerts) {
    bot.use(
      alertFeature({
        ...deps.alerts,
        agents: deps.agents,
        approverIds: config.access.approverUserIds,
        t,
        timeZone: config.timeZone,
        lanes: deps.lanes,
        seal,
      }),
    );
  }
  bot.use(langCommand(localeStore, t, seal));
  bot.use(modeCommand({ modes: deps.approvals.modes, approverIds: config.access.approverUserIds, t, seal }));
  // A button no handler knows (an old keyboard, forged data) still gets an answer, so the client stops spinning.
  const unknownTap = new Composer<BotContext>();
  unknownTap.on('callback_query', async (ctx, next) => {
    if (runButton.claims(ctx.callbackQuery.data)) return next();
    await ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-invalid'), show_alert: true }).catch(() => undefined);
  });
  bot.use(unknownTap);

  // Conversations next, so a waiting flow sees its message before any command or text handler.
  bot.use(conversations);
  bot.use(
    runCommandFeature({
      executor: deps.executor,
      proposals: deps.proposals,
      t,
      seal,
      requestLimit,
      logger,
      defaultNamespace: config.cluster.defaultNamespace,
    }),
  );
  bot.use(approvalCommands({ store: deps.approvals.store, audit: deps.approvals.audit, t, approverIds: config.access.approverUserIds }));
  bot.use(startCommand(t));
  bot.use(statusCommand(deps.status, t));
  bot.use(cancelCommand(deps.agents, t));
  bot.use(
    textFeature({
      ...deps.understanding,
      status: deps.status,
      agents: deps.agents,
      t,
      lanes: deps.lanes,
      logger,
      audit: deps.approvals.audit,
      requestLimit,
    }),
  );

  bot.on('callback_query', (ctx) =>
    ctx.answerCallbackQuery({ text: t(ctx.locale, 'approval-tap-invalid'), show_alert: true }).catch(() => undefined),
  );

  bot.catch(createErrorHandler(logger, t));
  return bot;
}
