import { afterEach, describe, expect, it } from 'vitest';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
let model: FakeOpenAiServer | undefined;
afterEach(async () => {
  await harness?.stop();
  await model?.close();
  harness = undefined;
  model = undefined;
});

const finalText = (h: Harness, messageId: number) =>
  h.emulator.waitFor(() => {
    const m = h.emulator.messages(ALICE).find((x) => x.messageId === messageId);
    return m && !m.plainText.startsWith('⏳') ? m : undefined;
  }, 20_000);

describe('background jobs', () => {
  it('an update Telegram sends again to the next poller (the last one died before confirming it) gets no second ack or job', async () => {
    harness = await startHarness();
    const h = harness;
    const update = {
      message: {
        message_id: 4242,
        date: Math.floor(Date.now() / 1000),
        chat: { id: ALICE, type: 'private' },
        from: { id: ALICE, is_bot: false, first_name: 'Alice', language_code: 'en' },
        text: 'list pods in prod',
      },
    };
    const updateId = h.emulator.injectRawUpdate(update);
    const ack = await h.emulator.waitForBotMessage(ALICE);
    await finalText(h, ack.messageId);
    await h.restart(undefined, () => h.emulator.redeliverUpdate({ update_id: updateId, ...update }));
    await h.say('/status');
    expect(h.emulator.messages(ALICE).filter((m) => m.history[0]?.plainText.startsWith('⏳'))).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('redelivered update: job already enqueued'))).toBe(true);
  });

  it("/cancel stops the chat's running job and says so in its ack", async () => {
    model = await startFakeOpenAiServer();
    model.respondWith(() => ({ hangMs: 30_000, json: chatCompletion({ content: 'too late' }) }));
    harness = await startHarness({ env: { NVIDIA_BASE_URL: model.baseUrl, NVIDIA_API_KEY: 'nvapi-x', NVIDIA_BUDGET_SECONDS: '60' } });
    const ack = await harness.say('list pods in prod');
    await harness.emulator.waitFor(() => model!.chatRequests().length > 0);
    const reply = await harness.say('/cancel');
    expect(reply.plainText).toContain(`Cancelled:`);
    const cancelled = await finalText(harness, ack.messageId);
    expect(cancelled.plainText).toContain('Cancelled. Nothing more will run');
  });
});
