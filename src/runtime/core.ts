import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createTranslator, type Translate } from '../i18n/translator.js';
import { createChatMemory, type ChatMemory } from '../chat/memory.js';
import type { Config } from '../config.js';
import { createModelChain, type ModelChain } from '../llm/chain.js';
import { createLangfuseTracer, tracedChain } from '../llm/tracing.js';
import type { ProviderName } from '../llm/provider-names.js';
import { createRedis, waitForRedis } from '../redis.js';
import { createMetrics, type Metrics, type ScrapeSources } from '../metrics/registry.js';
import type { Registry } from 'prom-client';
import { routeTask, type Route } from '../routing/router.js';
import type { TaskLabel } from '../routing/tasks.js';

/** The parts every role shares: Redis, the model chain, translations, chat memory, routing. */
export interface Core {
  config: Config;
  metrics: Metrics;
  /** Filled in by the roles; read when /metrics is scraped. */
  scrape: ScrapeSources;
  registry: Registry;
  logger: Logger;
  redis: Redis;
  chain: ModelChain;
  memory: ChatMemory;
  t: Translate;
  route: (task: TaskLabel) => Route;
  startedAt: number;
  close(): Promise<void>;
}

export async function createCore(config: Config, logger: Logger, name: string, redisTimeoutMs = 10_000): Promise<Core> {
  const redis = createRedis(config.redis.url, logger, name);
  try {
    await waitForRedis(redis, redisTimeoutMs);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const configured = new Set<ProviderName>(config.providers.map((p) => p.name));
  const scrape: ScrapeSources = {};
  const { registry, metrics } = createMetrics(scrape);
  const baseChain = createModelChain({
    providers: config.providers,
    redis,
    logger,
    keyPrefix: config.redis.keyPrefix,
    onAttempt: (a) => metrics.providerAttempt(a.provider, a.outcome),
  });
  const tracer = config.langfuse ? createLangfuseTracer(config.langfuse, logger) : undefined;
  if (tracer) logger.info({ langfuse: config.langfuse?.baseUrl }, 'tracing model calls to Langfuse');
  const chain = tracer ? tracedChain(baseChain, tracer) : baseChain;
  scrape.providers = () => chain.snapshot();
  return {
    config,
    metrics,
    scrape,
    registry,
    logger,
    redis,
    chain,
    memory: createChatMemory(redis, config.redis.keyPrefix),
    t: createTranslator(),
    route: (task) => routeTask(task, configured),
    startedAt: Date.now(),
    async close() {
      await tracer?.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
