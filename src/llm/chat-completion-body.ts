import { z } from 'zod';
import { InvalidProviderResponseError } from './provider-errors.js';

// Loose objects: providers add fields (Gemini's extra_content, reasoning_content) that must survive untouched.
const tokenCount = z.number().int().nonnegative();
const chatCompletionSchema = z.looseObject({
  model: z.string().nullish(),
  choices: z
    .array(
      z.looseObject({
        message: z.looseObject({
          content: z.string().nullish(),
          tool_calls: z.array(z.unknown()).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.looseObject({ prompt_tokens: tokenCount.nullish(), completion_tokens: tokenCount.nullish() }).nullish(),
});

export interface ParsedCompletion {
  model: string | null;
  message: { content: string | null; tool_calls?: unknown[] };
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
}

/** Reads what the chain needs from a chat.completion body; the body itself is passed on as received. */
export function parseChatCompletionBody(raw: unknown): ParsedCompletion {
  const parsed = chatCompletionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidProviderResponseError(issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'unreadable');
  }
  const body = parsed.data;
  const choice = body.choices[0]; // min(1) above
  const message: ParsedCompletion['message'] = { content: choice.message.content ?? null };
  if (choice.message.tool_calls && choice.message.tool_calls.length > 0) message.tool_calls = choice.message.tool_calls;
  return {
    model: body.model ? body.model : null,
    message,
    finishReason: choice.finish_reason ?? null,
    promptTokens: body.usage?.prompt_tokens ?? 0,
    completionTokens: body.usage?.completion_tokens ?? 0,
  };
}
