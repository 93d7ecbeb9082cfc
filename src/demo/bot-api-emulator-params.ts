import { z } from 'zod';
import { badRequest } from './bot-api-emulator-errors.js';

/**
 * zod schemas for the parameters of the emulated methods. Form and query values arrive as strings,
 * so numbers, booleans and JSON-serialized objects are coerced the way the Bot API coerces them.
 */

const fromNumericString = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

const fromBooleanString = (value: unknown): unknown => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0' || value === '') return false;
  return value;
};

const fromJsonString = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const intParam = z.preprocess(fromNumericString, z.number().int());
const boolParam = z.preprocess(fromBooleanString, z.boolean());
const jsonParam = <T extends z.ZodType>(schema: T) => z.preprocess(fromJsonString, schema);

/** A numeric chat id, or an @username (which the emulator never knows: "chat not found"). */
const chatIdParam = z.preprocess(fromNumericString, z.union([z.number().int(), z.string()]));

const entitySchema = z.looseObject({
  type: z.string(),
  offset: z.number().int().min(0),
  length: z.number().int().min(1),
  url: z.string().optional(),
  language: z.string().optional(),
  custom_emoji_id: z.string().optional(),
});

export const getUpdatesParams = z.looseObject({
  offset: intParam.optional(),
  limit: intParam.optional(),
  timeout: intParam.optional(),
  allowed_updates: jsonParam(z.array(z.string())).optional(),
});

const replyParametersSchema = z.looseObject({
  message_id: intParam,
  chat_id: chatIdParam.optional(),
  allow_sending_without_reply: boolParam.optional(),
});

export const sendMessageParams = z.looseObject({
  chat_id: chatIdParam,
  text: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string()),
  parse_mode: z.string().optional(),
  entities: jsonParam(z.array(entitySchema)).optional(),
  reply_markup: z.unknown().optional(),
  reply_parameters: jsonParam(replyParametersSchema).optional(),
  reply_to_message_id: intParam.optional(),
  allow_sending_without_reply: boolParam.optional(),
});

export const sendDocumentParams = z.looseObject({
  chat_id: chatIdParam,
  document: z.string(),
  caption: z.string().optional(),
  parse_mode: z.string().optional(),
  caption_entities: jsonParam(z.array(entitySchema)).optional(),
  reply_markup: z.unknown().optional(),
  reply_parameters: jsonParam(replyParametersSchema).optional(),
});

export const editMessageTextParams = z.looseObject({
  chat_id: chatIdParam.optional(),
  message_id: intParam.optional(),
  inline_message_id: z.string().optional(),
  text: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string()),
  parse_mode: z.string().optional(),
  entities: jsonParam(z.array(entitySchema)).optional(),
  reply_markup: z.unknown().optional(),
});

export const editMessageReplyMarkupParams = z.looseObject({
  chat_id: chatIdParam.optional(),
  message_id: intParam.optional(),
  inline_message_id: z.string().optional(),
  reply_markup: z.unknown().optional(),
});

export const deleteMessageParams = z.looseObject({ chat_id: chatIdParam, message_id: intParam });

export const answerCallbackQueryParams = z.looseObject({
  callback_query_id: z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string()),
  text: z.string().optional(),
  show_alert: boolParam.optional(),
  url: z.string().optional(),
  cache_time: intParam.optional(),
});

export const sendChatActionParams = z.looseObject({ chat_id: chatIdParam, action: z.string() });

const botCommandScopeSchema = z.looseObject({
  type: z.enum([
    'default',
    'all_private_chats',
    'all_group_chats',
    'all_chat_administrators',
    'chat',
    'chat_administrators',
    'chat_member',
  ]),
  chat_id: chatIdParam.optional(),
  user_id: intParam.optional(),
});

export type BotCommandScope = z.infer<typeof botCommandScopeSchema>;

const scopeAndLanguage = {
  scope: jsonParam(botCommandScopeSchema).optional(),
  language_code: z.string().optional(),
};

export const setMyCommandsParams = z.looseObject({
  commands: jsonParam(z.array(z.looseObject({ command: z.string(), description: z.string() }))),
  ...scopeAndLanguage,
});

export const scopeAndLanguageParams = z.looseObject(scopeAndLanguage);

export const deleteWebhookParams = z.looseObject({ drop_pending_updates: boolParam.optional() });

export const getChatParams = z.looseObject({ chat_id: chatIdParam });

/**
 * Parses params with the schema; a failure answers 400 with Telegram's wording where the field has
 * one (e.g. "chat_id is empty") and a plain description of the field otherwise.
 */
export function parseParams<T extends z.ZodType>(
  schema: T,
  params: Record<string, unknown>,
  wording: Record<string, string> = {},
): z.infer<T> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const known = wording[field];
  if (known) throw badRequest(known);
  throw badRequest(`invalid parameter "${issue?.path.join('.') ?? field}": ${issue?.message ?? 'invalid'}`);
}
