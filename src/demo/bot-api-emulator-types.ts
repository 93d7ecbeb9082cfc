import type { Logger } from 'pino';

/** One inline button as the bot sent it (other Bot API button fields are kept as sent). */
export interface EmulatedInlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  [field: string]: unknown;
}

export interface EmulatedInlineKeyboard {
  inline_keyboard: EmulatedInlineButton[][];
}

/** A Bot API MessageEntity (offsets and lengths in UTF-16 code units, as Telegram counts them). */
export interface EmulatedMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

/** One state a message has been in: the original send or an edit. */
export interface EmulatedMessageVersion {
  text: string;
  plainText: string;
  parseMode?: string;
  replyMarkup?: EmulatedInlineKeyboard;
  at: number;
}

/** A file the bot sent with sendDocument; its bytes are kept as UTF-8 text (the bot only sends text files). */
export interface EmulatedDocument {
  fileName: string;
  size: number;
  text: string;
}

/** A message in an emulated chat, in its current state (a snapshot: changing it changes nothing). */
export interface EmulatedMessage {
  messageId: number;
  chatId: number;
  /** The text exactly as sent or last edited (for HTML: the markup itself). */
  text: string;
  /** The text as a Telegram client shows it: tags removed, entities decoded. */
  plainText: string;
  entities: EmulatedMessageEntity[];
  parseMode?: string;
  replyMarkup?: EmulatedInlineKeyboard;
  replyToMessageId?: number;
  /** How many times the text or markup has been edited. */
  edits: number;
  /** Every version, the original first. */
  history: EmulatedMessageVersion[];
  /** Unix seconds, as Telegram's `date`. */
  date: number;
  editDate?: number;
  fromBot: boolean;
  /** The sender's user id (the bot's id for bot messages). */
  fromUserId: number;
  /** A document message: `text` and `plainText` then hold its caption. */
  document?: EmulatedDocument;
}

export interface EmulatedCallbackAnswer {
  callbackQueryId: string;
  text?: string;
  showAlert?: boolean;
  url?: string;
  chatId: number;
  messageId: number;
  userId: number;
  at: number;
}

export interface EmulatedChatAction {
  chatId: number;
  action: string;
  at: number;
}

export interface EmulatedDeletion {
  chatId: number;
  messageId: number;
}

export interface EmulatedApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  /** Set once the call has been answered with an error (injected or real validation). */
  error?: { error_code: number; description: string };
}

export interface EmulatedBotCommand {
  command: string;
  description: string;
}

/** What failNext makes the next call(s) of a method answer. */
export interface InjectedBotApiError {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface SendUserMessageInput {
  chatId: number;
  userId: number;
  text: string;
  languageCode?: string;
  chatType?: 'private' | 'group' | 'supergroup';
  firstName?: string;
  username?: string;
  replyToMessageId?: number;
}

export interface PressButtonInput {
  chatId: number;
  userId: number;
  messageId: number;
  data: string;
  languageCode?: string;
  firstName?: string;
  username?: string;
}

export interface EmulatorEventMap {
  /** The bot sent a message. */
  message: EmulatedMessage;
  /** The bot edited the text or the buttons of a message. */
  edit: EmulatedMessage;
  /** The bot deleted a message. */
  delete: EmulatedDeletion;
  /** The bot answered a callback query. */
  callbackAnswer: EmulatedCallbackAnswer;
  /** The bot sent a chat action ("typing"). */
  chatAction: EmulatedChatAction;
  /** A message was injected as if a user had sent it. */
  userMessage: EmulatedMessage;
}

export type EmulatorEventName = keyof EmulatorEventMap;

export interface BotApiEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** When given, any other token is answered 401 Unauthorized like Telegram does. */
  tokens?: string[];
  botUsername?: string;
  botFirstName?: string;
  /** When true, sending to a chat no user has written in answers 400 "chat not found". */
  strictChats?: boolean;
  /**
   * Telegram answers at most one getUpdates conflict per 3 s immediately and holds the others for 3 s;
   * tests that provoke many conflicts may lower this.
   */
  conflictThrottleMs?: number;
  logger?: Logger;
}

export interface BotApiEmulator {
  /** What TELEGRAM_API_ROOT is set to, e.g. http://127.0.0.1:PORT (no trailing slash). */
  apiRoot: string;
  sendUserMessage(input: SendUserMessageInput): { updateId: number; messageId: number };
  pressButton(input: PressButtonInput): { updateId: number; callbackQueryId: string };
  /** Queues any update as is (its update_id is replaced by the next id when it is an object). */
  injectRawUpdate(update: unknown): number;
  /**
   * Sends an update again with its own update_id, first in line: what Telegram does for the next poller when the
   * last one took a batch and died before a getUpdates confirmed it. Only a poller started afterwards sees it.
   */
  redeliverUpdate(update: { update_id: number }): void;
  /** Updates queued and not yet confirmed by a getUpdates offset. */
  pendingUpdates(): { updateId: number; update: unknown }[];
  /** The bot's messages in that chat, current state, oldest first. */
  messages(chatId: number): EmulatedMessage[];
  /** Every message in that chat, the injected user messages included. */
  allMessages(chatId: number): EmulatedMessage[];
  callbackAnswers(): EmulatedCallbackAnswer[];
  chatActions(chatId: number): string[];
  /**
   * Commands set with setMyCommands, keyed by language_code ('' for none), for one scope:
   * 'default' unless given ('all_private_chats', 'chat:<id>', 'chat_member:<chat>:<user>', ...).
   */
  commands(scope?: string): Record<string, EmulatedBotCommand[]>;
  /** Every API call the bot made, in arrival order. */
  calls(): EmulatedApiCall[];
  /** Resolves with the first truthy value pick returns; re-checks on every change and every 25 ms. */
  waitFor<T>(pick: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
  /**
   * Resolves with the newest bot message in the chat that matches. Without a matcher: the first bot
   * message newer than the chat's latest user message at the time of the call.
   */
  waitForBotMessage(chatId: number, match?: (message: EmulatedMessage) => boolean, timeoutMs?: number): Promise<EmulatedMessage>;
  failNext(method: string, error: InjectedBotApiError, times?: number): void;
  /** Delays every call of the method by ms before it is handled (0 removes the delay). */
  setDelay(method: string, ms: number): void;
  on<E extends EmulatorEventName>(event: E, listener: (payload: EmulatorEventMap[E]) => void): () => void;
  close(): Promise<void>;
}
