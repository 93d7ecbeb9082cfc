import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { chatCompletion, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.js';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';

/**
 * A bot and worker on the simulated cluster with a FAKE tool-calling model (plays Nemotron and Claude) whose
 * answers each test scripts; when the script runs out it answers in plain text.
 */
export interface SafetyRig {
  h: Harness;
  cluster: SimulatedCluster;
  model: FakeOpenAiServer;
  /** What the model answers next, one body per model turn. */
  script(...bodies: unknown[]): void;
  /** Sends a message and waits for its "⏳" ack to be edited with the outcome. */
  ask(text: string, chatId?: number): Promise<EmulatedMessage>;
  /** Sends a message and waits for the bot's first new message matching `pick`. */
  sendAndWait(text: string, pick: (m: EmulatedMessage) => boolean, chatId?: number): Promise<EmulatedMessage>;
  /** Messages newer than `after` that carry buttons (approval cards). */
  cardsAfter(after: number, chatId?: number): EmulatedMessage[];
  lastMessageId(chatId?: number): number;
  stop(): Promise<void>;
}

export async function startSafetyRig(env: Record<string, string> = {}): Promise<SafetyRig> {
  const cluster = createSimulatedCluster();
  const model = await startFakeOpenAiServer();
  let scripted: unknown[] = [];
  model.respondWith(() => ({ json: scripted.shift() ?? chatCompletion({ content: 'Done.' }) }));
  const h = await startHarness({
    app: { executor: cluster },
    env: {
      NVIDIA_BASE_URL: model.baseUrl,
      NVIDIA_API_KEY: 'nvapi-test-key-for-safety-core',
      ANTHROPIC_BASE_URL: model.baseUrl,
      ANTHROPIC_API_KEY: 'sk-ant-test-key-for-safety-core',
      ...env,
    },
  });
  const lastMessageId = (chatId = ALICE) => Math.max(0, ...h.emulator.messages(chatId).map((m) => m.messageId));
  return {
    h,
    cluster,
    model,
    script: (...bodies) => {
      scripted = bodies;
    },
    async ask(text, chatId = ALICE) {
      const before = lastMessageId(chatId);
      h.emulator.sendUserMessage({ chatId, userId: chatId, text, languageCode: 'en' });
      const ack = await h.emulator.waitFor(
        () => h.emulator.messages(chatId).find((m) => m.messageId > before && m.history[0]?.plainText.startsWith('⏳')),
        15_000,
      );
      return h.emulator.waitFor(() => {
        const now = h.emulator.messages(chatId).find((m) => m.messageId === ack.messageId);
        return now && !now.plainText.startsWith('⏳') ? now : undefined;
      }, 15_000);
    },
    async sendAndWait(text, pick, chatId = ALICE) {
      const before = lastMessageId(chatId);
      h.emulator.sendUserMessage({ chatId, userId: chatId, text, languageCode: 'en' });
      return h.emulator.waitFor(() => h.emulator.messages(chatId).find((m) => m.messageId > before && pick(m)), 15_000);
    },
    cardsAfter: (after, chatId = ALICE) =>
      h.emulator.messages(chatId).filter((m) => m.messageId > after && (m.replyMarkup?.inline_keyboard.length ?? 0) > 0),
    lastMessageId,
    async stop() {
      await h.stop();
      await model.close();
    },
  };
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
