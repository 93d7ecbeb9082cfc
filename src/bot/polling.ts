import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { PollingState } from '../status/snapshot.js';
import type { BotContext } from './context.js';
import { registerCommandMenu } from './commands/menu.js';
import type { Translate } from '../i18n/translator.js';
import type { PollerLock } from './poller-lock.js';
import type { LeaseMemory } from './lease-memory.js';

export interface Polling {
  state(): PollingState;
  /** Stops fetching, waits for handlers in flight (at most `graceMs`), and hands the lease to a standby. */
  stop(graceMs?: number): Promise<void>;
}

export interface PollingOptions {
  logger: Logger;
  t: Translate;
  lock: PollerLock;
  /** Work that outlives its update (sync answers in their lanes); stop waits for it within the same grace. */
  inFlight?: { drain(graceMs: number): Promise<void> };
  /** Told of every lease gain and of the first batch of updates after it. */
  memory?: Pick<LeaseMemory, 'leaseGained' | 'firstBatch'>;
  /** Lease renewal period; the lease TTL should be about three of these. */
  renewEveryMs?: number;
  /** How often a standby tries to take the lease. */
  standbyRetryMs?: number;
  /** After a 409 from Telegram (someone outside our lock polls the same token), wait this long before trying again. */
  conflictBackoffMs?: number;
}

const updateIdsSchema = z.array(z.object({ update_id: z.number().int() }));

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

function isConflict(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 409;
}

/**
 * Long polling with @grammyjs/runner, behind a Redis lease: exactly one replica polls; the others stand by and
 * take over within a few seconds of the poller stopping or dying. A 409 Conflict (a poller outside our lease) is
 * logged once and answered by backing off, not by a retry storm.
 */
export async function startPolling(bot: Bot<BotContext>, options: PollingOptions): Promise<Polling> {
  const { logger, lock } = options;
  const renewEveryMs = options.renewEveryMs ?? 1500;
  const standbyRetryMs = options.standbyRetryMs ?? 1000;
  const conflictBackoffMs = options.conflictBackoffMs ?? 15_000;
  let state: PollingState = 'starting';
  let stopped = false;
  let handle: RunnerHandle | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let conflictLogged = false;
  let prepared = false;

  await bot.init();

  // The first getUpdates answer after each lease gain holds every update a previous poller may have handled.
  let firstBatchPending = false;
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === 'getUpdates' && result.ok && firstBatchPending) {
      const batch = updateIdsSchema.safeParse(result.result);
      if (batch.success) {
        firstBatchPending = false;
        options.memory?.firstBatch(batch.data.map((u) => u.update_id));
      }
    }
    return result;
  });

  const scheduleAttempt = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void attempt(), delayMs);
  };

  async function stopRunner(graceMs: number): Promise<void> {
    clearInterval(renewTimer);
    const running = handle;
    handle = undefined;
    if (!running?.isRunning()) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      running.stop().then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (gaveUp) logger.warn({ grace_ms: graceMs }, 'handlers still running after the grace period; stopping anyway');
  }

  async function becomeStandby(reason: string, retryInMs: number): Promise<void> {
    if (state !== 'standby') logger.info({ reason }, 'standing by: another replica polls Telegram');
    state = 'standby';
    scheduleAttempt(retryInMs);
  }

  async function attempt(): Promise<void> {
    if (stopped) return;
    let acquired = false;
    try {
      acquired = await lock.tryAcquire();
    } catch (error) {
      logger.warn({ err: error }, 'could not reach Redis for the poller lock; retrying');
    }
    if (!acquired) return becomeStandby('lock held elsewhere', standbyRetryMs);
    try {
      if (!prepared) {
        // Telegram refuses getUpdates while a webhook is set.
        await bot.api.deleteWebhook();
        await registerCommandMenu(bot.api, options.t);
        prepared = true;
      }
    } catch (error) {
      logger.error({ err: error }, 'could not prepare polling; retrying');
      await lock.release().catch(() => undefined);
      return becomeStandby('preparation failed', standbyRetryMs * 5);
    }
    if (stopped) {
      await lock.release().catch(() => undefined);
      return;
    }
    options.memory?.leaseGained();
    firstBatchPending = true;
    handle = run(bot, {
      runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true, retryInterval: 'exponential', maxRetryTime: 24 * 3600 * 1000 },
    });
    state = 'polling';
    conflictLogged = false;
    logger.info({ bot_username: bot.botInfo.username, lock_owner: lock.owner }, 'polling Telegram for updates');
    const mine = handle;
    renewTimer = setInterval(() => {
      lock.renew().then(
        async (held) => {
          if (held || stopped || handle !== mine) return;
          logger.warn('lost the poller lock; stopping polling');
          await stopRunner(2000);
          await becomeStandby('lock lost', standbyRetryMs);
        },
        (error: unknown) => logger.warn({ err: error }, 'could not renew the poller lock'),
      );
    }, renewEveryMs);
    void mine.task()?.catch(async (error: unknown) => {
      if (stopped || handle !== mine) return;
      clearInterval(renewTimer);
      handle = undefined;
      await lock.release().catch(() => undefined);
      if (isConflict(error)) {
        if (!conflictLogged) logger.error({ err: error }, 'Telegram says another process polls this token (409 Conflict); backing off');
        conflictLogged = true;
        await becomeStandby('409 conflict', conflictBackoffMs);
        return;
      }
      logger.error({ err: error }, 'polling stopped with an error; retrying');
      await becomeStandby('polling error', standbyRetryMs * 5);
    });
  }

  await attempt();

  return {
    state: () => state,
    async stop(graceMs = 10_000) {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      const deadline = Date.now() + graceMs;
      await stopRunner(graceMs);
      await options.inFlight?.drain(Math.max(0, deadline - Date.now()));
      state = 'stopped';
      await lock.release().catch((error: unknown) => logger.warn({ err: error }, 'could not release the poller lock'));
    },
  };
}
