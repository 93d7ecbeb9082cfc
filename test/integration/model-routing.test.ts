import { afterEach, describe, expect, it } from 'vitest';
import { chatCompletion, openAiError, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(name: string, content: string) {
  const server = await startFakeOpenAiServer();
  server.respondWith(() => ({ json: chatCompletion({ content, model: name }) }));
  servers.push(server);
  return server;
}

function bodyOf(server: FakeOpenAiServer, i = 0): { model: string; messages: { role: string; content: string }[]; tools?: unknown[] } {
  return server.chatRequests()[i].body as never;
}

describe('routing free text to models through the bot', () => {
  it("with only Gemini configured, a chat message is answered by that server, in the user's language", async () => {
    const gemini = await fake('gemini-2.5-flash', 'HPA 會依照負載自動調整副本數。');
    harness = await startHarness({ env: { GEMINI_BASE_URL: gemini.baseUrl, GEMINI_API_KEY: 'test-gemini-key' } });
    const reply = await harness.say('什麼是 HPA?', { languageCode: 'zh-hant' });
    expect(reply.plainText).toContain('HPA 會依照負載自動調整副本數。');
    expect(reply.plainText).toContain('gemini');
    const body = bodyOf(gemini);
    expect(body.model).toBe('gemini-2.5-flash');
    expect(body.messages[0].content).toContain('Traditional Chinese');
    expect(gemini.chatRequests()[0].headers.authorization).toBe('Bearer test-gemini-key');
    expect(harness.emulator.chatActions(ALICE)).toContain('typing');
    expect(harness.logs.join('\n')).not.toContain('test-gemini-key');
  });

  it('with Ollama failing, the same message is answered by Gemini', async () => {
    const ollama = await startFakeOpenAiServer();
    ollama.respondWith(() => openAiError(500, 'model crashed'));
    servers.push(ollama);
    const gemini = await fake('gemini-2.5-flash', 'Good morning! How can I help?');
    harness = await startHarness({
      env: { OLLAMA_BASE_URL: ollama.baseUrl, OLLAMA_MODEL: 'llama3.2', GEMINI_BASE_URL: gemini.baseUrl, GEMINI_API_KEY: 'k' },
    });
    const reply = await harness.say('good morning!');
    expect(reply.plainText).toContain('Good morning! How can I help?');
    expect(ollama.chatRequests().length).toBeGreaterThan(0);
    expect(gemini.chatRequests()).toHaveLength(1);
  });

  it('remembers the last turns so a follow-up carries its context', async () => {
    const gemini = await fake('gemini-2.5-flash', 'A Deployment manages ReplicaSets.');
    harness = await startHarness({ env: { GEMINI_BASE_URL: gemini.baseUrl, GEMINI_API_KEY: 'k' } });
    await harness.say('what is a deployment in kubernetes?');
    await harness.say('and how does it differ from a statefulset?');
    const second = bodyOf(gemini, 1).messages.map((m) => m.content);
    expect(second).toContain('what is a deployment in kubernetes?');
    expect(second).toContain('A Deployment manages ReplicaSets.');
  });

  it('never sends cluster work to a chat model: it goes to the worker with tools', async () => {
    const ollama = await fake('llama3.2', 'chat answer');
    const nvidia = await startFakeOpenAiServer();
    nvidia.respondWith((_body, n) =>
      n === 1
        ? { json: chatCompletion({ content: '<TOOLCALL>[{"name": "list_pods", "arguments": {"namespace": "prod"}}]</TOOLCALL>' }) }
        : { json: chatCompletion({ content: 'prod has the api, web and worker pods.' }) },
    );
    servers.push(nvidia);
    harness = await startHarness({
      env: { OLLAMA_BASE_URL: ollama.baseUrl, OLLAMA_MODEL: 'llama3.2', NVIDIA_BASE_URL: nvidia.baseUrl, NVIDIA_API_KEY: 'nvapi-test' },
    });
    const ack = await harness.say('list pods in prod');
    expect(ack.plainText).toMatch(/^⏳ #/);
    const done = await harness.emulator.waitFor(() => {
      const m = harness!.emulator.messages(ALICE).find((x) => x.messageId === ack.messageId);
      return m && !m.plainText.startsWith('⏳') ? m : undefined;
    });
    expect(done.plainText).toContain('prod has the api, web and worker pods.');
    expect(ollama.chatRequests()).toHaveLength(0);
    expect(bodyOf(nvidia).tools?.length).toBeGreaterThan(0);
    expect(bodyOf(nvidia).model).toBe('nvidia/nemotron-mini-4b-instruct');
  });

  it('says which provider to configure when a question has no model', async () => {
    harness = await startHarness();
    const reply = await harness.say('what is an HPA?');
    expect(reply.plainText).toContain('OLLAMA_MODEL');
    expect(reply.plainText).toContain('GEMINI_API_KEY');
    expect(reply.plainText).toContain('ANTHROPIC_API_KEY');
  });

  it('answers questions about the bot itself from the status snapshot, with no model', async () => {
    const gemini = await fake('gemini-2.5-flash', 'should not be used');
    harness = await startHarness({ env: { GEMINI_BASE_URL: gemini.baseUrl, GEMINI_API_KEY: 'k' } });
    const reply = await harness.say('佇列裡有幾個任務?', { languageCode: 'zh-hant' });
    expect(reply.plainText).toContain('佇列：');
    expect(reply.plainText).toContain('gemini');
    expect(gemini.chatRequests()).toHaveLength(0);
  });
});
