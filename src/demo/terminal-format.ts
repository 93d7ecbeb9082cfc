import type { EmulatedInlineButton, EmulatedMessage, EmulatedMessageEntity } from './bot-api-emulator-types.js';

/** How the demo's terminal chat shows a bot message: readable text, ANSI styles on a TTY, numbered buttons. */

const ANSI: Record<string, [string, string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  underline: ['\x1b[4m', '\x1b[24m'],
  strikethrough: ['\x1b[9m', '\x1b[29m'],
  code: ['\x1b[36m', '\x1b[39m'],
  pre: ['\x1b[36m', '\x1b[39m'],
  text_link: ['\x1b[4m', '\x1b[24m'],
  spoiler: ['\x1b[2m', '\x1b[22m'],
};

const INDENT = '    ';

/**
 * The message's plain text with its entities shown: ANSI styles when ansi is set, and a link's
 * address after its text either way (a terminal cannot click a hidden link).
 */
export function renderEntities(text: string, entities: EmulatedMessageEntity[], ansi: boolean): string {
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const suffixes = new Map<number, string[]>();
  const add = (map: Map<number, string[]>, at: number, value: string): void => {
    map.set(at, [...(map.get(at) ?? []), value]);
  };
  for (const entity of entities) {
    const style = ANSI[entity.type];
    const end = entity.offset + entity.length;
    if (ansi && style) {
      add(opens, entity.offset, style[0]);
      add(closes, end, style[1]);
    }
    if (entity.type === 'text_link' && entity.url && entity.url !== text.slice(entity.offset, end)) {
      add(suffixes, end, ansi ? `\x1b[2m (${entity.url})\x1b[22m` : ` (${entity.url})`);
    }
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    out += [...(closes.get(i) ?? [])].reverse().join('');
    out += (suffixes.get(i) ?? []).join('');
    out += (opens.get(i) ?? []).join('');
    if (i < text.length) out += text.charAt(i);
  }
  return out;
}

/** Every button of the message, in reading order: the numbers the user types refer to this list. */
export function numberedButtons(message: Pick<EmulatedMessage, 'replyMarkup'>): EmulatedInlineButton[] {
  return message.replyMarkup?.inline_keyboard.flat() ?? [];
}

export function hasCallbackButtons(message: Pick<EmulatedMessage, 'replyMarkup'>): boolean {
  return numberedButtons(message).some((button) => button.callback_data !== undefined);
}

/** One line per keyboard row: `[1] ✅ Approve  [2] ❌ Reject`. */
export function formatButtons(message: Pick<EmulatedMessage, 'replyMarkup'>): string[] {
  let number = 0;
  return (message.replyMarkup?.inline_keyboard ?? []).map((row) =>
    row.map((button) => `[${++number}] ${button.url !== undefined ? '🔗 ' : ''}${button.text}`).join('  '),
  );
}

/** A bot message (new or edited) as terminal lines, without a trailing newline. */
export function formatForTerminal(message: EmulatedMessage, options: { ansi?: boolean; edited?: boolean } = {}): string {
  const ansi = options.ansi ?? false;
  const mark = options.edited ? `✎ #${message.messageId} (edited)` : `🤖 #${message.messageId}`;
  const reply = message.replyToMessageId === undefined ? '' : `  ↩ #${message.replyToMessageId}`;
  const header = ansi ? `\x1b[2m${mark}${reply}\x1b[22m` : `${mark}${reply}`;
  const body = renderEntities(message.plainText, message.entities, ansi)
    .split('\n')
    .map((line) => `${INDENT}${line}`);
  const buttons = formatButtons(message).map((line) => `${INDENT}${line}`);
  const file = message.document ? [`${INDENT}📎 ${message.document.fileName} (${message.document.size} bytes)`] : [];
  return [header, ...file, ...body, ...buttons].join('\n');
}
