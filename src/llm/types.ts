import type OpenAI from 'openai';
import type { ProviderName } from './provider-names.js';

/** One configured model provider (an OpenAI-compatible endpoint). */
export interface ProviderSettings {
  name: ProviderName;
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Whole time allowed on this provider for one call, retries included. */
  budgetMs: number;
  /** Requests per minute across all processes; null = unlimited. */
  limitPerMinute: number | null;
}

export type ChatMessage = OpenAI.ChatCompletionMessageParam;

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: OpenAI.ChatCompletionTool[];
  temperature?: number;
  maxTokens?: number;
  /** The caller's overall cancel (e.g. /cancel): stops the whole chain at once. */
  signal?: AbortSignal;
  /** Per-call budget overrides; a provider not named keeps its configured budget. */
  budgetMs?: Partial<Record<ProviderName, number>>;
}

/** What happened on one link of the chain (for logs, /status and the answer footer). */
export interface TriedLink {
  provider: ProviderName;
  outcome: string;
}

export interface ChatAnswer {
  provider: ProviderName;
  model: string;
  /** HTTP requests sent across the whole chain, failed ones included. */
  attempts: number;
  /** Time for the successful request alone. */
  latencyMs: number;
  /** The provider's chat.completion body exactly as received, for the tool-call parser. */
  raw: unknown;
  message: { content: string | null; tool_calls?: unknown[] };
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number; costUsd: number };
  tried: TriedLink[];
}

/** Every link of the chain failed or was skipped. */
export class ChainExhaustedError extends Error {
  readonly tried: TriedLink[];
  constructor(tried: TriedLink[]) {
    const summary = tried.map((t) => `${t.provider}: ${t.outcome}`).join(', ') || 'no links';
    super(`every model provider failed or was skipped (${summary})`);
    this.name = 'ChainExhaustedError';
    this.tried = tried;
  }
}

/** The caller's signal aborted the chain; nothing more was tried. */
export class ChainCancelledError extends Error {
  readonly tried: TriedLink[];
  constructor(tried: TriedLink[]) {
    super('model call cancelled by the caller');
    this.name = 'ChainCancelledError';
    this.tried = tried;
  }
}
