/**
 * The frontend benchmark's baseline: a bare grammY bot under @grammyjs/runner that answers every text at once,
 * with no middleware, no Redis and no classifier. Run as its own process by bench/frontend.ts:
 *   TELEGRAM_BOT_TOKEN=... TELEGRAM_API_ROOT=http://127.0.0.1:PORT node --import tsx bench/support/bare-grammy-bot.ts
 * grammY is imported here, outside src/bot/, on purpose: a baseline cannot go through the app's own bot factory.
 */
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';

const token = process.env.TELEGRAM_BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) {
  process.stderr.write('bare-grammy-bot: TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT are required\n');
  process.exit(2);
}

const bot = new Bot(token, { client: { apiRoot } });
bot.on('message:text', async (ctx) => {
  // reply_parameters lets the benchmark match each reply to its message without relying on order.
  await ctx.reply('ok', { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
});
bot.catch((error) => process.stderr.write(`bare-grammy-bot: ${String(error.error)}\n`));

await bot.init();
const handle = run(bot, { runner: { fetch: { allowed_updates: ['message'] } } });
const stop = () => {
  void handle.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
