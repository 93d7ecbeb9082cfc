import { RESOURCE_KINDS } from '../../cluster/resource-kinds.js';
import { isToolName, TOOL_NAMES, type ToolName } from '../../tools/registry.js';
import { escapeHtml } from '../../html/telegram-html.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { checkField, type FieldCheck } from './field-check.js';
import { normalizeToolName } from './parse-run-command.js';
import { renderUnknownTool } from './render-usage.js';
import type { ToolParameter } from './tool-parameters.js';

/** Buttons of one list at most; longer lists say so and take a typed name. */
export const MAX_LIST_BUTTONS = 40;

/** A tap on the n-th button, or a typed message. */
export type GuidedAnswer = { kind: 'pick'; index: number } | { kind: 'text'; text: string };
export type Accepted<V> = { ok: true; value: V; shown: string } | { ok: false; html: string };

/** One question of the guided /run flow: what it says, its buttons, and how an answer becomes a checked value. */
export interface Question<V> {
  prompt: string;
  labels: readonly string[];
  columns: number;
  optional: boolean;
  /** Whether a typed message answers it (else only the buttons do). */
  typed: boolean;
  accept(answer: GuidedAnswer): Accepted<V>;
}

/** Names listed from the cluster for a keyboard, or why they could not be. JSON-safe: the flow stores it in Redis. */
export type Listing = { ok: true; names: string[] } | { ok: false; html: string };

export interface QuestionTexts {
  t: Translate;
  locale: Locale;
}

const STRING_HINTS: Readonly<Record<string, string>> = {
  label_selector: 'run-hint-label-selector',
  container: 'run-hint-container',
  involved_object: 'run-hint-involved-object',
  manifest: 'run-hint-manifest',
};

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function fromCheck(texts: QuestionTexts, check: FieldCheck, shown: string): Accepted<unknown> {
  if (check.ok) return { ok: true, value: check.value, shown };
  return { ok: false, html: texts.t(texts.locale, 'run-guided-invalid-value', { reason: escapeHtml(check.reason) }) };
}

/** The twelve tools, two per row, each with its short label; a typed tool name works too. */
export function toolQuestion(texts: QuestionTexts): Question<ToolName> {
  const { t, locale } = texts;
  return {
    prompt: t(locale, 'run-guided-pick-tool'),
    labels: TOOL_NAMES.map((name) => `${name} · ${t(locale, `run-tool-${name}`)}`),
    columns: 2,
    optional: false,
    typed: true,
    accept: (answer) => {
      const name = answer.kind === 'pick' ? (TOOL_NAMES[answer.index] ?? '') : normalizeToolName(answer.text.trim());
      return isToolName(name) ? { ok: true, value: name, shown: name } : { ok: false, html: renderUnknownTool(t, locale, name) };
    },
  };
}

export function kindQuestion(texts: QuestionTexts, tool: ToolName): Question<unknown> {
  return {
    prompt: texts.t(texts.locale, 'run-guided-pick-kind'),
    labels: RESOURCE_KINDS,
    columns: 3,
    optional: false,
    typed: true,
    accept: (answer) => {
      const raw = answer.kind === 'pick' ? (RESOURCE_KINDS[answer.index] ?? '') : answer.text;
      return fromCheck(texts, checkField(tool, 'kind', raw), raw.trim().toLowerCase());
    },
  };
}

/**
 * Names as buttons (namespaces, deployments, pods, nodes), or a typed name: both go through the catalog's field
 * check. `listing` null means this kind cannot be listed, so the name is typed.
 */
export function namesQuestion(
  texts: QuestionTexts,
  tool: ToolName,
  key: string,
  prompt: string,
  listing: Listing | null,
): Question<unknown> {
  const say = (k: string, variables?: Record<string, string | number>) => texts.t(texts.locale, k, variables);
  const names = listing?.ok ? listing.names.slice(0, MAX_LIST_BUTTONS) : [];
  const notes =
    listing === null
      ? [say('run-guided-type-name')]
      : !listing.ok
        ? [listing.html, say('run-guided-type-instead')]
        : names.length === 0
          ? [say('run-guided-none-found')]
          : [say('run-guided-or-type')];
  if (listing?.ok && listing.names.length > names.length) notes.push(say('run-guided-first-shown', { count: names.length }));
  return {
    prompt: [prompt, ...notes].join('\n'),
    labels: names,
    columns: 2,
    optional: false,
    typed: true,
    accept: (answer) => {
      const raw = answer.kind === 'pick' ? (names[answer.index] ?? '') : answer.text;
      return fromCheck(texts, checkField(tool, key, raw), shorten(raw.trim()));
    },
  };
}

/** What a value looks like, for people, in their language. */
export function valueHint(texts: QuestionTexts, parameter: ToolParameter): string {
  const { t, locale } = texts;
  switch (parameter.type) {
    case 'enum':
      return t(locale, 'run-hint-choice', { options: parameter.options.join(', ') });
    case 'boolean':
      return t(locale, 'run-hint-boolean');
    case 'integer':
      if (parameter.minimum !== undefined && parameter.maximum !== undefined) {
        return t(locale, 'run-hint-integer-range', { min: parameter.minimum, max: parameter.maximum });
      }
      return t(locale, 'run-hint-integer-min', { min: parameter.minimum ?? 0 });
    case 'string':
      return t(locale, STRING_HINTS[parameter.key] ?? 'run-hint-name');
  }
}

/** One remaining value, typed (yes/no buttons for a boolean); an optional one can be skipped. */
export function valueQuestion(texts: QuestionTexts, tool: ToolName, parameter: ToolParameter): Question<unknown> {
  const { t, locale } = texts;
  const field = `<b>${escapeHtml(t(locale, `run-field-${parameter.key}`))}</b>`;
  const prompt = t(locale, parameter.required ? 'run-guided-ask-value' : 'run-guided-ask-optional', {
    field,
    hint: escapeHtml(valueHint(texts, parameter)),
  });
  const labels = parameter.type === 'boolean' ? [t(locale, 'run-button-yes'), t(locale, 'run-button-no')] : [];
  return {
    prompt,
    labels,
    columns: 2,
    optional: !parameter.required,
    typed: true,
    accept: (answer) => {
      const raw = answer.kind === 'pick' ? (answer.index === 0 ? 'true' : 'false') : answer.text;
      const shown = answer.kind === 'pick' ? (labels[answer.index] ?? raw) : shorten(raw);
      return fromCheck(texts, checkField(tool, parameter.key, raw), shown);
    },
  };
}
