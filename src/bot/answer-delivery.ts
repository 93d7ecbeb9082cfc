import { messageParts } from '../html/message-parts.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translator.js';
import type { ChatOutput } from './chat-output.js';

/** A model answer takes at most this many messages; a longer one is cut and also sent whole as a file. */
export const MAX_ANSWER_MESSAGES = 4;

export interface AnswerToDeliver {
  chatId: number;
  locale: Locale;
  /** The answer as Telegram HTML, its footer (if any) at the end. */
  html: string;
  /** Shown after a cut, in place of what did not fit: the footer, so it is never lost with the rest. */
  footer?: string;
  /** The whole answer as the model wrote it, for the file a cut answer comes with. */
  fullText: string;
  /** The file's name, e.g. answer-a1b2c3.txt. */
  filename: string;
  /** Edit this message (the "⏳ #ref" ack) instead of sending a new one. */
  editMessageId?: number;
  replyTo?: number;
}

/**
 * Posts a model answer in at most MAX_ANSWER_MESSAGES messages. One that needs more is cut at a line break (or a
 * space) and ends with a localized "…truncated" line and its footer, and the full text follows as a document, so a
 * model can neither flood a chat nor lose anything it said. Resolves to the ids of the answer's messages.
 */
export async function deliverAnswer(output: ChatOutput, t: Translate, answer: AnswerToDeliver): Promise<number[]> {
  const note = [t(answer.locale, 'answer-truncated'), answer.footer].filter(Boolean).join('\n\n');
  const cap = { maxParts: MAX_ANSWER_MESSAGES, note };
  const { truncated } = messageParts(answer.html, cap);
  const ids =
    answer.editMessageId !== undefined
      ? await output.edit(answer.chatId, answer.editMessageId, answer.html, { cap })
      : await output.send(answer.chatId, answer.html, { cap, ...(answer.replyTo ? { replyTo: answer.replyTo } : {}) });
  if (truncated) {
    await output.sendDocument(answer.chatId, {
      filename: answer.filename,
      text: answer.fullText,
      caption: t(answer.locale, 'answer-full-text-caption'),
      ...(ids[0] !== undefined ? { replyTo: ids[0] } : {}),
    });
  }
  return ids;
}
