import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import type { Translate } from '../../i18n/translator.js';
import { replyHtml } from '../reply.js';

export function startCommand(t: Translate): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', (ctx) => replyHtml(ctx, t(ctx.locale, 'start-text', { userId: String(ctx.from?.id ?? '') })));
  composer.command('help', (ctx) => replyHtml(ctx, t(ctx.locale, 'help-text')));
  return composer;
}
