import { BotApiEmulatorError, GET_UPDATES_CONFLICT } from './bot-api-emulator-errors.js';

/**
 * The emulated bot's update queue and its one long-polling slot, following the Bot API server:
 * - an offset confirms (drops) every update before it; a negative offset counts from the end;
 * - a poll that finds nothing waits up to `timeout` seconds and returns as soon as an update arrives;
 * - a new waiting poll ends the one already waiting with 409 Conflict (the newer poller wins), at most
 *   one such 409 per throttle period immediately and the others after it, as Telegram does;
 * - allowed_updates is remembered from the last getUpdates that set it and filters what gets queued.
 */
export interface EmulatedUpdateQueue {
  /** Queues an update of the given type; returns its update_id (it may be filtered out by allowed_updates). */
  push(build: (updateId: number) => unknown, type: string | undefined): number;
  getUpdates(request: GetUpdatesRequest): Promise<unknown[]>;
  pending(): { updateId: number; update: unknown }[];
  /** Puts an update taken earlier back in line under its own id (a poller died before confirming it). */
  redeliver(updateId: number, update: unknown): void;
  dropPending(): void;
  close(): void;
}

export interface GetUpdatesRequest {
  offset: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
  /** Aborted when the client goes away; the waiting poll is then dropped. */
  signal: AbortSignal;
}

export const UPDATE_TYPES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
] as const;

const NOT_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const DEFAULT_ALLOWED: ReadonlySet<string> = new Set(UPDATE_TYPES.filter((type) => !NOT_DEFAULT.has(type)));

interface QueuedUpdate {
  id: number;
  update: unknown;
}

interface WaitingPoll {
  offset: number;
  limit: number;
  resolve: (updates: unknown[]) => void;
  reject: (error: BotApiEmulatorError) => void;
  timer: NodeJS.Timeout;
  woken: boolean;
}

export function createEmulatedUpdateQueue(options: { conflictThrottleMs: number }): EmulatedUpdateQueue {
  let nextId = 1;
  let queue: QueuedUpdate[] = [];
  let allowed: ReadonlySet<string> = DEFAULT_ALLOWED;
  let waiting: WaitingPoll | undefined;
  let nextConflictAt = 0;
  let closed = false;
  const heldConflicts = new Map<NodeJS.Timeout, () => void>();

  const head = (): number => queue[0]?.id ?? nextId;

  function take(offset: number, limit: number): unknown[] {
    let from = offset;
    if (from <= 0) {
      if (queue.length > 0 && from < 0) from += nextId;
      if (from < head()) from = head();
    }
    // An offset from the future reads from the head, as the Bot API server does.
    if (from > nextId) from = head();
    queue = queue.filter((entry) => entry.id >= from);
    return queue.slice(0, limit).map((entry) => entry.update);
  }

  function answerWaiting(poll: WaitingPoll): void {
    if (waiting !== poll) return;
    clearTimeout(poll.timer);
    waiting = undefined;
    poll.resolve(take(poll.offset, poll.limit));
  }

  function endWaitingWithConflict(): void {
    const poll = waiting;
    if (!poll) return;
    waiting = undefined;
    clearTimeout(poll.timer);
    const error = new BotApiEmulatorError(409, GET_UPDATES_CONFLICT);
    const now = Date.now();
    if (now >= nextConflictAt) {
      nextConflictAt = now + options.conflictThrottleMs;
      poll.reject(error);
      return;
    }
    const held = setTimeout(() => {
      heldConflicts.delete(held);
      poll.reject(error);
    }, options.conflictThrottleMs);
    heldConflicts.set(held, () => poll.reject(error));
  }

  function rememberAllowed(list: string[] | undefined): void {
    if (list === undefined) return;
    const known = list.map((type) => type.toLowerCase()).filter((type) => (UPDATE_TYPES as readonly string[]).includes(type));
    allowed = known.length > 0 ? new Set(known) : DEFAULT_ALLOWED;
  }

  return {
    push(build, type) {
      const id = nextId++;
      if (type !== undefined && (UPDATE_TYPES as readonly string[]).includes(type) && !allowed.has(type)) return id;
      queue.push({ id, update: build(id) });
      const poll = waiting;
      if (poll && !poll.woken) {
        // Answer on the next turn so updates injected together arrive in one batch.
        poll.woken = true;
        setImmediate(() => answerWaiting(poll));
      }
      return id;
    },

    getUpdates(request) {
      if (closed) return Promise.resolve([]);
      rememberAllowed(request.allowedUpdates);
      const updates = take(request.offset, request.limit);
      if (request.timeoutSeconds === 0 || updates.length > 0) return Promise.resolve(updates);
      endWaitingWithConflict();
      return new Promise<unknown[]>((resolve, reject) => {
        const poll: WaitingPoll = {
          offset: request.offset,
          limit: request.limit,
          resolve,
          reject,
          woken: false,
          timer: setTimeout(() => answerWaiting(poll), request.timeoutSeconds * 1000),
        };
        waiting = poll;
        request.signal.addEventListener(
          'abort',
          () => {
            if (waiting !== poll) return;
            clearTimeout(poll.timer);
            waiting = undefined;
            resolve([]);
          },
          { once: true },
        );
      });
    },

    redeliver(updateId, update) {
      queue = [...queue.filter((entry) => entry.id !== updateId), { id: updateId, update }].sort((a, b) => a.id - b.id);
    },

    pending() {
      return queue.map((entry) => ({ updateId: entry.id, update: entry.update }));
    },

    dropPending() {
      queue = [];
    },

    close() {
      closed = true;
      const poll = waiting;
      if (poll) {
        clearTimeout(poll.timer);
        waiting = undefined;
        poll.resolve([]);
      }
      for (const [held, answerNow] of heldConflicts) {
        clearTimeout(held);
        answerNow();
      }
      heldConflicts.clear();
    },
  };
}
