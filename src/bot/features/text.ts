import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Free text: for now a localized note that understanding requests comes next. */
export function textFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message:text', (ctx) => ctx.reply(ctx.t('text-not-yet')));
  return composer;
}
