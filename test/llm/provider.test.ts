import { APIError, APIUserAbortError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleProvider } from '../../src/llm/provider.js';
import { InvalidProviderResponseError } from '../../src/llm/provider-errors.js';
import type { ChatMessage } from '../../src/llm/types.js';
import { chatCompletion, fakeToolCall, openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { settingsFor } from './helpers.js';

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const noCancel = () => new AbortController().signal;

describe('createOpenAiCompatibleProvider', () => {
  it('posts the model, messages, tools and limits to <baseUrl>/chat/completions with the bearer key, unstreamed', async () => {
    const provider = createOpenAiCompatibleProvider(
      settingsFor('gemini', server.baseUrl, { apiKey: 'gem-key', model: 'gemini-2.5-flash' }),
    );
    const tools = [{ type: 'function' as const, function: { name: 'list_pods', parameters: { type: 'object', properties: {} } } }];
    await provider.complete({ messages: [{ role: 'user', content: 'hi' }], tools, temperature: 0.2, maxTokens: 64 }, noCancel());
    const [request] = server.chatRequests();
    expect(request?.headers.authorization).toBe('Bearer gem-key');
    expect(request?.body).toEqual({
      model: 'gemini-2.5-flash',
      messages: [{ role: 'user', content: 'hi' }],
      tools,
      temperature: 0.2,
      max_tokens: 64,
      stream: false,
    });
  });

  it('works for a keyless provider such as Ollama', async () => {
    const { apiKey: _unused, ...settings } = settingsFor('ollama', server.baseUrl);
    await createOpenAiCompatibleProvider(settings).complete({ messages: [{ role: 'user', content: 'hi' }] }, noCancel());
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('sends a tool-calling assistant turn with content null and its provider fields intact', async () => {
    const call = fakeToolCall('list_pods', {}, { extra: { extra_content: { google: { thought_signature: 'c2ln' } } } });
    // Cast: extra_content is outside the SDK's param type; providers need it back as sent.
    const history = [
      { role: 'user', content: 'list pods' },
      { role: 'assistant', content: '', tool_calls: [call] },
      { role: 'tool', tool_call_id: call.id, content: '[]' },
    ] as unknown as ChatMessage[];
    await createOpenAiCompatibleProvider(settingsFor('nvidia', server.baseUrl)).complete({ messages: history }, noCancel());
    const sent = server.chatRequests()[0]?.body as { messages: unknown[] };
    expect(sent.messages[1]).toEqual({ role: 'assistant', content: null, tool_calls: [call] });
  });

  it('returns the body exactly as received', async () => {
    const body = { ...chatCompletion({ content: 'x' }), nvext: { timing: 1 } };
    server.respondWith(() => ({ json: body }));
    const { raw, latencyMs } = await createOpenAiCompatibleProvider(settingsFor('nvidia', server.baseUrl)).complete(
      { messages: [{ role: 'user', content: 'hi' }] },
      noCancel(),
    );
    expect(raw).toEqual(body);
    expect(latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('never retries on its own: one 500 is one request and an APIError', async () => {
    server.respondWith(() => openAiError(500, 'fake failure'));
    const provider = createOpenAiCompatibleProvider(settingsFor('gemini', server.baseUrl));
    await expect(provider.complete({ messages: [{ role: 'user', content: 'hi' }] }, noCancel())).rejects.toBeInstanceOf(APIError);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('rejects a 200 that is not JSON as an invalid response', async () => {
    server.respondWith(() => ({ text: 'not json' }));
    const provider = createOpenAiCompatibleProvider(settingsFor('gemini', server.baseUrl));
    await expect(provider.complete({ messages: [{ role: 'user', content: 'hi' }] }, noCancel())).rejects.toBeInstanceOf(
      InvalidProviderResponseError,
    );
  });

  it('stops a hung request when the signal aborts', async () => {
    server.respondWith(() => ({ hangMs: Infinity }));
    const provider = createOpenAiCompatibleProvider(settingsFor('gemini', server.baseUrl, { budgetMs: 60_000 }));
    const pending = provider.complete({ messages: [{ role: 'user', content: 'hi' }] }, AbortSignal.timeout(50));
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
