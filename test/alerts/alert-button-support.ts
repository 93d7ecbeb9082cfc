import { expect } from 'vitest';
import type { EmulatedCallbackAnswer, EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { notification, postWebhook } from '../support/alert-payloads.js';
import { ALICE, startHarness, type Harness, type HarnessOptions } from '../support/bot-harness.js';

/** Shared by the alert button tests: a bot with the receiver on, prod alerts routed to a group chat. */

export const ALERT_TOKEN = 'alert-buttons-test-token-0123456789';
export const OPS = -100123;

export const NAMES: Readonly<Record<number, string>> = { 1001: 'Alice', 1002: 'Bob', 1003: 'Carol', 6666: 'Mallory' };

export async function startAlertHarness(env: Record<string, string>, options: Omit<HarnessOptions, 'env'> = {}): Promise<Harness> {
  return startHarness({
    ...options,
    env: {
      ALERT_WEBHOOK_TOKEN: ALERT_TOKEN,
      ALERT_WEBHOOK_PORT: '0',
      ALERT_ROUTES: `namespace=prod→${OPS}`,
      ALERT_DEFAULT_CHAT_ID: String(ALICE),
      TIME_ZONE: 'UTC',
      ...env,
    },
  });
}

export const crashLoop = (alertname = 'KubePodCrashLooping', status: 'firing' | 'resolved' = 'firing') =>
  notification({
    commonLabels: { alertname, namespace: 'prod', severity: 'critical' },
    commonAnnotations: { summary: 'A pod of api keeps crashing.' },
    alerts: [
      { fingerprint: `${alertname}-a`, status, labels: { pod: 'api-1' } },
      { fingerprint: `${alertname}-b`, status, labels: { pod: 'api-2' } },
    ],
  });

/** Sends a notification to the receiver and waits for the message of its group. */
export async function fire(h: Harness, body = crashLoop()): Promise<EmulatedMessage> {
  const port = h.app.alerts?.receiverPort;
  if (port === undefined) throw new Error('the alert receiver is not running');
  const reply = await postWebhook(`http://127.0.0.1:${port}/alerts`, body, { token: ALERT_TOKEN });
  expect(reply.status, reply.body).toBe(200);
  const name = body.commonLabels.alertname ?? '';
  return h.emulator.waitFor(
    () => h.emulator.messages(OPS).find((m) => m.replyToMessageId === undefined && m.plainText.includes(name)),
    15_000,
  );
}

export const buttonTexts = (m: EmulatedMessage | undefined) => m?.replyMarkup?.inline_keyboard.flat().map((b) => b.text) ?? [];

export function buttonData(message: EmulatedMessage, text: string): string {
  const data = message.replyMarkup?.inline_keyboard.flat().find((b) => b.text === text)?.callback_data;
  if (!data) throw new Error(`#${message.messageId} has no "${text}" button (it has: ${buttonTexts(message).join(', ')})`);
  return data;
}

/** A person taps the data on the message (their client's language: English unless said) and gets the answer. */
export async function tap(
  h: Harness,
  message: EmulatedMessage,
  data: string,
  userId: number,
  languageCode = 'en',
): Promise<EmulatedCallbackAnswer> {
  const { callbackQueryId } = h.emulator.pressButton({
    chatId: message.chatId,
    userId,
    messageId: message.messageId,
    data,
    languageCode,
    ...(NAMES[userId] ? { firstName: NAMES[userId] } : {}),
  });
  return h.emulator.waitFor(() => h.emulator.callbackAnswers().find((a) => a.callbackQueryId === callbackQueryId), 10_000);
}

/** The message once it matches. */
export function messageWhen(h: Harness, message: EmulatedMessage, test: (m: EmulatedMessage) => boolean): Promise<EmulatedMessage> {
  return h.emulator.waitFor(() => {
    const now = h.emulator.messages(message.chatId).find((m) => m.messageId === message.messageId);
    return now && test(now) ? now : undefined;
  }, 15_000);
}

/** No alert posting job waiting or running (delayed re-checks left out). */
export async function alertQueueSettled(h: Harness): Promise<void> {
  const prefix = `${h.config.redis.keyPrefix}bull:alert-post:`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [waiting, active] = await Promise.all([h.app.redis.llen(`${prefix}wait`), h.app.redis.llen(`${prefix}active`)]);
    if (waiting + active === 0) return;
    if (Date.now() > deadline) throw new Error(`alert jobs still pending: ${waiting} waiting, ${active} active`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
