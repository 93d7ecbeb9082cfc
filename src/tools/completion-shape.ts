import { z } from 'zod';
import { callFromObject, type RawCall } from './call-shape.js';

/**
 * Reads the body a provider returned into one assistant turn, whatever its dialect: OpenAI chat.completion
 * (and the legacy completions `text`), Anthropic messages, Gemini generateContent, Ollama /api/chat.
 * Error bodies and bodies with nothing to read come back as `error`.
 */

/** Why the model stopped, in provider-neutral terms. */
export type StopKind = 'done' | 'tool_calls' | 'truncated' | 'filtered' | 'malformed_call';

export type CompletionTurn =
  | { kind: 'error'; reason: string }
  | {
      kind: 'turn';
      content: string | null;
      structured: RawCall[];
      /** Structured call entries that could not be read as calls at all. */
      malformed: string[];
      stop: StopKind;
      finishReason: string | null;
    };

const TRUNCATED = new Set(['length', 'max_tokens', 'model_length', 'model_context_window_exceeded', 'max_output_tokens']);
const FILTERED = new Set(['content_filter', 'safety', 'recitation', 'prohibited_content', 'blocklist', 'spii', 'image_safety']);
const TOOL_CALLS = new Set(['tool_calls', 'function_call', 'tool_use', 'tool_call']);
const MALFORMED = new Set(['malformed_function_call', 'unexpected_tool_call']);

export function stopKind(finishReason: string | null | undefined): StopKind {
  const reason = (finishReason ?? '').toLowerCase();
  if (TRUNCATED.has(reason)) return 'truncated';
  if (FILTERED.has(reason)) return 'filtered';
  if (TOOL_CALLS.has(reason)) return 'tool_calls';
  if (MALFORMED.has(reason)) return 'malformed_call';
  return 'done';
}

const textPartSchema = z.looseObject({ type: z.string().optional(), text: z.string() });
const contentSchema = z.union([z.string(), z.array(z.unknown()), z.null()]).optional();

/** Text of `content` given as a string or as a list of parts. */
function contentText(content: z.infer<typeof contentSchema>): string | null {
  if (content === undefined || content === null) return null;
  if (typeof content === 'string') return content;
  const texts = content.flatMap((part) => {
    if (typeof part === 'string') return [part];
    const parsed = textPartSchema.safeParse(part);
    return parsed.success && parsed.data.type !== 'thinking' && parsed.data.type !== 'reasoning' ? [parsed.data.text] : [];
  });
  return texts.length > 0 ? texts.join('') : null;
}

/** The turn every provider shape reads into: prose, the structured calls found, and why it stopped. */
function turnOf(content: string | null, entries: readonly unknown[], stop: StopKind, finishReason: string | null): CompletionTurn {
  const { calls, malformed } = readStructured(entries);
  return { kind: 'turn', content, structured: calls, malformed, stop, finishReason };
}

function readStructured(entries: readonly unknown[]): { calls: RawCall[]; malformed: string[] } {
  const calls: RawCall[] = [];
  const malformed: string[] = [];
  for (const entry of entries) {
    const call = callFromObject(entry, false);
    if (call) calls.push(call);
    else malformed.push(`a tool call entry without a function name: ${(JSON.stringify(entry) ?? '').slice(0, 120)}`);
  }
  return { calls, malformed };
}

const messageSchema = z.looseObject({
  content: contentSchema,
  tool_calls: z.array(z.unknown()).nullish(),
  function_call: z.unknown().optional(),
  refusal: z.string().nullish(),
});
const choiceSchema = z.looseObject({
  index: z.number().optional(),
  message: messageSchema.nullish(),
  delta: messageSchema.nullish(),
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
});
const openAiSchema = z.looseObject({ choices: z.array(z.unknown()) });

// When choices disagree on why they stopped, the most cautious reading wins.
const STOP_PRECEDENCE: readonly StopKind[] = ['truncated', 'filtered', 'malformed_call', 'tool_calls', 'done'];

/**
 * Some adapters split one answer over several choices (text in one, tool calls in another), so all choices
 * are read together. We never ask for n > 1, so they are parts of one turn, not alternatives.
 */
function readOpenAi(choices: readonly unknown[]): CompletionTurn {
  if (choices.length === 0) return { kind: 'error', reason: 'the completion has no choices' };
  const parsed = choices.map((choice) => choiceSchema.safeParse(choice));
  const readable = parsed.flatMap((c) => (c.success ? [c.data] : []));
  if (readable.length === 0) return { kind: 'error', reason: 'the completion has no readable choice' };
  readable.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const texts: string[] = [];
  const entries: unknown[] = [];
  let stop: StopKind = 'done';
  let finishReason: string | null = null;
  let first = true;
  for (const choice of readable) {
    if (choice.finish_reason === 'error' || (choice['error'] !== undefined && choice['error'] !== null)) {
      return { kind: 'error', reason: `provider error: ${messageOf(choice['error']) ?? 'the choice finished with an error'}` };
    }
    const message = choice.message ?? choice.delta;
    if (!message && typeof choice.text !== 'string') {
      return { kind: 'error', reason: 'the completion choice has no message' };
    }
    entries.push(...(message?.tool_calls ?? []));
    if (message?.function_call !== undefined && message.function_call !== null) entries.push(message.function_call);
    const text = message ? (contentText(message.content) ?? message.refusal ?? null) : (choice.text ?? null);
    if (text !== null && text !== '') texts.push(text);
    const kind = stopKind(choice.finish_reason);
    if (first || STOP_PRECEDENCE.indexOf(kind) < STOP_PRECEDENCE.indexOf(stop)) {
      stop = kind;
      finishReason = choice.finish_reason ?? null;
    }
    first = false;
  }
  return turnOf(texts.length > 0 ? texts.join('\n') : null, entries, stop, finishReason);
}

const anthropicSchema = z.looseObject({
  type: z.literal('message'),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullish(),
});
const anthropicToolUseSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().optional(),
  name: z.string(),
  input: z.unknown(),
});

function readAnthropic(body: z.infer<typeof anthropicSchema>): CompletionTurn {
  const texts: string[] = [];
  const entries: unknown[] = [];
  for (const block of body.content) {
    if (block.type === 'text' && typeof block['text'] === 'string') texts.push(block['text']);
    if (block.type === 'tool_use') {
      const use = anthropicToolUseSchema.safeParse(block);
      entries.push(use.success ? { id: use.data.id, name: use.data.name, arguments: use.data.input ?? {} } : block);
    }
  }
  return turnOf(texts.length > 0 ? texts.join('') : null, entries, stopKind(body.stop_reason), body.stop_reason ?? null);
}

const geminiPartSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  functionCall: z.looseObject({ name: z.string().optional(), args: z.unknown().optional(), id: z.string().optional() }).optional(),
});
const geminiSchema = z.looseObject({
  candidates: z.array(
    z.looseObject({
      content: z.looseObject({ parts: z.array(geminiPartSchema).optional() }).optional(),
      finishReason: z.string().nullish(),
    }),
  ),
});

function readGemini(body: z.infer<typeof geminiSchema>): CompletionTurn {
  const candidate = body.candidates[0];
  if (!candidate) return { kind: 'error', reason: 'the response has no candidates' };
  const parts = candidate.content?.parts ?? [];
  const texts = parts.filter((p) => p.text !== undefined && p.thought !== true).map((p) => p.text ?? '');
  const entries = parts
    .filter((p) => p.functionCall !== undefined)
    .map((p) => ({ name: p.functionCall?.name, arguments: p.functionCall?.args, id: p.functionCall?.id }));
  return turnOf(texts.length > 0 ? texts.join('') : null, entries, stopKind(candidate.finishReason), candidate.finishReason ?? null);
}

const ollamaSchema = z.looseObject({ message: messageSchema, done_reason: z.string().nullish() });

function readOllama(body: z.infer<typeof ollamaSchema>): CompletionTurn {
  return turnOf(contentText(body.message.content), body.message.tool_calls ?? [], stopKind(body.done_reason), body.done_reason ?? null);
}

function messageOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const messages = value.map(messageOf).filter((m): m is string => m !== null);
    return messages.length > 0 ? messages.join('; ') : JSON.stringify(value).slice(0, 200);
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of ['message', 'msg', 'detail', 'title', 'error', 'type']) {
      const inner = messageOf(record[key]);
      if (inner !== null) return inner;
    }
    return JSON.stringify(value).slice(0, 200);
  }
  return null;
}

/** Error bodies: `{"error": …}`, FastAPI/NIM `{"detail": …}`, vLLM `{"object": "error"}`, Anthropic `{"type": "error"}`. */
function errorReason(body: Record<string, unknown>): string | null {
  const hasChoices = Array.isArray(body['choices']) && body['choices'].length > 0;
  if (body['error'] !== undefined && body['error'] !== null && body['error'] !== false && !hasChoices) {
    return messageOf(body['error']);
  }
  if (body['object'] === 'error' || body['type'] === 'error') return messageOf(body) ?? 'error';
  if (!hasChoices && body['detail'] !== undefined) return messageOf(body['detail']);
  return null;
}

export function readCompletion(raw: unknown): CompletionTurn {
  let body = raw;
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      return { kind: 'error', reason: `the provider returned text, not a completion: ${raw.slice(0, 120)}` };
    }
  }
  // Gemini's OpenAI-compatible endpoint wraps its errors in a list: [{"error": {...}}].
  if (Array.isArray(body) && body.length > 0 && typeof body[0] === 'object' && body[0] !== null) {
    const listed = errorReason(body[0] as Record<string, unknown>);
    if (listed !== null) return { kind: 'error', reason: `provider error: ${listed}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'error', reason: 'the response is not a completion object' };
  }
  const record = body as Record<string, unknown>;
  const error = errorReason(record);
  if (error !== null) return { kind: 'error', reason: `provider error: ${error}` };
  const openAi = openAiSchema.safeParse(body);
  if (openAi.success) return readOpenAi(openAi.data.choices);
  const anthropic = anthropicSchema.safeParse(body);
  if (anthropic.success) return readAnthropic(anthropic.data);
  const gemini = geminiSchema.safeParse(body);
  if (gemini.success) return readGemini(gemini.data);
  const ollama = ollamaSchema.safeParse(body);
  if (ollama.success) return readOllama(ollama.data);
  const blocked = z.looseObject({ promptFeedback: z.looseObject({ blockReason: z.string() }) }).safeParse(body);
  if (blocked.success) return { kind: 'error', reason: `the prompt was blocked: ${blocked.data.promptFeedback.blockReason}` };
  return { kind: 'error', reason: 'the completion has no choices' };
}
