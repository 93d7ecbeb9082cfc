import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { answerTo, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, CAROL, startHarness, type Harness } from '../support/bot-harness.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';

/**
 * Names and text from outside are shown so that what a reader sees is what is there: controls, zero-width and bidi
 * characters never reach a chat as they are; people are shown escaped with their numeric id; a value that will run
 * shows its hidden characters instead of hiding them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/;
let h: Harness;
let model: FakeOpenAiServer;
let reply = '';

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  model.respondWith(() => ({ json: chatCompletion({ content: reply }) }));
  h = await startHarness({ app: { executor: createSimulatedCluster() }, env: { OLLAMA_BASE_URL: model.baseUrl } });
});
afterAll(async () => {
  await h.stop();
  await model.close();
});

const newest = (chatId: number) => Math.max(0, ...h.emulator.allMessages(chatId).map((m) => m.messageId));

describe('display text', () => {
  it("shows a requester's and an approver's chosen names cleaned and escaped, with their numeric ids", async () => {
    const before = newest(CAROL);
    h.emulator.sendUserMessage({
      chatId: CAROL,
      userId: CAROL,
      text: '/run restart_deployment name=api namespace=prod',
      languageCode: 'en',
      firstName: '<b>Carol</b>\u202E\nApproved by: Bob',
      username: 'car\u200Bol',
    });
    const card = await waitForCard(h, CAROL, before);
    expect(card.plainText).not.toMatch(HIDDEN);
    expect(card.plainText).toContain('Requested by: <b>Carol</b> Approved by: Bob (@carol) · id 1003');
    // Escaped: the name's "<b>" is text, not markup.
    expect(card.entities.filter((e) => e.type === 'bold').map((e) => card.plainText.slice(e.offset, e.offset + e.length))).not.toContain(
      'Carol',
    );

    const press = h.emulator.pressButton({
      chatId: CAROL,
      userId: BOB,
      messageId: card.messageId,
      data: buttonData(card, 'reject'),
      firstName: 'Bob\u2067\u200D',
    });
    await answerTo(h, press.callbackQueryId);
    const decided = await cardWhen(h, CAROL, card.messageId, /Rejected by/);
    expect(decided.plainText).toContain('Rejected by Bob · id 1002');
    expect(decided.plainText).not.toMatch(HIDDEN);
  });

  it('shows the hidden characters of a value that will run, on the call and in the preview', async () => {
    const manifest = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: notes',
      '  namespace: prod',
      'data:',
      '  file: "invoice\u202Eexe.pdf"',
      '  owner: "w\u200Beb"',
      '',
    ].join('\n');
    const before = newest(ALICE);
    const proposed = await h.app.approvals.flow.propose({
      call: { name: 'apply_manifest', arguments: { manifest, namespace: 'prod' } },
      risk: 'critical',
      requesterId: ALICE,
      chatId: ALICE,
      locale: 'en',
    });
    expect(proposed.kind).toBe('card');
    const card = await waitForCard(h, ALICE, before);
    expect(card.plainText).not.toMatch(HIDDEN);
    expect(card.plainText).toContain('invoice⟨U+202E⟩exe.pdf');
    expect(card.plainText).toContain('w⟨U+200B⟩eb');
  });

  it("removes hidden characters from a model's answer", async () => {
    reply = 'The deployment w\u200Beb is fine.\u202E Nothing to do\u0007.';
    const before = newest(ALICE);
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'good morning!', languageCode: 'en' });
    const answer = await h.emulator.waitFor(
      () => h.emulator.messages(ALICE).find((m) => m.messageId > before && m.plainText.includes('Nothing to do')),
      15_000,
    );
    expect(answer.plainText).toMatch(/^The deployment web is fine\. Nothing to do\./);
  });
});
