import type { ApprovalRecord } from './types.js';

/**
 * How the approval flow shows what happened without knowing the chat: the flow decides and reports, the bot
 * renders (the card, its buttons, the Bot API). Implemented in src/bot/presenters/approval-presenter.ts.
 */
export interface ApprovalPresenter {
  /**
   * A new pending approval: post its card. Resolves to the message ids of the card's parts, in order (a single id
   * is one part; undefined or none: no card was posted).
   */
  proposed(record: ApprovalRecord, context: { previewError?: string; replyTo?: number }): Promise<number | readonly number[] | undefined>;
  /**
   * The record changed (decided, running, done, expired, a reason added): show its current state on its card, whose
   * parts are `cardMessageIds`. Resolves to the ids that hold the card afterwards (the flow saves them when a part
   * was added), or nothing when they did not change.
   */
  changed(record: ApprovalRecord & { cardMessageId: number; cardMessageIds: readonly number[] }): Promise<readonly number[] | void>;
  /**
   * The card's message ids could not be saved, so the card could never show a decision: show on it that it is not
   * tracked and that nothing will run from it (no buttons), and tell the chat, in the requester's language.
   */
  untracked(record: ApprovalRecord, cardMessageIds: readonly number[]): Promise<void>;
}
