import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { backoffDelayMs, type BackoffOptions } from './backoff.js';
import { parseChatCompletionBody, type ParsedCompletion } from './chat-completion-body.js';
import { classifyProviderError, type BreakerEffect } from './error-classification.js';
import type { ChatProvider } from './provider.js';
import { safeErrorMessage } from './provider-errors.js';
import type { RateLimiter } from './rate-limit.js';
import type { ChatRequest } from './types.js';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ProviderLinkDeps {
  rateLimiter: RateLimiter;
  logger: Logger;
  now: () => number;
  random: () => number;
  sleep: Sleep;
  maxAttempts: number;
  backoff: BackoffOptions;
  /** Told about every HTTP attempt (for metrics and tracing); must not throw. */
  onAttempt?: (attempt: AttemptEvent) => void;
}

export interface AttemptEvent {
  provider: string;
  model: string;
  outcome: string;
  latencyMs: number;
  status?: number;
}

export type ProviderLinkResult =
  | { ok: true; raw: unknown; parsed: ParsedCompletion; latencyMs: number; attempts: number }
  | { ok: false; outcome: string; breaker: BreakerEffect; cancelled: boolean; attempts: number };

const BREAKER_WEIGHT: Record<BreakerEffect, number> = { ignore: 0, count: 1, trip: 2 };

/**
 * One provider's turn in the chain: up to maxAttempts requests with backoff, all inside one budget that an
 * AbortSignal enforces (the request in flight is cancelled when it runs out). A rate-limited provider is given
 * up at once rather than waited on; so is a Retry-After longer than the budget left.
 */
export async function runProviderLink(
  provider: ChatProvider,
  req: ChatRequest,
  budgetMs: number,
  firstAttemptNumber: number,
  deps: ProviderLinkDeps,
): Promise<ProviderLinkResult> {
  const { name, model, limitPerMinute, apiKey } = provider.settings;
  const budget = new AbortController();
  const budgetTimer = setTimeout(() => budget.abort(new Error('provider budget exhausted')), budgetMs);
  const signal = req.signal ? AbortSignal.any([budget.signal, req.signal]) : budget.signal;
  const started = performance.now();
  let attempts = 0;
  let outcome = 'not_tried';
  let breaker: BreakerEffect = 'ignore';
  const failed = (cancelled: boolean): ProviderLinkResult => ({ ok: false, outcome, breaker, cancelled, attempts });

  try {
    for (let linkAttempt = 1; linkAttempt <= deps.maxAttempts; linkAttempt++) {
      if (req.signal?.aborted) return failed(true);
      if (limitPerMinute !== null) {
        const admitted = await acquireRateSlot(provider, limitPerMinute, deps);
        if (!admitted) {
          outcome = 'rate_limited';
          return failed(false);
        }
      }
      attempts++;
      const attemptStarted = performance.now();
      try {
        const budgetLeftMs = budgetMs - (performance.now() - started);
        const { raw, latencyMs } = await provider.complete(req, signal, budgetLeftMs);
        const parsed = parseChatCompletionBody(raw);
        deps.logger.info(
          { provider: name, model, attempt: firstAttemptNumber + attempts - 1, outcome: 'ok', latencyMs: round(latencyMs) },
          'model attempt',
        );
        deps.onAttempt?.({ provider: name, model, outcome: 'ok', latencyMs });
        return { ok: true, raw, parsed, latencyMs, attempts };
      } catch (error) {
        const latencyMs = round(performance.now() - attemptStarted);
        const attempt = firstAttemptNumber + attempts - 1;
        if (req.signal?.aborted) {
          outcome = 'cancelled';
          deps.logger.info({ provider: name, model, attempt, outcome, latencyMs }, 'model attempt');
          deps.onAttempt?.({ provider: name, model, outcome, latencyMs });
          return failed(true);
        }
        if (budget.signal.aborted) {
          outcome = 'budget_exceeded';
          breaker = 'count';
          deps.logger.warn({ provider: name, model, attempt, outcome, budgetMs, latencyMs }, 'model attempt');
          deps.onAttempt?.({ provider: name, model, outcome, latencyMs });
          return failed(false);
        }
        const classified = classifyProviderError(error, deps.now());
        outcome = classified.outcome;
        if (BREAKER_WEIGHT[classified.breaker] > BREAKER_WEIGHT[breaker]) breaker = classified.breaker;
        deps.logger.warn(
          {
            provider: name,
            model,
            attempt,
            outcome,
            status: classified.status,
            latencyMs,
            error: safeErrorMessage(error, apiKey),
          },
          'model attempt',
        );
        deps.onAttempt?.({
          provider: name,
          model,
          outcome,
          latencyMs,
          ...(typeof classified.status === 'number' ? { status: classified.status } : {}),
        });
        if (!classified.retryable || linkAttempt === deps.maxAttempts) return failed(false);

        const delayMs = classified.retryAfterMs ?? backoffDelayMs(linkAttempt, deps.backoff, deps.random);
        if (delayMs >= budgetMs - (performance.now() - started)) return failed(false);
        try {
          await deps.sleep(delayMs, signal);
        } catch {
          if (req.signal?.aborted) return failed(true);
          outcome = 'budget_exceeded';
          breaker = 'count';
          return failed(false);
        }
      }
    }
    return failed(false);
  } finally {
    clearTimeout(budgetTimer);
  }
}

/** Redis trouble must not silence the bot: the provider's own 429 remains the backstop, so let it through. */
async function acquireRateSlot(provider: ChatProvider, limit: number, deps: ProviderLinkDeps): Promise<boolean> {
  const { name } = provider.settings;
  try {
    const decision = await deps.rateLimiter.tryAcquire(name, limit, deps.now());
    if (!decision.admitted) {
      deps.logger.info({ provider: name, outcome: 'rate_limited', retryInMs: decision.retryInMs }, 'model provider skipped');
    }
    return decision.admitted;
  } catch (error) {
    deps.logger.warn({ provider: name, error: safeErrorMessage(error, undefined) }, 'rate limit check failed; letting the request through');
    return true;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
