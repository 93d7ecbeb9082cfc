import { z } from 'zod';
import type { EmulatedUser } from './bot-api-emulator-chats.js';
import { snapshotMessage, type EmulatorState } from './bot-api-emulator-state.js';
import { botCommandEntities, telegramMessage, telegramUser, unixSeconds } from './bot-api-emulator-telegram-objects.js';
import type { EmulatedMessage, PressButtonInput, SendUserMessageInput } from './bot-api-emulator-types.js';
import { UPDATE_TYPES } from './bot-api-emulator-update-queue.js';

/** What a person does in a Telegram client, turned into updates for the bot's getUpdates. */

const userFields = {
  chatId: z
    .number()
    .int()
    .refine((id) => id !== 0, 'chatId must not be 0'),
  userId: z.number().int().positive(),
  languageCode: z.string().min(1).optional(),
  firstName: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
};

const sendUserMessageSchema = z.object({
  ...userFields,
  text: z.string().min(1),
  chatType: z.enum(['private', 'group', 'supergroup']).optional(),
  replyToMessageId: z.number().int().positive().optional(),
});

const pressButtonSchema = z.object({ ...userFields, messageId: z.number().int().positive(), data: z.string() });

function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`Bot API emulator ${what}: invalid input: ${z.prettifyError(result.error)}`);
  return result.data;
}

function rememberPerson(
  state: EmulatorState,
  input: { userId: number; firstName?: string | undefined; username?: string | undefined; languageCode?: string | undefined },
): EmulatedUser {
  const user: EmulatedUser = {
    id: input.userId,
    isBot: false,
    firstName: input.firstName ?? state.chats.user(input.userId)?.firstName ?? `Emulated user ${input.userId}`,
    ...(input.username === undefined ? {} : { username: input.username }),
    ...(input.languageCode === undefined ? {} : { languageCode: input.languageCode }),
  };
  state.chats.rememberUser(user);
  return state.chats.user(input.userId) ?? user;
}

export function injectUserMessage(state: EmulatorState, input: SendUserMessageInput): { updateId: number; messageId: number } {
  const p = parseInput(sendUserMessageSchema, input, 'sendUserMessage');
  const chatType = p.chatType ?? (p.chatId > 0 ? 'private' : 'group');
  const user = rememberPerson(state, p);
  const chat = state.chats.ensureChat(
    p.chatId,
    chatType === 'private'
      ? { type: chatType, firstName: user.firstName, ...(user.username ? { username: user.username } : {}) }
      : { type: chatType },
  );
  if (p.replyToMessageId !== undefined && !state.chats.get(chat.id, p.replyToMessageId)) {
    throw new Error(`Bot API emulator sendUserMessage: chat ${chat.id} has no message #${p.replyToMessageId} to reply to`);
  }
  const now = state.now();
  const message: EmulatedMessage = {
    messageId: state.chats.nextMessageId(chat.id),
    chatId: chat.id,
    text: p.text,
    plainText: p.text,
    entities: botCommandEntities(p.text),
    ...(p.replyToMessageId === undefined ? {} : { replyToMessageId: p.replyToMessageId }),
    edits: 0,
    history: [{ text: p.text, plainText: p.text, at: now }],
    date: unixSeconds(now),
    fromBot: false,
    fromUserId: user.id,
  };
  state.chats.add(message);
  // Built now, so the update carries the language_code the user had when sending.
  const payload = telegramMessage(message, state.chats);
  const updateId = state.updates.push((id) => ({ update_id: id, message: payload }), 'message');
  state.events.emit('userMessage', snapshotMessage(message));
  return { updateId, messageId: message.messageId };
}

export function injectButtonPress(
  state: EmulatorState,
  input: PressButtonInput,
  nextCallbackQueryId: () => string,
): { updateId: number; callbackQueryId: string } {
  const p = parseInput(pressButtonSchema, input, 'pressButton');
  const message = state.chats.get(p.chatId, p.messageId);
  if (!message || !message.fromBot) {
    throw new Error(`Bot API emulator pressButton: chat ${p.chatId} has no bot message #${p.messageId}`);
  }
  const user = rememberPerson(state, p);
  const callbackQueryId = nextCallbackQueryId();
  state.callbackQueries.set(callbackQueryId, { chatId: p.chatId, messageId: p.messageId, userId: user.id, answered: false });
  const payload = {
    id: callbackQueryId,
    from: telegramUser(user),
    message: telegramMessage(message, state.chats),
    chat_instance: String(Math.abs(p.chatId) * 7919 + 104_729),
    data: p.data,
  };
  const updateId = state.updates.push((id) => ({ update_id: id, callback_query: payload }), 'callback_query');
  state.events.changed();
  return { updateId, callbackQueryId };
}

/** Queues anything as an update; an object gets the next update_id, other values go in unchanged. */
export function injectRaw(state: EmulatorState, update: unknown): number {
  const isObject = typeof update === 'object' && update !== null && !Array.isArray(update);
  const fields = isObject ? Object.keys(update) : [];
  const type = fields.find((field) => (UPDATE_TYPES as readonly string[]).includes(field));
  const updateId = state.updates.push((id) => {
    if (!isObject) return update;
    const { update_id: _ignored, ...rest } = update as Record<string, unknown>;
    return { update_id: id, ...rest };
  }, type);
  state.events.changed();
  return updateId;
}
