import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * What a force-reply prompt under an approval card waits for: a reason after a reject, or the typed name that
 * confirms a self-approval. Kept in Redis per (chat, prompt message), so a reply finds its approval after a
 * restart, and only the person the prompt was for can answer it.
 */
const promptLinkSchema = z.object({
  kind: z.enum(['reason', 'confirm']),
  approvalId: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/),
  userId: z.number().int(),
});
export type PromptLink = z.infer<typeof promptLinkSchema>;

export interface PromptLinks {
  save(chatId: number, promptMessageId: number, link: PromptLink, ttlSeconds: number): Promise<void>;
  /**
   * The link a reply to this prompt answers, taken (deleted) so it is answered once; undefined when there is
   * none, it has lapsed, or it is someone else's (theirs stays for them).
   */
  take(chatId: number, promptMessageId: number, userId: number): Promise<PromptLink | undefined>;
}

export function promptLinkKey(keyPrefix: string, chatId: number, promptMessageId: number): string {
  return `${keyPrefix}approval-prompt:${chatId}:${promptMessageId}`;
}

export function createPromptLinks(redis: Redis, keyPrefix: string): PromptLinks {
  return {
    async save(chatId, promptMessageId, link, ttlSeconds) {
      await redis.set(
        promptLinkKey(keyPrefix, chatId, promptMessageId),
        JSON.stringify(promptLinkSchema.parse(link)),
        'EX',
        Math.max(1, Math.ceil(ttlSeconds)),
      );
    },
    async take(chatId, promptMessageId, userId) {
      const key = promptLinkKey(keyPrefix, chatId, promptMessageId);
      const raw = await redis.get(key);
      if (raw === null) return undefined;
      let link: PromptLink;
      try {
        link = promptLinkSchema.parse(JSON.parse(raw));
      } catch {
        await redis.del(key);
        return undefined;
      }
      if (link.userId !== userId) return undefined;
      // Two replies racing for one prompt: only the one whose DEL removed the key answers it.
      return (await redis.del(key)) === 1 ? link : undefined;
    },
  };
}
