import { afterEach, describe, expect, it } from 'vitest';
import type { Readiness } from '../../src/metrics/http-server.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
let model: FakeOpenAiServer | undefined;
afterEach(async () => {
  await harness?.stop();
  await model?.close();
  harness = undefined;
  model = undefined;
});

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, text: await res.text() };
};

describe('health and metrics endpoints', () => {
  it('answer /healthz, /readyz (Redis and polling) and /metrics with what happened', async () => {
    model = await startFakeOpenAiServer();
    model.respondWith(() => ({ json: chatCompletion({ content: 'hello there', usage: { prompt_tokens: 12, completion_tokens: 3 } }) }));
    harness = await startHarness({ env: { GEMINI_BASE_URL: model.baseUrl, GEMINI_API_KEY: 'k' } });
    const port = harness.app.metricsPort;
    expect(await get(port, '/healthz')).toEqual({ status: 200, text: 'ok\n' });
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, checks: { redis: 'ok', telegram: 'polling' } });

    await harness.say('/status');
    await harness.say('good morning!');
    await harness.say('restart api in prod');
    const metrics = (await get(port, '/metrics')).text;
    expect(metrics).toMatch(/chatops_updates_total\{kind="message"\} 3/);
    expect(metrics).toMatch(/chatops_handler_seconds_count\{handler="status",ok="true"\} 1/);
    expect(metrics).toMatch(/chatops_provider_calls_total\{provider="gemini",outcome="ok"\} 1/);
    expect(metrics).toMatch(/chatops_tokens_today\{provider="gemini",kind="prompt"\} 12/);
    expect(metrics).toMatch(/chatops_provider_breaker_state\{provider="gemini"\} 0/);
    expect(metrics).toMatch(/chatops_jobs\{queue="agent",state="\w+"\} \d+/);
    expect(metrics).toMatch(/chatops_approvals_today\{outcome="pending"\} \d+/);
    expect((await get(port, '/nope')).status).toBe(404);
  });

  it('reports not ready while the bot has stopped polling', async () => {
    harness = await startHarness({ role: 'bot' });
    await harness.app.polling!.stop(500);
    const ready = await get(harness.app.metricsPort, '/readyz');
    expect(ready.status).toBe(503);
    expect((JSON.parse(ready.text) as Readiness).checks.telegram).toBe('stopped');
  });
});

describe('a metrics port already in use', () => {
  it('does not stop the process; it says so in one log line', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      harness = await startHarness({ role: 'bot', env: { METRICS_PORT: String(port) } });
      expect(harness.app.metricsPort).toBe(-1);
      expect(harness.logs.some((l) => l.includes('METRICS_PORT is in use'))).toBe(true);
      expect((await harness.say('/help')).plainText).toContain('What I can do');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
