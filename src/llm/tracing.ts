import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ModelChain } from './chain.js';
import type { ProviderName } from './provider-names.js';
import type { ChatRequest } from './types.js';

/**
 * Optional Langfuse tracing of model calls: every chain call becomes one generation, sent in batches to the
 * public ingestion API. Tracing never slows or fails a call: events queue in memory and a failed send is dropped
 * with one warning.
 */
export interface LangfuseSettings {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
}

export interface Tracer {
  generation(event: {
    name: string;
    model: string;
    provider: string;
    input: unknown;
    output: unknown;
    startTime: Date;
    endTime: Date;
    usage?: { input: number; output: number };
    level?: 'DEFAULT' | 'ERROR';
    statusMessage?: string;
  }): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createLangfuseTracer(
  settings: LangfuseSettings,
  logger: Logger,
  options: { flushEveryMs?: number; fetch?: typeof fetch } = {},
): Tracer {
  const doFetch = options.fetch ?? fetch;
  const queue: unknown[] = [];
  let warned = false;
  const auth = `Basic ${Buffer.from(`${settings.publicKey}:${settings.secretKey}`).toString('base64')}`;
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/api/public/ingestion`;

  async function flush(): Promise<void> {
    if (queue.length === 0) return;
    const batch = queue.splice(0, queue.length);
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ batch }),
        signal: AbortSignal.timeout(5000),
      });
      await res.body?.cancel();
      if (res.status >= 400) throw new Error(`Langfuse answered HTTP ${res.status}`);
      warned = false;
    } catch (error) {
      if (!warned)
        logger.warn(
          { err: error instanceof Error ? error.message : String(error), dropped: batch.length },
          'could not send traces to Langfuse; dropping them',
        );
      warned = true;
    }
  }
  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 2000);
  timer.unref();

  return {
    generation(e) {
      const traceId = randomUUID();
      const timestamp = e.endTime.toISOString();
      queue.push(
        {
          id: randomUUID(),
          type: 'trace-create',
          timestamp,
          body: { id: traceId, name: e.name, timestamp: e.startTime.toISOString(), metadata: { provider: e.provider } },
        },
        {
          id: randomUUID(),
          type: 'generation-create',
          timestamp,
          body: {
            id: randomUUID(),
            traceId,
            name: e.name,
            model: e.model,
            input: e.input,
            output: e.output,
            startTime: e.startTime.toISOString(),
            endTime: timestamp,
            ...(e.usage ? { usage: { input: e.usage.input, output: e.usage.output, unit: 'TOKENS' } } : {}),
            ...(e.level ? { level: e.level } : {}),
            ...(e.statusMessage ? { statusMessage: e.statusMessage } : {}),
            metadata: { provider: e.provider },
          },
        },
      );
      // Bounded: a Langfuse outage must not grow memory without end.
      if (queue.length > 2000) queue.splice(0, queue.length - 2000);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** The same chain, with each call reported to the tracer. */
export function tracedChain(chain: ModelChain, tracer: Tracer): ModelChain {
  return {
    snapshot: () => chain.snapshot(),
    async complete(links: ProviderName[], req: ChatRequest) {
      const startTime = new Date();
      try {
        const answer = await chain.complete(links, req);
        tracer.generation({
          name: 'chat',
          model: answer.model,
          provider: answer.provider,
          input: req.messages,
          output: answer.message,
          startTime,
          endTime: new Date(),
          usage: { input: answer.usage.promptTokens, output: answer.usage.completionTokens },
        });
        return answer;
      } catch (error) {
        tracer.generation({
          name: 'chat',
          model: '-',
          provider: links.join('>'),
          input: req.messages,
          output: null,
          startTime,
          endTime: new Date(),
          level: 'ERROR',
          statusMessage: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    },
  };
}
