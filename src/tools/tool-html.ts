import { formatAge } from '../cluster/format-age.js';
import type { EventSummary } from '../cluster/results.js';
import { escapeHtml } from '../html/telegram-html.js';
import type { ToolHtmlInput } from './tool-module.js';

/** Pieces the read tools' /run answers share: Telegram HTML, everything from the cluster escaped. */

/** At most this many list entries; the rest are counted, not shown. */
export const MAX_LIST_ITEMS = 200;

/** The translation of `key` in the person's language. */
export type Say = (key: string, variables?: Record<string, string | number>) => string;

export function sayFor(input: Pick<ToolHtmlInput<unknown, unknown>, 't' | 'locale'>): Say {
  return (key, variables) => input.t(input.locale, key, variables);
}

export const code = (value: string): string => `<code>${escapeHtml(value)}</code>`;

export function list(say: Say, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LIST_ITEMS);
  if (lines.length > MAX_LIST_ITEMS) shown.push(say('run-result-more', { count: lines.length - MAX_LIST_ITEMS }));
  return shown.join('\n');
}

export function eventLine(say: Say, event: EventSummary, now: number): string {
  const seen = Date.parse(event.lastSeen);
  return say('run-result-event-line', {
    mark: event.type === 'Warning' ? '⚠️ ' : '',
    reason: escapeHtml(event.reason),
    object: escapeHtml(event.object),
    times: event.count > 1 ? ` ×${event.count}` : '',
    age: Number.isNaN(seen) ? '?' : formatAge(now - seen),
    message: escapeHtml(event.message),
  });
}

/** After an empty list: the typed commands for the other namespaces, so the next try is one tap on a copy. */
export function elsewhere(say: Say, tool: string, namespaces: readonly string[]): string {
  if (namespaces.length === 0) return '';
  const commands = namespaces.slice(0, 10).map((n) => code(`/run ${tool} namespace=${n}`));
  return `\n${say('run-result-try-namespaces', { commands: commands.join('\n') })}`;
}
