import type { AlertGroup } from './group-record.js';

/** Puts a group's latest state on the way to its chat (a queue; BullMQ behind it lives in src/jobs/). */
export interface AlertPublisher {
  /** Idempotent per (group, revision): asking twice for the same revision posts or edits once. */
  publish(groupId: string, revision: number): Promise<void>;
  /** Shows the group again at `at` (epoch ms) though nothing was notified: a silence made from the chat ends then. */
  refreshAt(groupId: string, at: number): Promise<void>;
}

/** Shows a group in its chat; implemented by the bot (src/bot/), which renders it in the group's language. */
export interface AlertPresenter {
  /** Sends the group's message; returns the Telegram message id. */
  post(group: AlertGroup): Promise<number>;
  /** Rewrites the group's message; 'gone' when the chat no longer has it (deleted), so a new one must be posted. */
  edit(group: AlertGroup, messageId: number): Promise<'edited' | 'gone'>;
}
