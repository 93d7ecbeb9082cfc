import { Composer } from 'grammy';
import { isToolName } from '../../tools/registry.js';
import { validateToolCall } from '../../tools/validate-tool-call.js';
import type { BotContext } from '../context.js';
import { replyHtml } from '../reply.js';
import { executeRunCall, requesterName } from '../run/execute-call.js';
import { parseRunCommand } from '../run/parse-run-command.js';
import { renderInvalidCall, renderParseProblem, renderUnknownTool, renderUsage } from '../run/render-usage.js';
import { runGuidedFeature, type RunFeatureDeps } from './run-guided.js';

/**
 * /run: run one catalog tool without any model. `/run <tool> key=value ...` runs a read tool at once and turns a
 * change into an approval card; `/run` alone starts the guided flow. Every call passes validateToolCall first.
 */
export function runCommandFeature(deps: RunFeatureDeps): Composer<BotContext> {
  const guided = runGuidedFeature(deps);
  const composer = new Composer<BotContext>();
  // The conversation first, so a flow that is waiting sees its answers before the command below.
  composer.use(guided.composer);

  composer.command('run', async (ctx) => {
    const { from, chat, locale } = ctx;
    if (!from) return;
    const parsed = parseRunCommand(ctx.match);
    if (parsed.kind === 'guided') {
      if (!(await deps.requestLimit.admit(ctx))) return;
      await guided.start(ctx);
      return;
    }
    const reply = (html: string) => replyHtml(ctx, html);
    if (parsed.kind === 'error') {
      const usage = parsed.tool && isToolName(parsed.tool) ? `\n${renderUsage(deps.t, locale, parsed.tool, deps.defaultNamespace)}` : '';
      const problem = renderParseProblem(deps.t, locale, parsed.problem, parsed.token);
      await reply(problem + usage);
      return;
    }
    if (!isToolName(parsed.tool)) {
      await reply(renderUnknownTool(deps.t, locale, parsed.tool));
      return;
    }
    const validation = validateToolCall(parsed.tool, parsed.args);
    if (!validation.ok) {
      // The reason quotes the values, and a manifest may hold secrets: it is shown to the user, not logged.
      ctx.logger.info({ tool: parsed.tool }, '/run refused: invalid arguments');
      await reply(renderInvalidCall(deps.t, locale, parsed.tool, validation.reason, deps.defaultNamespace));
      return;
    }
    if (!(await deps.requestLimit.admit(ctx))) return;
    const outcome = await executeRunCall(deps, validation.call, {
      userId: from.id,
      userName: requesterName(from),
      chatId: chat.id,
      locale,
      replyTo: ctx.msg.message_id,
      ...(ctx.msg.text ? { commandText: ctx.msg.text } : {}),
    });
    ctx.logger.info(
      { tool: validation.call.name, outcome: outcome.kind, ...(outcome.kind === 'refused' ? { code: outcome.code } : {}) },
      '/run',
    );
    // A queued change is answered by a worker: its card, or why there is none.
    if (outcome.kind !== 'queued') await reply(outcome.html);
  });
  return composer;
}
