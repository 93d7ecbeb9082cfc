import { autoRetry } from '@grammyjs/auto-retry';
import type { Api, Transformer } from 'grammy';
import type { Logger } from 'pino';
import { htmlToPlainText } from '../html/telegram-html.js';

const TEXT_METHODS = new Set(['sendMessage', 'editMessageText']);

/**
 * When Telegram refuses our HTML entities, send the same words as plain text rather than nothing.
 * Editing a message to identical content is not an error for us.
 */
export function telegramResilience(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok) return result;
    const description = result.description ?? '';
    if (method.startsWith('editMessage') && /message is not modified/i.test(description)) {
      // grammY's edit methods resolve to `true` for inline messages; we never read the result back.
      return { ok: true, result: true } as Awaited<ReturnType<typeof prev<typeof method>>>;
    }
    if (TEXT_METHODS.has(method) && result.error_code === 400 && /can't parse entities/i.test(description)) {
      const p = payload as { text?: string; parse_mode?: string };
      if (p.parse_mode && typeof p.text === 'string') {
        logger.warn({ method, description }, 'telegram refused HTML entities; retrying as plain text');
        const { parse_mode: _dropped, ...rest } = p;
        return prev(method, { ...rest, text: htmlToPlainText(p.text) } as typeof payload, signal);
      }
    }
    return result;
  };
}

/** Telegram's Api with the transformers every sender needs: 429/5xx retry and the plain-text fallback. */
export function installApiTransformers(api: Api, logger: Logger): void {
  // No retry after network errors: a blind resend of sendMessage can post the message twice.
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  api.config.use(telegramResilience(logger));
}
