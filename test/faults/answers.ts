import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import type { Harness } from '../support/bot-harness.js';

/** The bot's messages that reply to one of the user's messages (acks, cards and refusals carry reply_parameters). */
export function repliesTo(h: Harness, chatId: number, userMessageId: number): EmulatedMessage[] {
  return h.emulator.messages(chatId).filter((m) => m.replyToMessageId === userMessageId);
}

/** The "⏳ #ref" acks the bot posted for one request (each request should get exactly one). */
export function acksFor(h: Harness, chatId: number, userMessageId: number): EmulatedMessage[] {
  return repliesTo(h, chatId, userMessageId).filter((m) => m.history[0]?.plainText.startsWith('⏳'));
}

/** Approval cards posted for one request: replies that were first sent with buttons. */
export function cardsFor(h: Harness, chatId: number, userMessageId: number): EmulatedMessage[] {
  return repliesTo(h, chatId, userMessageId).filter((m) => (m.history[0]?.replyMarkup?.inline_keyboard.length ?? 0) > 0);
}

/** A background request's ack once the worker has edited the outcome into it. */
export function finishedAck(h: Harness, chatId: number, userMessageId: number): EmulatedMessage | undefined {
  return acksFor(h, chatId, userMessageId).find((m) => !m.plainText.startsWith('⏳'));
}

/** Waits until every background request has its outcome, or the time is up; never throws (the tally says what is missing). */
export async function waitForAnswers(h: Harness, chatId: number, userMessageIds: readonly number[], timeoutMs: number): Promise<void> {
  await h.emulator.waitFor(() => userMessageIds.every((id) => finishedAck(h, chatId, id)), timeoutMs).catch(() => undefined);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls an async condition (e.g. something in Redis) every 100 ms; resolves true once it holds, false after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return check();
}
