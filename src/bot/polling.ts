import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { PollingState } from '../status/snapshot.js';
import type { BotContext } from './context.js';
import { registerCommandMenu } from './commands/menu.js';
import type { Translate } from './i18n.js';

export interface Polling {
  state(): PollingState;
  /** Stops fetching and waits for handlers in flight, at most `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Long polling with @grammyjs/runner: deleteWebhook first (Telegram refuses getUpdates while a webhook is set). */
export async function startPolling(bot: Bot<BotContext>, deps: { logger: Logger; t: Translate }): Promise<Polling> {
  let state: PollingState = 'starting';
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommandMenu(bot.api, deps.t);
  const handle: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES } },
  });
  state = 'polling';
  deps.logger.info({ bot_username: bot.botInfo.username }, 'polling Telegram for updates');
  void handle.task()?.catch((error: unknown) => {
    state = 'stopped';
    deps.logger.error({ err: error }, 'polling stopped with an error');
  });
  return {
    state: () => state,
    async stop(graceMs = 10_000) {
      if (state === 'stopped') return;
      state = 'stopped';
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        handle.stop().then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (gaveUp) deps.logger.warn({ grace_ms: graceMs }, 'handlers still running after the grace period; stopping anyway');
    },
  };
}
