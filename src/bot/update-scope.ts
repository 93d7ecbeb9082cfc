import type { Context } from 'grammy';
import { runButton } from './callback-data.js';

/** A person in a chat: the scope of their conversation state, their answer lane and their updates' order. */
export function personLane(chatId: number, userId: number): string {
  return `${chatId}:${userId}`;
}

/**
 * Whose state an update belongs to: `<chat>:<user>` for a person's messages and for the guided /run taps that feed
 * their conversation; undefined for everything else. The conversations plugin keeps its state under this scope, the
 * sync answer lanes order by it, and updates of one scope run one at a time.
 */
export function chatUserScope(ctx: Context): string | undefined {
  const chatId = ctx.chat?.id;
  const userId = ctx.from?.id;
  if (chatId === undefined || userId === undefined) return undefined;
  if (ctx.message || ctx.editedMessage) return personLane(chatId, userId);
  if (ctx.callbackQuery && runButton.claims(ctx.callbackQuery.data)) return personLane(chatId, userId);
  return undefined;
}

/**
 * The key `sequentialize` orders updates by. A tap is ordered per card (two taps on one card never race; a tap on
 * another card, or anyone's message, never waits for it), except a guided /run tap, which joins its person's
 * messages. A message is ordered per person per chat, so one member's slow request never holds another's.
 * Anything else (membership changes) per chat.
 */
export function updateSequenceKey(ctx: Context): string | undefined {
  const scope = chatUserScope(ctx);
  if (scope !== undefined) return `user:${scope}`;
  const query = ctx.callbackQuery;
  if (query) {
    if (query.message) return `card:${query.message.chat.id}:${query.message.message_id}`;
    if (query.inline_message_id) return `card:inline:${query.inline_message_id}`;
    return `tap:${query.from.id}`;
  }
  const chatId = ctx.chat?.id ?? ctx.from?.id;
  return chatId === undefined ? undefined : `chat:${chatId}`;
}
