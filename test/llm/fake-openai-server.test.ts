import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletion, fakeToolCall, openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await startFakeOpenAiServer({ models: ['fake-nemotron', 'fake-llama'] });
});
afterEach(async () => {
  await server.close();
});

function client(): OpenAI {
  return new OpenAI({ baseURL: server.baseUrl, apiKey: 'fake', maxRetries: 0 });
}

describe('the fake OpenAI-compatible server', () => {
  it('lists its models on GET /v1/models, as a doctor check expects', async () => {
    const page = await client().models.list();
    expect(page.data.map((m) => m.id)).toEqual(['fake-nemotron', 'fake-llama']);
  });

  it('can make /v1/models fail', async () => {
    server.respondToModelsWith(openAiError(401, 'fake: bad key'));
    await expect(client().models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('answers chat completions as scripted, numbering the requests from 1', async () => {
    server.respondWith((_body, n) => ({ json: chatCompletion({ content: `reply ${n}` }) }));
    const first = await client().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'a' }] });
    const second = await client().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'b' }] });
    expect([first.choices[0]?.message.content, second.choices[0]?.message.content]).toEqual(['reply 1', 'reply 2']);
    expect(server.chatRequests().map((r) => r.body)).toEqual([
      { model: 'm', messages: [{ role: 'user', content: 'a' }] },
      { model: 'm', messages: [{ role: 'user', content: 'b' }] },
    ]);
  });

  it('builds tool-call replies with null content and finish_reason tool_calls', () => {
    const body = chatCompletion({ tool_calls: [fakeToolCall('scale_deployment', { name: 'web', replicas: 5 }, { id: 'call_1' })] });
    expect(body).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'scale_deployment', arguments: '{"name":"web","replicas":5}' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
  });

  it('answers an unknown route with a 404 in OpenAI error shape', async () => {
    const response = await fetch(`${server.baseUrl}/embeddings`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });

  it('records a request that it never answers, and close() ends it', async () => {
    server.respondWith(() => ({ hangMs: Infinity }));
    const pending = fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', body: '{"model":"m"}' }).catch((e: unknown) => e);
    await expect.poll(() => server.chatRequests().length).toBe(1);
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
    server = await startFakeOpenAiServer(); // afterEach closes it
  });
});
