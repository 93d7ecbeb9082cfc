import { Composer } from 'grammy';
import type { AgentDispatcher } from '../../jobs/agent-job.js';
import type { BotContext } from '../context.js';
import type { Translate } from '../../i18n/translator.js';

/** /cancel: stops this chat's waiting and running background jobs. */
export function cancelCommand(agents: AgentDispatcher, t: Translate): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('cancel', async (ctx) => {
    const cancelled = await agents.cancelChat(ctx.chat.id);
    for (const job of cancelled) {
      // A running job's worker edits its own ack when it stops; a waiting one never started, so we do it here.
      if (!job.wasRunning) {
        await ctx.api
          .editMessageText(ctx.chat.id, job.ackMessageId, t(ctx.locale, 'job-cancelled', { ref: job.ref }))
          .catch((error: unknown) => ctx.logger.warn({ err: error, job_id: job.ref }, 'could not edit the cancelled ack'));
      }
    }
    await ctx.reply(
      cancelled.length === 0
        ? t(ctx.locale, 'cancel-none')
        : t(ctx.locale, 'cancel-done', { refs: cancelled.map((j) => `#${j.ref}`).join(', ') }),
    );
  });
  return composer;
}
