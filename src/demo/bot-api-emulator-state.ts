import { createEmulatedChatStore, type EmulatedChatStore, type EmulatedUser } from './bot-api-emulator-chats.js';
import type { EmulatorEvents } from './bot-api-emulator-events.js';
import { createEmulatedUpdateQueue, type EmulatedUpdateQueue } from './bot-api-emulator-update-queue.js';
import type { EmulatedBotCommand, EmulatedCallbackAnswer, EmulatedChatAction, EmulatedMessage } from './bot-api-emulator-types.js';

export interface PendingCallbackQuery {
  chatId: number;
  messageId: number;
  userId: number;
  answered: boolean;
}

export interface StoredCommandList {
  scopeKey: string;
  languageCode: string;
  commands: EmulatedBotCommand[];
}

/** Everything one emulator instance knows; created per instance, shared by its method handlers. */
export interface EmulatorState {
  chats: EmulatedChatStore;
  updates: EmulatedUpdateQueue;
  events: EmulatorEvents;
  callbackQueries: Map<string, PendingCallbackQuery>;
  callbackAnswers: EmulatedCallbackAnswer[];
  chatActions: EmulatedChatAction[];
  /** Keyed by `${scopeKey}|${languageCode}`. */
  commandLists: Map<string, StoredCommandList>;
  bot: { username: string; firstName: string };
  strictChats: boolean;
  now: () => number;
}

export function createEmulatorState(input: {
  events: EmulatorEvents;
  botUsername: string;
  botFirstName: string;
  strictChats: boolean;
  conflictThrottleMs: number;
  now?: () => number;
}): EmulatorState {
  return {
    chats: createEmulatedChatStore(),
    updates: createEmulatedUpdateQueue({ conflictThrottleMs: input.conflictThrottleMs }),
    events: input.events,
    callbackQueries: new Map(),
    callbackAnswers: [],
    chatActions: [],
    commandLists: new Map(),
    bot: { username: input.botUsername, firstName: input.botFirstName },
    strictChats: input.strictChats,
    now: input.now ?? Date.now,
  };
}

const DEFAULT_BOT_ID = 1_000_000_001;

/** The bot's user: its id is the token's numeric prefix, as in real tokens ("123456:ABC..."). */
export function botUserFor(token: string, state: EmulatorState): EmulatedUser {
  const prefix = /^(\d{1,15}):/.exec(token)?.[1];
  const user: EmulatedUser = {
    id: prefix === undefined ? DEFAULT_BOT_ID : Number(prefix),
    isBot: true,
    firstName: state.bot.firstName,
    username: state.bot.username,
  };
  state.chats.rememberUser(user);
  return user;
}

/** A copy handed to tests and listeners, so nothing outside can change the emulator's state. */
export function snapshotMessage(message: EmulatedMessage): EmulatedMessage {
  return structuredClone(message);
}
