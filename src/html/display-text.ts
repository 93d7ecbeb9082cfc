/**
 * Text from outside (names from Telegram, names and labels from the cluster or Alertmanager, a model's arguments)
 * can carry characters a reader never sees: C0/C1 controls, zero-width characters and bidi overrides. They make
 * "web" and "w\u200Beb" look alike, or turn "…gpj.exe" around on screen. Everything here is pure.
 */

/**
 * Every character we never show as it is: C0 controls but tab and line feed, DEL and C1 controls, the zero-width
 * characters (U+200B–U+200F, U+2060–U+2064, U+FEFF) and the bidi controls (U+202A–U+202E, U+2066–U+2069, U+061C).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/g;
/** Line breaks and tabs: kept in multi-line text, a space in a one-line name. */
const BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;

export interface CleanOptions {
  /** Keep line breaks (and tabs); otherwise every break becomes one space and the ends are trimmed. */
  multiline?: boolean;
  /** Cut to at most this many characters (code points), marking the cut with "…". */
  maxLength?: number;
}

function cut(text: string, maxLength: number | undefined): string {
  if (maxLength === undefined) return text;
  const chars = [...text];
  return chars.length > maxLength ? `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…` : text;
}

/** The text without hidden characters: for names and labels, which only need to be read. */
export function cleanDisplayText(text: string, options: CleanOptions = {}): string {
  if (options.multiline) {
    return cut(
      text
        .replace(/\r\n?/g, '\n')
        .replace(/[\u2028\u2029\u0085]/g, '\n')
        .replace(HIDDEN, ''),
      options.maxLength,
    );
  }
  const oneLine = text.replace(BREAKS, ' ').replace(HIDDEN, '').replace(/ {2,}/g, ' ').trim();
  return cut(oneLine, options.maxLength);
}

/**
 * The text with each hidden character shown as its code point, e.g. "w⟨U+200B⟩eb": for values that will run (a
 * call's arguments on an approval card), where dropping the character would show a call other than the one that
 * runs. Line breaks and tabs stay as they are (a CR before a line feed is dropped: it changes no YAML).
 */
export function revealHiddenText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(HIDDEN, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * How a Telegram user is named where others read it: "First Last (@username)", cleaned, at most 100 characters
 * (what an agent job may carry). The numeric id, the one thing nobody can choose, is added where it is shown.
 */
export function personName(from: { first_name: string; last_name?: string | undefined; username?: string | undefined }): string {
  const name = cleanDisplayText([from.first_name, from.last_name].filter(Boolean).join(' '), { maxLength: 64 });
  const username = from.username ? cleanDisplayText(from.username, { maxLength: 33 }) : '';
  if (!username) return name || '?';
  return name ? `${name} (@${username})` : `@${username}`;
}
