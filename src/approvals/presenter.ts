import type { ApprovalRecord } from './types.js';

/**
 * How the approval flow shows what happened without knowing the chat: the flow decides and reports, the bot
 * renders (the card, its buttons, the Bot API). Implemented in src/bot/presenters/approval-presenter.ts.
 */
export interface ApprovalPresenter {
  /** A new pending approval: post its card. Resolves to the card's message id (undefined when none was posted). */
  proposed(record: ApprovalRecord, context: { previewError?: string; replyTo?: number }): Promise<number | undefined>;
  /** The record changed (decided, running, done, expired, a reason added): show its current state on its card. */
  changed(record: ApprovalRecord & { cardMessageId: number }): Promise<void>;
}
