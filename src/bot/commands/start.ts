import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { replyHtml } from '../reply.js';

export function startCommand(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', (ctx) => replyHtml(ctx, ctx.t('start-text', { userId: String(ctx.from?.id ?? '') })));
  composer.command('help', (ctx) => replyHtml(ctx, ctx.t('help-text')));
  return composer;
}
