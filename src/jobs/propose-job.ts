import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * A change a person asked for with /run, handed from the bot to a worker, which previews it (the bot never does:
 * its cluster access is read-only) and posts the approval card, or says why there is none. Validated again when
 * the worker reads it back.
 */
export const proposeJobSchema = z.object({
  id: z.string().regex(/^p[a-f0-9]{12}$/),
  /** Checked against the tool catalog again in the worker. */
  call: z.object({ name: z.string().min(1).max(64), arguments: z.record(z.string(), z.unknown()) }),
  chatId: z.number().int(),
  requesterId: z.number().int(),
  requesterName: z.string().max(100).optional(),
  locale: z.enum(['en', 'zh-TW']),
  /** The message the card answers (the /run command). */
  replyTo: z.number().int().positive().optional(),
  /** The command as the person gave it. */
  commandText: z.string().max(10_000).optional(),
  requestedAt: z.number().int(),
});
export type ProposeJob = z.infer<typeof proposeJobSchema>;

/**
 * The job id doubles as the idempotency key: one chat message (chat + message id) proposes its change once,
 * however often Telegram delivers its update; the change is part of the key, so a message edited into another
 * change is another job. Without a message, every request is its own.
 */
export function proposeJobId(chatId: number, messageId: number | undefined, call: { name: string; arguments: unknown }): string {
  const source = messageId === undefined ? randomUUID() : `${chatId}:${messageId}:${call.name}:${JSON.stringify(call.arguments)}`;
  // A leading letter: BullMQ refuses custom job ids that read as integers.
  return `p${createHash('sha256').update(`propose:${source}`).digest('hex').slice(0, 12)}`;
}

/** What the bot needs to hand a change to the workers; BullMQ stays behind it in src/jobs/. */
export interface ProposalQueue {
  /** Queues the change; resolves once it is in Redis. False when this job id was queued before (a redelivery). */
  enqueue(job: ProposeJob): Promise<boolean>;
}
