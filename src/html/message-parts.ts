import { cleanDisplayText } from './display-text.js';
import { splitHtml, SPLIT_AT } from './telegram-html.js';

/** At most this many messages for one answer; the rest is cut and sent whole as a file. */
export interface PartsCap {
  maxParts: number;
  /** HTML put after the last part kept, e.g. "…truncated; full text in the attached file" and a footer. */
  note: string;
}

/**
 * The Telegram messages one HTML text becomes: hidden characters removed (src/html/display-text.ts), split under
 * the limit at line breaks, each part valid HTML on its own. With a cap, a text that needs more parts keeps the
 * first ones, the last kept part cut again at a line break or space so the note fits after it.
 */
export function messageParts(html: string, cap?: PartsCap): { parts: string[]; truncated: boolean } {
  const parts = splitHtml(cleanDisplayText(html, { multiline: true }));
  if (!cap || parts.length <= cap.maxParts) return { parts, truncated: false };
  const maxParts = Math.max(1, Math.floor(cap.maxParts));
  const note = cleanDisplayText(cap.note, { multiline: true });
  const kept = parts.slice(0, maxParts);
  const last = kept.pop() ?? '';
  const [head = ''] = splitHtml(last, Math.max(200, SPLIT_AT - note.length - 1));
  kept.push(`${head.replace(/\s+$/, '')}\n${note}`);
  return { parts: kept, truncated: true };
}
