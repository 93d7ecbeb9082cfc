import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import type { Harness } from './bot-harness.js';

/** The newest message in the chat that carries inline buttons (an approval card). */
export async function waitForCard(h: Harness, chatId: number, after = 0): Promise<EmulatedMessage> {
  return h.emulator.waitFor(
    () => h.emulator.messages(chatId).find((m) => m.messageId > after && (m.replyMarkup?.inline_keyboard.length ?? 0) > 0),
    15_000,
  );
}

export function buttonData(card: EmulatedMessage, which: 'approve' | 'reject'): string {
  const data = card.replyMarkup?.inline_keyboard[0]?.[which === 'approve' ? 0 : 1]?.callback_data;
  if (!data) throw new Error('card has no such button');
  return data;
}

/** The approval id in a card's Approve data (`a1:y:<id>:<chat binding>`). */
export function approvalIdOf(card: EmulatedMessage): string {
  const id = buttonData(card, 'approve').split(':')[2];
  if (!id) throw new Error('card has no approval id in its data');
  return id;
}

/** The card's current text once it matches. */
export async function cardWhen(
  h: Harness,
  chatId: number,
  messageId: number,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<EmulatedMessage> {
  return h.emulator.waitFor(() => {
    const m = h.emulator.messages(chatId).find((x) => x.messageId === messageId);
    return m && pattern.test(m.plainText) ? m : undefined;
  }, timeoutMs);
}

/** Waits for the callback answer to one press. */
export async function answerTo(h: Harness, callbackQueryId: string) {
  return h.emulator.waitFor(() => h.emulator.callbackAnswers().find((a) => a.callbackQueryId === callbackQueryId), 10_000);
}
