import { sequentialize } from '@grammyjs/runner';
import { Bot, type Composer, type MiddlewareFn } from 'grammy';
import { conversationsPlugin } from './conversations.js';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Metrics } from '../metrics/registry.js';
import type { StatusReporter } from '../status/snapshot.js';
import { installApiTransformers } from './api-transformers.js';
import { createAuth } from './auth.js';
import { langCommand } from './commands/lang.js';
import { startCommand } from './commands/start.js';
import { statusCommand } from './commands/status.js';
import type { BotContext } from './context.js';
import { createErrorHandler } from './error-handler.js';
import { textFeature, type TextDeps } from './features/text.js';
import { cancelCommand } from './commands/cancel.js';
import { MENU_COMMANDS } from './commands/menu.js';
import { modeCommand } from './commands/mode.js';
import type { ChatModeStore } from '../approvals/chat-mode.js';
import { approvalCommands } from './commands/approvals.js';
import { approvalFeature } from './features/approvals.js';
import { runCommandFeature } from './features/run-command.js';
import type { ClusterExecutor } from '../cluster/executor.js';
import type { ApprovalFlow } from '../approvals/flow.js';
import type { ApprovalStore } from '../approvals/store.js';
import type { AuditTrail } from '../audit/trail.js';
import type { AgentDispatcher } from '../jobs/agent-job.js';
import { translatorFrom } from './i18n.js';
import type { I18n } from '@grammyjs/i18n';
import type { Locale } from '../i18n/locale.js';
import type { LocaleStore } from './locale-store.js';

export interface BotDeps {
  config: Config;
  metrics: Metrics;
  logger: Logger;
  redis: Redis;
  status: StatusReporter;
  i18n: I18n<BotContext>;
  localeStore: LocaleStore;
  agents: AgentDispatcher;
  understanding: Pick<TextDeps, 'classify' | 'route' | 'answerer'>;
  approvals: { flow: ApprovalFlow; store: ApprovalStore; audit: AuditTrail; modes: ChatModeStore };
  /** The scoped cluster executor, for /run. */
  executor: ClusterExecutor;
}

/** One chat's updates run in order; different chats run side by side. */
export function chatSequenceKey(ctx: BotContext): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
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

export function createBot(deps: BotDeps): Bot<BotContext> {
  const { config, logger, redis } = deps;
  if (!config.telegram.token) throw new Error('createBot needs TELEGRAM_BOT_TOKEN');
  const bot = new Bot<BotContext>(config.telegram.token, { client: { apiRoot: config.telegram.apiRoot } });
  installApiTransformers(bot.api, logger);

  const { i18n, localeStore } = deps;
  const t = translatorFrom(i18n);

  bot.use(sequentialize(chatSequenceKey));
  bot.use(async (ctx, next) => {
    ctx.logger = logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id, user_id: ctx.from?.id });
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
  bot.use(i18n);
  bot.use(async (ctx, next) => {
    ctx.locale = (await ctx.i18n.getLocale()) as Locale;
    await next();
  });
  bot.use(createAuth({ allowedUserIds: config.access.allowedUserIds, redis, keyPrefix: config.redis.keyPrefix }));

  // Approval taps and the replies to their prompts come before the conversations plugin, so they never read or
  // write anyone's conversation state.
  bot.use(
    approvalFeature({
      flow: deps.approvals.flow,
      store: deps.approvals.store,
      redis,
      keyPrefix: config.redis.keyPrefix,
      t,
      timeZone: config.timeZone,
    }),
  );
  // Conversations next, so a waiting flow sees its message before any command or text handler.
  // The plugin adds ctx.conversation; our BotContext does not declare it, hence the casts at this one seam.
  bot.use(conversationsPlugin(redis, config.redis.keyPrefix) as unknown as MiddlewareFn<BotContext>);
  bot.use(approvalCommands({ store: deps.approvals.store, audit: deps.approvals.audit, t, approverIds: config.access.approverUserIds }));
  bot.use(modeCommand({ modes: deps.approvals.modes, approverIds: config.access.approverUserIds }));
  bot.use(
    runCommandFeature({
      executor: deps.executor,
      flow: deps.approvals.flow,
      t,
      logger,
      defaultNamespace: config.cluster.defaultNamespace,
      protectedNamespaces: config.cluster.protectedNamespaces,
    }) as unknown as Composer<BotContext>,
  );
  bot.use(startCommand());
  bot.use(langCommand(localeStore));
  bot.use(statusCommand(deps.status, t));
  bot.use(cancelCommand(deps.agents));
  bot.use(textFeature({ ...deps.understanding, status: deps.status, agents: deps.agents, t }));

  // A button no handler knows (an old keyboard, forged data) still gets an answer, so the client stops spinning.
  bot.on('callback_query', (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t('approval-tap-invalid'), show_alert: true }).catch(() => undefined),
  );

  bot.catch(createErrorHandler(logger, t));
  return bot;
}
