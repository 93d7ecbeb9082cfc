import { describe, expect, it } from 'vitest';
import { parseTerminalLine } from './terminal-input.js';

const withButtons = { hasButtons: true };
const withoutButtons = { hasButtons: false };

describe('parseTerminalLine', () => {
  it('sends ordinary lines and the bot’s own commands as text', () => {
    expect(parseTerminalLine('  列出 pod  ', withButtons)).toEqual({ kind: 'text', text: '列出 pod' });
    expect(parseTerminalLine('/status', withButtons)).toEqual({ kind: 'text', text: '/status' });
  });

  it('reads a bare number as a button press only when there is a button to press', () => {
    expect(parseTerminalLine('2', withButtons)).toEqual({ kind: 'press', button: 2 });
    expect(parseTerminalLine('2', withoutButtons)).toEqual({ kind: 'text', text: '2' });
  });

  it('reads /press <n> and /press <message> <n>', () => {
    expect(parseTerminalLine('/press 1', withoutButtons)).toEqual({ kind: 'press', button: 1 });
    expect(parseTerminalLine('/press 12 2', withoutButtons)).toEqual({ kind: 'press', messageId: 12, button: 2 });
    expect(parseTerminalLine('/press', withButtons)).toMatchObject({ kind: 'invalid' });
    expect(parseTerminalLine('/press 0', withButtons)).toMatchObject({ kind: 'invalid' });
  });

  it('reads /demo-alert [firing|resolved] as the client’s own command', () => {
    expect(parseTerminalLine('/demo-alert', withButtons)).toEqual({ kind: 'demo-alert', status: 'firing' });
    expect(parseTerminalLine('/demo-alert resolved', withButtons)).toEqual({ kind: 'demo-alert', status: 'resolved' });
    expect(parseTerminalLine('/demo-alert soon', withButtons)).toMatchObject({ kind: 'invalid' });
  });

  it('switches the simulated user and language', () => {
    expect(parseTerminalLine('/as 2002', withButtons)).toEqual({ kind: 'as', userId: 2002 });
    expect(parseTerminalLine('/as bob', withButtons)).toMatchObject({ kind: 'invalid' });
    expect(parseTerminalLine('/tglang zh-hant', withButtons)).toEqual({ kind: 'lang', languageCode: 'zh-hant' });
    expect(parseTerminalLine('/tglang', withButtons)).toMatchObject({ kind: 'invalid' });
    expect(parseTerminalLine('/lang', withButtons)).toEqual({ kind: 'text', text: '/lang' });
  });

  it('sends the rest of a line verbatim after a backslash', () => {
    expect(parseTerminalLine('\\/lang en', withButtons)).toEqual({ kind: 'text', text: '/lang en' });
    expect(parseTerminalLine('\\1', withButtons)).toEqual({ kind: 'text', text: '1' });
  });

  it('knows /quit, /exit, /? and empty lines', () => {
    expect(parseTerminalLine('/quit', withButtons)).toEqual({ kind: 'quit' });
    expect(parseTerminalLine('/exit', withButtons)).toEqual({ kind: 'quit' });
    expect(parseTerminalLine('/?', withButtons)).toEqual({ kind: 'help' });
    expect(parseTerminalLine('   ', withButtons)).toEqual({ kind: 'empty' });
  });
});
