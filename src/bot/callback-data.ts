import { z } from 'zod';
import { localeSchema } from './locale.js';

/**
 * Versioned, short callback tokens. Telegram allows 64 bytes; the token carries an action and an id,
 * never arguments, so nothing a client forges can change what runs.
 */
export const CALLBACK_DATA_MAX_BYTES = 64;

const langToken = z
  .string()
  .regex(/^l1:(en|zh-TW)$/)
  .transform((s) => ({ kind: 'lang' as const, locale: localeSchema.parse(s.slice(3)) }));

export type CallbackAction = z.infer<typeof langToken>;

export function encodeLangChoice(locale: z.infer<typeof localeSchema>): string {
  return `l1:${locale}`;
}

export function decodeCallbackData(data: string | undefined): CallbackAction | undefined {
  if (!data || Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES) return undefined;
  const parsed = langToken.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
