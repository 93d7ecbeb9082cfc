import type { BotApiMethodTable } from './bot-api-emulator-method.js';
import { deleteWebhookParams, getUpdatesParams, parseParams } from './bot-api-emulator-params.js';
import type { EmulatorState } from './bot-api-emulator-state.js';

/** The Bot API server's longest long poll, in seconds. */
const MAX_POLL_TIMEOUT_SECONDS = 50;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** getUpdates, deleteWebhook, getWebhookInfo (the emulated bot never has a webhook). */
export function createUpdateMethods(state: EmulatorState): BotApiMethodTable {
  return {
    getUpdates(params, call) {
      const p = parseParams(getUpdatesParams, params);
      return state.updates.getUpdates({
        offset: p.offset ?? 0,
        limit: clamp(p.limit ?? 100, 1, 100),
        timeoutSeconds: clamp(p.timeout ?? 0, 0, MAX_POLL_TIMEOUT_SECONDS),
        ...(p.allowed_updates === undefined ? {} : { allowedUpdates: p.allowed_updates }),
        signal: call.signal,
      });
    },

    deleteWebhook(params) {
      const p = parseParams(deleteWebhookParams, params);
      if (p.drop_pending_updates) state.updates.dropPending();
      return true;
    },

    getWebhookInfo() {
      return { url: '', has_custom_certificate: false, pending_update_count: state.updates.pending().length };
    },
  };
}
