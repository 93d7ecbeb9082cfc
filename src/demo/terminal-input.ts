/** What a line typed into the demo's terminal chat means. */
export type TerminalInput =
  | { kind: 'text'; text: string }
  | { kind: 'press'; button: number; messageId?: number }
  | { kind: 'as'; userId: number }
  | { kind: 'lang'; languageCode: string }
  /** Fires (or resolves) the demo's sample Alertmanager alert through the bot's webhook receiver. */
  | { kind: 'demo-alert'; status: 'firing' | 'resolved' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string };

const POSITIVE_INT = /^[1-9]\d{0,14}$/;

/**
 * Client commands are /press, /as, /tglang, /demo-alert, /? and /quit (/tglang, not /lang, so the bot's own /lang reaches the bot); a bare number presses a button when there
 * is one to press. Everything else, other /commands included, goes to the bot as text; a leading
 * backslash sends the rest verbatim ("\/press", "\1").
 */
export function parseTerminalLine(line: string, options: { hasButtons: boolean }): TerminalInput {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('\\')) {
    const text = trimmed.slice(1);
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if (POSITIVE_INT.test(trimmed) && options.hasButtons) return { kind: 'press', button: Number(trimmed) };

  const [command = '', ...args] = trimmed.split(/\s+/);
  switch (command.toLowerCase()) {
    case '/press': {
      const [first, second] = args;
      if (args.length === 1 && first && POSITIVE_INT.test(first)) return { kind: 'press', button: Number(first) };
      if (args.length === 2 && first && second && POSITIVE_INT.test(first) && POSITIVE_INT.test(second)) {
        return { kind: 'press', messageId: Number(first), button: Number(second) };
      }
      return { kind: 'invalid', reason: 'usage: /press <n>  or  /press <message id> <n>' };
    }
    case '/as': {
      const [id] = args;
      return args.length === 1 && id && POSITIVE_INT.test(id)
        ? { kind: 'as', userId: Number(id) }
        : { kind: 'invalid', reason: 'usage: /as <Telegram user id>' };
    }
    case '/tglang': {
      const [code] = args;
      return args.length === 1 && code && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(code)
        ? { kind: 'lang', languageCode: code }
        : { kind: 'invalid', reason: 'usage: /tglang <language code>, e.g. /tglang zh-hant' };
    }
    case '/demo-alert': {
      const [status = 'firing'] = args;
      return args.length <= 1 && (status === 'firing' || status === 'resolved')
        ? { kind: 'demo-alert', status }
        : { kind: 'invalid', reason: 'usage: /demo-alert [firing|resolved]' };
    }
    case '/?':
      return { kind: 'help' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'text', text: trimmed };
  }
}
