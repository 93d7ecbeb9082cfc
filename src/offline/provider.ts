import type { Translate } from '../i18n/translator.js';
import type { ChatMessage } from '../llm/types.js';
import type { ToolCall } from '../tools/registry.js';
import { nextStep } from './plan.js';
import { readRequest } from './read-request.js';
import { renderAnswer } from './render-answer.js';
import { offlineTexts, type OfflineLocale } from './texts.js';
import { readTranscript } from './transcript.js';

/** The model name the offline provider reports in its completion bodies. */
export const OFFLINE_MODEL = 'offline-rules';

export interface OfflineCompletion {
  /** A chat.completion body, shaped like a provider's, so the same tool-call parser reads it. */
  raw: unknown;
}

/**
 * The offline provider: not a model. It reads the person's last request with fixed rules (English and
 * Traditional Chinese), asks for the tool calls that request needs one at a time, reads the results the
 * agent puts back into the conversation, and writes the final answer itself, marked as coming from it.
 */
export interface OfflineProvider {
  /**
   * `namespaces`: those in scope, so a target the default namespace does not have can be looked for
   * elsewhere when the request named no namespace.
   */
  complete(messages: readonly ChatMessage[], options?: { locale?: OfflineLocale; namespaces?: readonly string[] }): OfflineCompletion;
}

export interface OfflineProviderOptions {
  defaultNamespace: string;
  /** The Fluent translator: every text the provider writes comes from the locale files (keys `offline-*`). */
  t: Translate;
}

function completionBody(message: Record<string, unknown>, finishReason: 'stop' | 'tool_calls', id: string): unknown {
  return {
    id: `offline-${id}`,
    object: 'chat.completion',
    created: 0,
    model: OFFLINE_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function toolCallBody(call: ToolCall, callNumber: number): unknown {
  const id = `offline_call_${callNumber}`;
  return completionBody(
    { content: null, tool_calls: [{ id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } }] },
    'tool_calls',
    id,
  );
}

const HAN = /\p{Script=Han}/u;

export function createOfflineProvider(options: OfflineProviderOptions): OfflineProvider {
  return {
    complete(messages, completeOptions = {}) {
      const transcript = readTranscript(messages);
      const request = transcript.request ?? '';
      const locale = completeOptions.locale ?? (HAN.test(request) ? 'zh-TW' : 'en');
      const step = nextStep(readRequest(request, options.defaultNamespace), transcript.exchanges, {
        defaultNamespace: options.defaultNamespace,
        namespaces: completeOptions.namespaces ?? [],
      });
      if (step.kind === 'call') return { raw: toolCallBody(step.call, transcript.toolMessageCount + 1) };
      return {
        raw: completionBody(
          { content: renderAnswer(step.answer, offlineTexts(options.t, locale)) },
          'stop',
          `answer-${transcript.toolMessageCount}`,
        ),
      };
    },
  };
}
