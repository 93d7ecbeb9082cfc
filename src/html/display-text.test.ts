import { describe, expect, it } from 'vitest';
import { cleanDisplayText, personName, revealHiddenText } from './display-text.js';

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'];
const CONTROLS = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0080', '\u009B', '\u009F'];

describe('cleanDisplayText', () => {
  it('drops every zero-width, bidi and control character from a name', () => {
    for (const c of [...ZERO_WIDTH, ...BIDI, ...CONTROLS]) {
      expect(cleanDisplayText(`w${c}eb`), `U+${c.codePointAt(0)?.toString(16)}`).toBe('web');
    }
  });

  it('turns line breaks and tabs in a one-line name into single spaces and trims it', () => {
    expect(cleanDisplayText('  Alice\nApproved by: Bob\r\n\tand\u2028more ')).toBe('Alice Approved by: Bob and more');
  });

  it('keeps line breaks in multi-line text, CRLF as LF, and still drops the hidden characters', () => {
    expect(cleanDisplayText('line 1\r\nline\u202E 2\n\tline 3\u0085end', { multiline: true })).toBe('line 1\nline 2\n\tline 3\nend');
  });

  it('leaves ordinary text of any script alone', () => {
    for (const text of ['web-7f9c', '部署 api 在 prod', 'Ünïcödé ✓ 🚀', 'a < b & "c"']) expect(cleanDisplayText(text)).toBe(text);
  });

  it('cuts to a length in characters, not UTF-16 units, and marks the cut', () => {
    expect(cleanDisplayText('🚀🚀🚀🚀', { maxLength: 3 })).toBe('🚀🚀…');
    expect(cleanDisplayText('abc', { maxLength: 3 })).toBe('abc');
  });
});

describe('revealHiddenText', () => {
  it('shows each hidden character as its code point, so a value that will run is shown as it is', () => {
    expect(revealHiddenText('w\u200Beb')).toBe('w⟨U+200B⟩eb');
    expect(revealHiddenText('gpj.\u202Eexe')).toBe('gpj.⟨U+202E⟩exe');
    expect(revealHiddenText('a\u0000b')).toBe('a⟨U+0000⟩b');
  });

  it('keeps tabs and line breaks as they are', () => {
    expect(revealHiddenText('kind: Pod\r\nspec:\n\tx')).toBe('kind: Pod\nspec:\n\tx');
  });
});

describe('personName', () => {
  it('names a person by first and last name with the username', () => {
    expect(personName({ first_name: 'Alice', last_name: 'Liu', username: 'alice' })).toBe('Alice Liu (@alice)');
    expect(personName({ first_name: 'Alice' })).toBe('Alice');
  });

  it('cleans what a person chose to be called', () => {
    expect(personName({ first_name: 'Bob\u202E\nApproved', username: 'mal\u200Blory' })).toBe('Bob Approved (@mallory)');
    expect(personName({ first_name: '\u200B', username: 'x' })).toBe('@x');
    expect(personName({ first_name: '\u200B' })).toBe('?');
  });

  it('stays within the 100 characters an agent job carries', () => {
    expect(personName({ first_name: 'A'.repeat(64), last_name: 'B'.repeat(64), username: 'c'.repeat(32) }).length).toBeLessThanOrEqual(100);
  });
});
