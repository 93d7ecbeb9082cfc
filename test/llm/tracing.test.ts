import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLangfuseTracer, tracedChain } from '../../src/llm/tracing.js';
import type { ModelChain } from '../../src/llm/chain.js';
import { captureLogger } from '../support/log-capture.js';

/** The part of a Langfuse ingestion request the tests read. */
interface IngestionBody {
  batch: { type: string; body: Record<string, unknown> }[];
}

/** A fake Langfuse ingestion endpoint on 127.0.0.1 that records each batch. */
async function fakeLangfuse(status = 207) {
  const batches: { auth: string | undefined; body: IngestionBody }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      batches.push({ auth: req.headers.authorization, body: JSON.parse(raw) as IngestionBody });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { baseUrl: `http://127.0.0.1:${port}`, batches, close: () => new Promise((r) => server.close(r)) };
}

const fakeChain: ModelChain = {
  snapshot: async () => [],
  complete: async () => ({
    provider: 'gemini',
    model: 'gemini-2.5-flash',
    attempts: 1,
    latencyMs: 5,
    raw: {},
    message: { content: 'hi' },
    finishReason: 'stop',
    usage: { promptTokens: 10, completionTokens: 2, costUsd: 0 },
    tried: [],
  }),
};

describe('Langfuse tracing of model calls', () => {
  it('sends one trace and one generation per call, with model, usage and basic auth', async () => {
    const langfuse = await fakeLangfuse();
    const { logger } = captureLogger();
    const tracer = createLangfuseTracer({ baseUrl: langfuse.baseUrl, publicKey: 'pk-lf-1', secretKey: 'sk-lf-1' }, logger, {
      flushEveryMs: 60_000,
    });
    await tracedChain(fakeChain, tracer).complete(['gemini'], { messages: [{ role: 'user', content: 'hello' }] });
    await tracer.close();
    expect(langfuse.batches).toHaveLength(1);
    const [batch] = langfuse.batches;
    expect(batch.auth).toBe(`Basic ${Buffer.from('pk-lf-1:sk-lf-1').toString('base64')}`);
    expect(batch.body.batch.map((e) => e.type)).toEqual(['trace-create', 'generation-create']);
    expect(batch.body.batch[1].body).toMatchObject({
      model: 'gemini-2.5-flash',
      usage: { input: 10, output: 2 },
      output: { content: 'hi' },
    });
    await langfuse.close();
  });

  it('never fails the call when Langfuse is down, and warns once', async () => {
    const { logger, lines } = captureLogger();
    const tracer = createLangfuseTracer({ baseUrl: 'http://127.0.0.1:9', publicKey: 'p', secretKey: 's' }, logger, {
      flushEveryMs: 60_000,
    });
    const chain = tracedChain(fakeChain, tracer);
    await chain.complete(['gemini'], { messages: [] });
    await tracer.flush();
    await chain.complete(['gemini'], { messages: [] });
    await tracer.close();
    expect(lines.filter((l) => l.includes('could not send traces to Langfuse'))).toHaveLength(1);
  });
});
