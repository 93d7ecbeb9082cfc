import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { acksFor, finishedAck } from './answers.js';
import { reportFault, tallyDelivery } from './fault-report.js';

const TELEGRAM_LIMIT = 4096;

let harness: Harness | undefined;
const servers: FakeOpenAiServer[] = [];
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The last user message of a chat-completion request, as the fake model sees it. */
function lastUserText(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: unknown }[] }).messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

/** A fake chat model: answers with `answer(question)`. */
async function fakeModel(answer: (question: string) => string): Promise<FakeOpenAiServer> {
  const server = await startFakeOpenAiServer();
  server.respondWith((body) => ({ json: chatCompletion({ content: answer(lastUserText(body)) }) }));
  servers.push(server);
  return server;
}

/** Numbered lines, so a lost or repeated piece of a split answer shows up line by line. */
function longAnswer(chars: number): { text: string; lines: string[] } {
  const lines: string[] = [];
  for (let i = 1; lines.join('\n').length < chars; i++)
    lines.push(`line ${String(i).padStart(4, '0')}: the quick brown fox jumps over the lazy dog`);
  return { text: lines.join('\n'), lines };
}

/** Every numbered line found in the messages, in the order they were sent. */
function linesIn(texts: string[]): string[] {
  return texts
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^line \d{4}:/.test(l));
}

const ollamaEnv = (server: FakeOpenAiServer) => ({ OLLAMA_BASE_URL: server.baseUrl, OLLAMA_MODEL: 'llama3.2' });

describe('fault matrix: oversized messages and a flood', () => {
  it('serves a 10,000-character chat message', async () => {
    const model = await fakeModel((q) => `You wrote ${q.length} characters.`);
    const h = (harness = await startHarness({ role: 'bot', env: ollamaEnv(model) }));
    const text = `hello ${'lorem ipsum '.repeat(1000)}`.slice(0, 10_000);
    const reply = await h.say(text);
    const tally = reportFault('oversized message in (chat)', {
      lost: /You wrote \d+ characters/.test(reply.plainText) ? 0 : 1,
      duplicated: Math.max(0, h.emulator.messages(ALICE).length - 1),
    });

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(model.chatRequests()).toHaveLength(1);
  });

  it('serves or politely refuses a 10,000-character request for cluster work, leaving no ack hanging', async () => {
    const h = (harness = await startHarness());
    const text = `list pods in prod ${'please '.repeat(2000)}`.slice(0, 10_000);
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text, languageCode: 'en' });
    // Served: the ack gets the answer. Refused politely: a reply that is neither an ack nor an error.
    const outcome = () => finishedAck(h, ALICE, messageId) ?? h.emulator.messages(ALICE).find((m) => !m.plainText.startsWith('⏳'));
    await h.emulator.waitFor(outcome, 15_000).catch(() => undefined);
    // Give a worker that got the job time to answer it, so an ack left "⏳" is really left.
    await h.emulator.waitFor(() => acksFor(h, ALICE, messageId).every((a) => !a.plainText.startsWith('⏳')), 5_000).catch(() => undefined);
    const hanging = acksFor(h, ALICE, messageId).filter((a) => a.plainText.startsWith('⏳'));
    const errors = h.emulator.messages(ALICE).filter((m) => /went wrong/.test(m.plainText));
    const tally = reportFault('oversized message in (cluster work)', {
      lost: outcome() && hanging.length === 0 && errors.length === 0 ? 0 : 1,
      duplicated: Math.max(0, acksFor(h, ALICE, messageId).length - 1),
    });

    expect(
      hanging.map((a) => a.plainText),
      'acks still saying "working on it"',
    ).toEqual([]);
    expect(
      errors.map((m) => m.plainText),
      'error replies',
    ).toEqual([]);
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
  });

  it('splits a 10,000-character model answer into messages under 4,096 characters, losing and repeating nothing', async () => {
    const { text, lines } = longAnswer(10_000);
    const model = await fakeModel(() => text);
    const h = (harness = await startHarness({ role: 'bot', env: ollamaEnv(model) }));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'good morning!', languageCode: 'en' });
    await h.emulator
      .waitFor(() => linesIn(h.emulator.messages(ALICE).map((m) => m.plainText)).length >= lines.length, 10_000)
      .catch(() => undefined);
    const parts = h.emulator.messages(ALICE);
    const tally = reportFault('oversized reply out (chat)', tallyDelivery(lines, linesIn(parts.map((m) => m.plainText))));

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
    expect(linesIn(parts.map((m) => m.plainText))).toEqual(lines);
  });

  it('splits a 10,000-character answer from the worker: the ack holds the start, the rest follows in order', async () => {
    const { text, lines } = longAnswer(10_000);
    const nemotron = await startFakeOpenAiServer();
    servers.push(nemotron);
    nemotron.respondWith(() => ({ json: chatCompletion({ content: text }) }));
    const h = (harness = await startHarness({ env: { NVIDIA_BASE_URL: nemotron.baseUrl, NVIDIA_API_KEY: 'fault-nvidia-key' } }));
    const { messageId } = h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'list pods in prod', languageCode: 'en' });
    await h.emulator
      .waitFor(() => linesIn(h.emulator.messages(ALICE).map((m) => m.plainText)).length >= lines.length, 15_000)
      .catch(() => undefined);
    const parts = h.emulator.messages(ALICE);
    const tally = reportFault('oversized reply out (worker)', tallyDelivery(lines, linesIn(parts.map((m) => m.plainText))));

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(parts[0].messageId).toBe(acksFor(h, ALICE, messageId)[0]?.messageId);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(TELEGRAM_LIMIT);
    expect(linesIn(parts.map((m) => m.plainText))).toEqual(lines);
  });

  it('answers a flood of 200 messages from one user in one chat, each once and in order', async () => {
    const model = await fakeModel((q) => `pong ${q.replace(/^ping /, '')}`);
    // The per-person request limit is off: this measures delivery under a flood; the limit itself is
    // test/safety/request-limits-and-audit.test.ts.
    const h = (harness = await startHarness({ role: 'bot', env: { ...ollamaEnv(model), USER_RATE_LIMIT_PER_MINUTE: '0' } }));
    const tags = Array.from({ length: 200 }, (_, i) => String(i).padStart(3, '0'));
    for (const tag of tags) h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: `ping ${tag}`, languageCode: 'en' });
    const pongs = () => h.emulator.messages(ALICE).flatMap((m) => /pong (\d{3})/.exec(m.plainText)?.[1] ?? []);
    await h.emulator.waitFor(() => pongs().length >= tags.length, 60_000).catch(() => undefined);
    const seen = pongs();
    const refusals = h.emulator.messages(ALICE).filter((m) => !/pong \d{3}/.test(m.plainText));
    const tally = reportFault('flood from one user (200 messages)', tallyDelivery(tags, seen));

    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(seen).toEqual(tags);
    expect(refusals).toEqual([]);
  });
});
