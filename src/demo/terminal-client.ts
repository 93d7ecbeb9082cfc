import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { BotApiEmulator, EmulatedMessage } from './bot-api-emulator-types.js';
import { formatForTerminal, hasCallbackButtons, numberedButtons } from './terminal-format.js';
import { terminalChatBanner, TERMINAL_CHAT_HELP } from './terminal-help.js';
import { parseTerminalLine, type TerminalInput } from './terminal-input.js';

/** The part of the emulator the terminal chat uses. */
export type TerminalChatEmulator = Pick<BotApiEmulator, 'sendUserMessage' | 'pressButton' | 'messages' | 'on'>;

export interface TerminalChatOptions {
  emulator: TerminalChatEmulator;
  chatId: number;
  userId: number;
  languageCode?: string;
  firstName?: string;
  /** First names of the other users `/as` can switch to, so cards and alert messages name them. */
  names?: Readonly<Record<number, string>>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** ANSI styles; defaults to whether output is a TTY. */
  ansi?: boolean;
  /** /demo-alert: fires the sample alert at the bot's webhook receiver; resolves with a line to print. */
  demoAlert?: (status: 'firing' | 'resolved') => Promise<string>;
}

const isTty = (stream: NodeJS.WritableStream): boolean => (stream as { isTTY?: boolean }).isTTY === true;

/**
 * The demo's chat window in a terminal: typed lines go to the bot as a user's messages; the bot's
 * messages print as they arrive and again when edited; buttons are pressed by number.
 * Resolves when the user types /quit or the input ends.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { emulator, chatId } = options;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const terminal = isTty(output);
  const ansi = options.ansi ?? terminal;
  let userId = options.userId;
  let languageCode = options.languageCode ?? 'en';
  let lastPrintedTyping = false;
  let printCount = 0;

  const nameOf = (id: number): { firstName?: string } => {
    const name = id === options.userId ? (options.firstName ?? options.names?.[id]) : options.names?.[id];
    return name ? { firstName: name } : {};
  };

  const rl = createInterface({ input, output, terminal, prompt: 'you › ' });

  const print = (text: string): void => {
    printCount += 1;
    if (terminal) {
      // Print above the line being typed, then redraw it.
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${text}\n`);
      rl.prompt(true);
    } else {
      output.write(`${text}\n`);
    }
  };
  const printMessage = (message: EmulatedMessage, edited: boolean): void => {
    if (message.chatId !== chatId) return;
    lastPrintedTyping = false;
    print(formatForTerminal(message, { ansi, edited }));
  };

  const unsubscribe = [
    emulator.on('message', (message) => printMessage(message, false)),
    emulator.on('edit', (message) => printMessage(message, true)),
    emulator.on('delete', (deletion) => {
      if (deletion.chatId === chatId) print(`🗑 #${deletion.messageId} deleted`);
    }),
    emulator.on('chatAction', (action) => {
      if (action.chatId !== chatId || lastPrintedTyping) return;
      lastPrintedTyping = true;
      print(`… ${action.action}`);
    }),
    emulator.on('callbackAnswer', (answer) => {
      if (answer.chatId !== chatId || !answer.text) return;
      print(answer.showAlert ? `⚠ alert: ${answer.text}` : `ⓘ ${answer.text}`);
    }),
  ];

  /** The message a bare number refers to: the newest one that still has buttons to press. */
  const newestCard = (): EmulatedMessage | undefined =>
    [...emulator.messages(chatId)].reverse().find((message) => hasCallbackButtons(message));

  const press = (command: Extract<TerminalInput, { kind: 'press' }>): void => {
    const message =
      command.messageId === undefined
        ? newestCard()
        : emulator.messages(chatId).find((candidate) => candidate.messageId === command.messageId);
    if (!message) {
      print(command.messageId === undefined ? '✗ no message with buttons' : `✗ no bot message #${command.messageId}`);
      return;
    }
    const buttons = numberedButtons(message);
    const button = buttons[command.button - 1];
    if (!button) {
      print(`✗ #${message.messageId} has buttons 1–${buttons.length}`);
      return;
    }
    if (button.callback_data === undefined) {
      print(button.url !== undefined ? `🔗 ${button.url}` : `✗ [${command.button}] is not a callback button`);
      return;
    }
    emulator.pressButton({ chatId, userId, messageId: message.messageId, data: button.callback_data, languageCode, ...nameOf(userId) });
    print(`→ pressed [${command.button}] ${button.text} on #${message.messageId}`);
  };

  const handle = (line: string): void => {
    const printedBefore = printCount;
    const command = parseTerminalLine(line, { hasButtons: newestCard() !== undefined });
    switch (command.kind) {
      case 'empty':
        break;
      case 'text':
        emulator.sendUserMessage({
          chatId,
          userId,
          text: command.text,
          languageCode,
          ...nameOf(userId),
        });
        break;
      case 'press':
        press(command);
        break;
      case 'as':
        userId = command.userId;
        print(`(now acting as user ${userId})`);
        break;
      case 'lang':
        languageCode = command.languageCode;
        print(`(language_code is now ${languageCode})`);
        break;
      case 'help':
        print(TERMINAL_CHAT_HELP.join('\n'));
        break;
      case 'demo-alert':
        if (!options.demoAlert) {
          print('✗ /demo-alert needs the demo (npm run demo), which runs the alert receiver');
          break;
        }
        options.demoAlert(command.status).then(
          (line) => print(line),
          (error: unknown) => print(`✗ ${error instanceof Error ? error.message : String(error)}`),
        );
        break;
      case 'quit':
        rl.close();
        return;
      case 'invalid':
        print(`✗ ${command.reason}`);
        break;
    }
    // print() already redrew the prompt.
    if (terminal && printCount === printedBefore) rl.prompt();
  };

  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  rl.on('line', (line) => {
    try {
      handle(line);
    } catch (error) {
      print(`✗ ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  output.write(`${terminalChatBanner({ chatId, userId, languageCode })}\n`);
  rl.prompt();
  await closed;
  for (const stop of unsubscribe) stop();
}
