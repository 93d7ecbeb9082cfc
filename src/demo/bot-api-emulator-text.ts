import { badRequest } from './bot-api-emulator-errors.js';
import { parseTelegramHtml } from './bot-api-emulator-html.js';
import type { EmulatedMessageEntity } from './bot-api-emulator-types.js';

export const MAX_MESSAGE_LENGTH = 4096;

export interface RenderedText {
  plainText: string;
  entities: EmulatedMessageEntity[];
  parseMode?: string;
}

/**
 * A message text as Telegram stores it: HTML parsed strictly; explicit entities kept; Markdown modes
 * are accepted but not parsed (the bot uses HTML), so their text is shown as sent.
 * Checks the limits on the parsed text: not empty, at most 4096 characters.
 */
export function renderMessageText(
  text: string,
  parseMode: string | undefined,
  entities: EmulatedMessageEntity[] | undefined,
): RenderedText {
  let rendered: RenderedText;
  const mode = parseMode?.trim() ?? '';
  if (mode === '') {
    rendered = { plainText: text, entities: (entities ?? []).map((entity) => ({ ...entity })) };
  } else if (mode.toLowerCase() === 'html') {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.error}`);
    rendered = { plainText: parsed.text, entities: parsed.entities, parseMode: mode };
  } else if (mode.toLowerCase() === 'markdown' || mode.toLowerCase() === 'markdownv2') {
    rendered = { plainText: text, entities: [], parseMode: mode };
  } else {
    throw badRequest('unsupported parse_mode');
  }
  if (rendered.plainText.trim() === '') throw badRequest('message text is empty');
  if ([...rendered.plainText].length > MAX_MESSAGE_LENGTH) throw badRequest('message is too long');
  return rendered;
}

export function sameEntities(a: EmulatedMessageEntity[], b: EmulatedMessageEntity[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
