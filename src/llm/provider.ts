import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';
import { normalizeMessages } from './message-normalization.js';
import { InvalidProviderResponseError } from './provider-errors.js';
import type { ChatRequest, ProviderSettings } from './types.js';

const BACKSTOP_MARGIN_MS = 1_000;

export interface ChatProvider {
  settings: ProviderSettings;
  /**
   * One HTTP request, no retries; rejects with the openai SDK's errors. `raw` is the JSON body as received.
   * `timeoutMs` is the SDK's own timeout for this request, a backstop behind `signal`.
   */
  complete(req: ChatRequest, signal: AbortSignal, timeoutMs?: number): Promise<{ raw: unknown; latencyMs: number }>;
}

/**
 * One provider type for Ollama, NVIDIA NIM, Gemini and Anthropic: the openai SDK pointed at each one's
 * OpenAI-compatible base URL. The SDK's own retries are off so that the chain's retry loop alone decides.
 * Its timeout is only a backstop, set past the budget so that the chain's budget signal always fires first.
 */
export function createOpenAiCompatibleProvider(settings: ProviderSettings): ChatProvider {
  const client = new OpenAI({
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey ?? 'none',
    maxRetries: 0,
    timeout: settings.budgetMs + BACKSTOP_MARGIN_MS,
  });

  return {
    settings,
    async complete(req, signal, timeoutMs) {
      const started = performance.now();
      const body: OpenAI.ChatCompletionCreateParamsNonStreaming = {
        model: settings.model,
        messages: normalizeMessages(req.messages),
        // Never streamed: NIM and Gemini mangle streamed tool calls.
        stream: false,
      };
      if (req.tools && req.tools.length > 0) body.tools = req.tools;
      if (req.temperature !== undefined) body.temperature = req.temperature;
      if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;

      const options: OpenAI.RequestOptions = { signal };
      if (timeoutMs !== undefined) options.timeout = Math.max(1, Math.ceil(timeoutMs + BACKSTOP_MARGIN_MS));
      const response = await client.chat.completions.create(body, options).asResponse();
      const text = await response.text();
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new InvalidProviderResponseError(`not JSON (${text.length} bytes)`);
      }
      return { raw, latencyMs: performance.now() - started };
    },
  };
}
