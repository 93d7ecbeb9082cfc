import { createBotMethods } from './bot-api-emulator-bot-methods.js';
import { createChatMethods } from './bot-api-emulator-chat-methods.js';
import { createDocumentMethods } from './bot-api-emulator-document-methods.js';
import { createEmulatorEvents, waitForCondition } from './bot-api-emulator-events.js';
import { createEmulatedFaultPlan } from './bot-api-emulator-faults.js';
import { injectButtonPress, injectRaw, injectUserMessage } from './bot-api-emulator-injection.js';
import { createMessageMethods } from './bot-api-emulator-message-methods.js';
import { startEmulatorHttpServer } from './bot-api-emulator-server.js';
import { createEmulatorState, snapshotMessage } from './bot-api-emulator-state.js';
import type {
  BotApiEmulator,
  BotApiEmulatorOptions,
  EmulatedApiCall,
  EmulatedBotCommand,
  EmulatedMessage,
} from './bot-api-emulator-types.js';
import { createUpdateMethods } from './bot-api-emulator-update-methods.js';

export type * from './bot-api-emulator-types.js';

const DEFAULT_WAIT_MS = 5_000;

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Starts a local Telegram Bot API emulator: an HTTP server on 127.0.0.1 speaking the subset of the
 * Bot API the bot uses, plus an in-process API to play the user (send messages, press buttons) and to
 * look at what the bot did. The bot reaches it only through TELEGRAM_API_ROOT = emulator.apiRoot.
 */
export async function startBotApiEmulator(options: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const events = createEmulatorEvents(options.logger);
  const state = createEmulatorState({
    events,
    botUsername: options.botUsername ?? 'chatops_emulator_bot',
    botFirstName: options.botFirstName ?? 'ChatOps Bot (emulated)',
    strictChats: options.strictChats ?? false,
    conflictThrottleMs: options.conflictThrottleMs ?? 3_000,
  });
  const faults = createEmulatedFaultPlan();
  const calls: EmulatedApiCall[] = [];
  let callbackQuerySequence = 0;

  const server = await startEmulatorHttpServer(
    {
      methods: {
        ...createUpdateMethods(state),
        ...createMessageMethods(state),
        ...createDocumentMethods(state),
        ...createChatMethods(state),
        ...createBotMethods(state),
      },
      faults,
      ...(options.tokens ? { tokens: new Set(options.tokens) } : {}),
      recordCall: (call) => {
        calls.push(call);
        events.changed();
      },
      changed: () => events.changed(),
      ...(options.logger ? { logger: options.logger } : {}),
    },
    { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
  );
  options.logger?.info({ apiRoot: server.apiRoot }, 'Telegram Bot API emulator listening');

  const botMessages = (chatId: number): EmulatedMessage[] => state.chats.list(chatId).filter((message) => message.fromBot);

  const describeRecentFailures = (): string => {
    const failed = calls.filter((call) => call.error).slice(-3);
    return failed.length === 0
      ? 'no failed calls'
      : `recent failed calls: ${failed.map((call) => `${call.method} → ${call.error?.description ?? ''}`).join(' | ')}`;
  };

  const emulator: BotApiEmulator = {
    apiRoot: server.apiRoot,

    sendUserMessage: (input) => injectUserMessage(state, input),

    pressButton: (input) => injectButtonPress(state, input, () => String(4_200_000_000_000 + ++callbackQuerySequence)),

    injectRawUpdate: (update) => injectRaw(state, update),

    redeliverUpdate(update) {
      state.updates.redeliver(update.update_id, update);
      state.events.changed();
    },

    pendingUpdates: () => state.updates.pending(),

    messages: (chatId) => botMessages(chatId).map(snapshotMessage),

    allMessages: (chatId) => state.chats.list(chatId).map(snapshotMessage),

    callbackAnswers: () => state.callbackAnswers.map((answer) => ({ ...answer })),

    chatActions: (chatId) => state.chatActions.filter((entry) => entry.chatId === chatId).map((entry) => entry.action),

    commands(scope = 'default') {
      const byLanguage: Record<string, EmulatedBotCommand[]> = {};
      for (const list of state.commandLists.values()) {
        if (list.scopeKey === scope) byLanguage[list.languageCode] = list.commands.map((entry) => ({ ...entry }));
      }
      return byLanguage;
    },

    calls: () => calls.map((call) => ({ ...call })),

    waitFor: (pick, timeoutMs = DEFAULT_WAIT_MS) =>
      waitForCondition(events, pick, timeoutMs, () => {
        const recent =
          calls
            .slice(-5)
            .map((call) => call.method)
            .join(', ') || 'none';
        return `BotApiEmulator.waitFor: condition not met within ${timeoutMs} ms (last calls: ${recent}; ${describeRecentFailures()})`;
      }),

    waitForBotMessage(chatId, match, timeoutMs = DEFAULT_WAIT_MS) {
      const lastUserMessageId = state.chats
        .list(chatId)
        .filter((message) => !message.fromBot)
        .reduce((latest, message) => Math.max(latest, message.messageId), 0);
      const pick = (): EmulatedMessage | undefined => {
        const candidates = botMessages(chatId);
        const found = match
          ? [...candidates].reverse().find((message) => match(snapshotMessage(message)))
          : candidates.find((message) => message.messageId > lastUserMessageId);
        return found && snapshotMessage(found);
      };
      return waitForCondition(events, pick, timeoutMs, () => {
        const seen = botMessages(chatId)
          .slice(-5)
          .map((message) => `#${message.messageId} "${clip(message.plainText)}"`)
          .join(' | ');
        return (
          `BotApiEmulator.waitForBotMessage: no bot message in chat ${chatId} matched within ${timeoutMs} ms ` +
          `(bot messages there: ${seen || 'none'}; ${describeRecentFailures()})`
        );
      });
    },

    failNext: (method, error, times = 1) => faults.failNext(method, error, times),

    setDelay: (method, ms) => faults.setDelay(method, ms),

    on: (event, listener) => events.on(event, listener),

    async close() {
      state.updates.close();
      await server.close();
      options.logger?.info('Telegram Bot API emulator stopped');
    },
  };
  return emulator;
}
