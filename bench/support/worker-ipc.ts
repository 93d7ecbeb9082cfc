import { z } from 'zod';

/** What a bench worker process tells its parent over IPC (validated on arrival: it crosses a process boundary). */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), at: z.number() }),
  z.object({ type: z.literal('send'), chatId: z.number(), text: z.string(), at: z.number() }),
  z.object({ type: z.literal('edit'), chatId: z.number(), messageId: z.number(), text: z.string(), at: z.number() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;
