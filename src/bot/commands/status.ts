import { Composer } from 'grammy';
import type { StatusReporter } from '../../status/snapshot.js';
import type { BotContext } from '../context.js';
import type { Translate } from '../../i18n/translator.js';
import { renderStatus } from '../render/status.js';
import { replyHtml } from '../reply.js';

export function statusCommand(status: StatusReporter, t: Translate): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('status', async (ctx) => {
    await replyHtml(ctx, renderStatus(t, ctx.locale, await status.snapshot()));
  });
  return composer;
}
