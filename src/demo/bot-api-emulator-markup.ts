import { z } from 'zod';
import { badRequest } from './bot-api-emulator-errors.js';
import type { EmulatedInlineKeyboard } from './bot-api-emulator-types.js';

const BUTTON_ACTION_FIELDS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const inlineButtonSchema = z.looseObject({
  text: z.string(),
  callback_data: z.string().optional(),
  url: z.string().optional(),
});

const inlineKeyboardSchema = z.looseObject({ inline_keyboard: z.array(z.array(inlineButtonSchema)) });

/** Reply keyboards and their removal: accepted on sendMessage, never shown as inline buttons. */
const otherMarkupSchema = z.union([
  z.looseObject({ keyboard: z.array(z.array(z.unknown())) }),
  z.looseObject({ remove_keyboard: z.literal(true) }),
  z.looseObject({ force_reply: z.literal(true) }),
]);

function checkInlineKeyboard(keyboard: z.infer<typeof inlineKeyboardSchema>): EmulatedInlineKeyboard {
  for (const row of keyboard.inline_keyboard) {
    for (const button of row) {
      if (button.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
      if (!BUTTON_ACTION_FIELDS.some((field) => button[field] !== undefined)) {
        throw badRequest('text buttons are unallowed in the inline keyboard');
      }
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(button.callback_data, 'utf8');
        if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
      if (button.url !== undefined && !/^(https?|tg):\/?\/?\S+$/i.test(button.url)) {
        throw badRequest(`inline keyboard button URL '${button.url}' is invalid: Wrong HTTP URL`);
      }
    }
  }
  return { inline_keyboard: keyboard.inline_keyboard.map((row) => row.map((button) => ({ ...button }))) };
}

/**
 * Validates reply_markup as Telegram does for the fields the emulator shows. Returns the inline keyboard
 * (undefined for none or for a reply keyboard); inlineOnly is for the edit methods, which take no other kind.
 */
export function parseReplyMarkup(value: unknown, inlineOnly: boolean): EmulatedInlineKeyboard | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let markup: unknown = value;
  if (typeof value === 'string') {
    try {
      markup = JSON.parse(value);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  const inline = inlineKeyboardSchema.safeParse(markup);
  if (inline.success) return checkInlineKeyboard(inline.data);
  if (!inlineOnly && otherMarkupSchema.safeParse(markup).success) return undefined;
  throw badRequest(inlineOnly ? 'inline keyboard expected' : "can't parse reply keyboard markup JSON object");
}

/** Telegram compares keyboards button by button; an empty keyboard is the same as none. */
export function sameInlineKeyboard(a: EmulatedInlineKeyboard | undefined, b: EmulatedInlineKeyboard | undefined): boolean {
  const rowsA = a?.inline_keyboard.filter((row) => row.length > 0) ?? [];
  const rowsB = b?.inline_keyboard.filter((row) => row.length > 0) ?? [];
  return JSON.stringify(rowsA) === JSON.stringify(rowsB);
}

/** Stores an empty keyboard as no keyboard, as a Telegram client shows it. */
export function normalizeInlineKeyboard(markup: EmulatedInlineKeyboard | undefined): EmulatedInlineKeyboard | undefined {
  if (!markup) return undefined;
  const rows = markup.inline_keyboard.filter((row) => row.length > 0);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
