import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  admitThroughBreaker,
  breakerAfterFailure,
  breakerAfterNeutral,
  breakerAfterSuccess,
  breakerStateAt,
  closedBreaker,
  type Breaker,
  type BreakerOptions,
  type BreakerState,
} from './circuit-breaker.js';
import { costMicroUsd, findModelPrice } from './prices.js';
import { runProviderLink, type ProviderLinkDeps, type Sleep } from './provider-link.js';
import { PROVIDER_NAMES, type ProviderName } from './provider-names.js';
import { createOpenAiCompatibleProvider, type ChatProvider } from './provider.js';
import { safeErrorMessage } from './provider-errors.js';
import { createRateLimiter } from './rate-limit.js';
import {
  ChainCancelledError,
  ChainExhaustedError,
  type ChatAnswer,
  type ChatRequest,
  type ProviderSettings,
  type TriedLink,
} from './types.js';
import { createUsageCounter } from './usage.js';

export interface ProviderStatus {
  name: ProviderName;
  configured: boolean;
  model: string | null;
  /** As seen by this process (breakers are per process). */
  breaker: BreakerState;
  lastLatencyMs: number | null;
  rateRemaining: number | null;
  rateLimit: number | null;
  tokensToday: { prompt: number; completion: number };
  costTodayUsd: number;
  /** false when the model is not in the price table (its cost counts as 0). */
  priced: boolean;
  requestsToday: number;
}

export interface ModelChain {
  /** Tries each link in order; the first answer wins. Throws ChainExhaustedError or ChainCancelledError. */
  complete(links: ProviderName[], req: ChatRequest): Promise<ChatAnswer>;
  snapshot(): Promise<ProviderStatus[]>;
}

export interface ModelChainDeps {
  /** Configured providers only; a provider missing here is skipped as not_configured. */
  providers: ProviderSettings[];
  redis: Redis;
  logger: Logger;
  keyPrefix?: string;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  now?: () => number;
  random?: () => number;
  sleep?: Sleep;
  createProvider?: (settings: ProviderSettings) => ChatProvider;
  /** Told about every HTTP attempt (metrics, tracing). */
  onAttempt?: ProviderLinkDeps['onAttempt'];
}

export function createModelChain(deps: ModelChainDeps): ModelChain {
  const keyPrefix = deps.keyPrefix ?? 'chatops:';
  const now = deps.now ?? Date.now;
  const createProvider = deps.createProvider ?? createOpenAiCompatibleProvider;
  const breakerOptions: BreakerOptions = {
    failureThreshold: deps.breaker?.failureThreshold ?? 3,
    cooldownMs: deps.breaker?.cooldownMs ?? 30_000,
  };
  const rateLimiter = createRateLimiter({ redis: deps.redis, keyPrefix });
  const usage = createUsageCounter({ redis: deps.redis, keyPrefix });
  const linkDeps: ProviderLinkDeps = {
    rateLimiter,
    logger: deps.logger,
    now,
    random: deps.random ?? Math.random,
    sleep: deps.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    maxAttempts: Math.max(1, deps.retry?.maxAttempts ?? 3),
    backoff: { baseDelayMs: deps.retry?.baseDelayMs ?? 250, maxDelayMs: deps.retry?.maxDelayMs ?? 4_000 },
    ...(deps.onAttempt ? { onAttempt: deps.onAttempt } : {}),
  };
  const providers = new Map<ProviderName, ChatProvider>(deps.providers.map((s) => [s.name, createProvider(s)]));
  // Per-process state, owned by this chain instance.
  const breakers: Partial<Record<ProviderName, Breaker>> = {};
  const lastLatencyMs: Partial<Record<ProviderName, number>> = {};

  async function complete(links: ProviderName[], req: ChatRequest): Promise<ChatAnswer> {
    const tried: TriedLink[] = [];
    let attempts = 0;
    for (const name of links) {
      if (req.signal?.aborted) throw new ChainCancelledError(tried);
      const provider = providers.get(name);
      if (!provider) {
        tried.push({ provider: name, outcome: 'not_configured' });
        continue;
      }
      const gate = admitThroughBreaker(breakers[name] ?? closedBreaker(), now(), breakerOptions);
      breakers[name] = gate.breaker;
      if (!gate.admitted) {
        deps.logger.info({ provider: name, outcome: 'breaker_open' }, 'model provider skipped');
        tried.push({ provider: name, outcome: 'breaker_open' });
        continue;
      }

      const budgetMs = req.budgetMs?.[name] ?? provider.settings.budgetMs;
      const result = await runProviderLink(provider, req, budgetMs, attempts + 1, linkDeps);
      attempts += result.attempts;
      const current = breakers[name] ?? closedBreaker();
      if (!result.ok) {
        breakers[name] =
          result.breaker === 'ignore' ? breakerAfterNeutral(current) : breakerAfterFailure(current, now(), breakerOptions, result.breaker);
        tried.push({ provider: name, outcome: result.outcome });
        if (result.cancelled) throw new ChainCancelledError(tried);
        continue;
      }

      breakers[name] = breakerAfterSuccess(current);
      lastLatencyMs[name] = Math.round(result.latencyMs);
      tried.push({ provider: name, outcome: 'ok' });
      const model = result.parsed.model ?? provider.settings.model;
      const price = findModelPrice(name, model) ?? findModelPrice(name, provider.settings.model);
      const { promptTokens, completionTokens } = result.parsed;
      const cost = costMicroUsd(price, promptTokens, completionTokens);
      await recordUsage(name, { promptTokens, completionTokens, requests: 1, costMicroUsd: cost });
      return {
        provider: name,
        model,
        attempts,
        latencyMs: result.latencyMs,
        raw: result.raw,
        message: result.parsed.message,
        finishReason: result.parsed.finishReason,
        usage: { promptTokens, completionTokens, costUsd: cost / 1_000_000 },
        tried,
      };
    }
    throw new ChainExhaustedError(tried);
  }

  /** An answer in hand is worth more than its bookkeeping: a Redis failure here is logged, not thrown. */
  async function recordUsage(name: ProviderName, delta: Parameters<typeof usage.record>[2]): Promise<void> {
    try {
      await usage.record(name, now(), delta);
    } catch (error) {
      deps.logger.warn({ provider: name, error: safeErrorMessage(error, undefined) }, 'usage not recorded');
    }
  }

  async function snapshot(): Promise<ProviderStatus[]> {
    const at = now();
    return Promise.all(
      PROVIDER_NAMES.map(async (name): Promise<ProviderStatus> => {
        const settings = providers.get(name)?.settings ?? null;
        const rateLimit = settings?.limitPerMinute ?? null;
        const [today, rateRemaining] = await Promise.all([
          usage.read(name, at),
          rateLimit === null ? Promise.resolve(null) : rateLimiter.remaining(name, rateLimit, at),
        ]);
        return {
          name,
          configured: settings !== null,
          model: settings?.model ?? null,
          breaker: breakerStateAt(breakers[name] ?? closedBreaker(), at, breakerOptions),
          lastLatencyMs: lastLatencyMs[name] ?? null,
          rateRemaining,
          rateLimit,
          tokensToday: { prompt: today.promptTokens, completion: today.completionTokens },
          costTodayUsd: today.costMicroUsd / 1_000_000,
          priced: settings !== null && findModelPrice(name, settings.model) !== null,
          requestsToday: today.requests,
        };
      }),
    );
  }

  return { complete, snapshot };
}
