import type { ProposeResult } from '../approvals/flow.js';
import type { Locale } from '../i18n/locale.js';
import type { AgentOutcome } from './agent.js';
import type { ToolCall } from '../tools/registry.js';

/** The chat a background request came from, and the reference the user sees ("#ref"). */
export interface AgentJobChat {
  chatId: number;
  locale: Locale;
  ref: string;
}

/**
 * How the worker tells a chat what became of a background request, without knowing the chat: the worker decides
 * and reports, the bot renders. Implemented in src/bot/presenters/agent-job-presenter.ts, wired in src/app.ts.
 */
export interface AgentJobPresenter {
  /** The agent is done: its outcome (an answer, a change that needs approval, a failure) replaces the "⏳ #ref" ack. */
  finished(job: AgentJobChat & { ackMessageId: number }, outcome: AgentOutcome): Promise<void>;
  /** The user cancelled the job; the ack says so. */
  cancelled(job: AgentJobChat & { ackMessageId: number }): Promise<void>;
  /** The job failed for the last time; the ack says so, with the error id that is also in the log. */
  failed(job: AgentJobChat & { ackMessageId: number }, errorId: string): Promise<void>;
  /** The agent resumed after its approval ended: a new message (a reply to the card). Resolves to its message id. */
  resumed(job: AgentJobChat & { replyTo?: number }, outcome: AgentOutcome): Promise<number | undefined>;
  /** A change the agent wanted did not become a card: the chat's mode forbids it, or it could never run. */
  notProposed(
    chat: { chatId: number; locale: Locale; replyTo?: number },
    result: Exclude<ProposeResult, { kind: 'card' }>,
    call: ToolCall,
  ): Promise<void>;
}
