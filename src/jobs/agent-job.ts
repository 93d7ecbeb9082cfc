import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ALERT_GROUP_ID } from '../alerts/group-record.js';
import { taskLabelSchema } from '../routing/tasks.js';

/** What the bot hands to the worker for background work. Validated again when the worker reads it back. */
export const agentJobSchema = z.object({
  ref: z.string().regex(/^[a-f0-9]{8,16}$/),
  chatId: z.number().int(),
  userId: z.number().int(),
  /** How the requester is shown on approval cards. */
  userName: z.string().max(100).optional(),
  messageId: z.number().int(),
  text: z.string().min(1).max(8000),
  locale: z.enum(['en', 'zh-TW']),
  task: taskLabelSchema,
  /** The "⏳ #ref" message the worker edits with the answer. */
  ackMessageId: z.number().int(),
  requestedAt: z.number().int(),
  /** Facts the program adds for the model, not the person's words (an alert's labels and annotations). */
  context: z.string().min(1).max(8000).optional(),
  /** Set for the investigation of an alert group (the Investigate button): read-only, may end with one proposal. */
  alertGroupId: z.string().regex(ALERT_GROUP_ID).optional(),
});
export type AgentJob = z.infer<typeof agentJobSchema>;

/**
 * The job reference doubles as the idempotency key: the same Telegram message (chat + message id) always gets
 * the same ref, so a redelivered update cannot enqueue twice.
 */
export function agentJobRef(chatId: number, messageId: number): string {
  // A leading letter: BullMQ refuses custom job ids that read as integers (about 1 in 100 all-digit hashes).
  return `a${createHash('sha256').update(`agent:${chatId}:${messageId}`).digest('hex').slice(0, 9)}`;
}

/** What the bot needs from the queue; BullMQ stays behind it in src/jobs/. */
export interface AgentDispatcher {
  /** True when this ref was already enqueued (a redelivered update). */
  isKnown(ref: string): Promise<boolean>;
  /** The Redis key that exists exactly when isKnown(ref) is true, for a caller that batches its reads. */
  knownKey(ref: string): string;
  enqueue(job: AgentJob): Promise<void>;
  /** True while the job waits or runs (retries included); false once it finished, failed for good or was cancelled. */
  isRunning(ref: string): Promise<boolean>;
  /** Cancels the chat's waiting and running jobs. Running ones stop in their worker, which edits their ack. */
  cancelChat(chatId: number): Promise<CancelledJob[]>;
}

export interface CancelledJob {
  ref: string;
  ackMessageId: number;
  /** A running job is stopped by its worker; a waiting one was removed from the queue here. */
  wasRunning: boolean;
}
