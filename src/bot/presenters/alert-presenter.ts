import { GrammyError } from 'grammy';
import type { AlertPresenter } from '../../alerts/ports.js';
import type { Translate } from '../../i18n/translator.js';
import type { ButtonSeal } from '../button-codec.js';
import type { ChatOutput } from '../chat-output.js';
import { alertMessageButtons, renderAlertMessage } from '../render/alert-message.js';

/** Telegram's answers for a message that is no longer there to edit. */
const GONE = /message to edit not found|MESSAGE_ID_INVALID|message can't be edited/i;

/** Alert group messages in their chat, through the worker's ChatOutput, with the buttons the group's state offers. */
export function createAlertPresenter(deps: {
  output: ChatOutput;
  t: Translate;
  timeZone: string;
  seal: ButtonSeal;
  now?: () => number;
}): AlertPresenter {
  const now = deps.now ?? Date.now;
  const render = (group: Parameters<AlertPresenter['post']>[0]) =>
    renderAlertMessage(deps.t, group, { timeZone: deps.timeZone, now: now() });
  const buttons = (group: Parameters<AlertPresenter['post']>[0]) => alertMessageButtons(deps.t, group, now(), deps.seal);
  return {
    async post(group) {
      const [messageId] = await deps.output.send(group.chatId, render(group), { buttons: buttons(group) });
      if (messageId === undefined) throw new Error('Telegram returned no message id');
      return messageId;
    },
    async edit(group, messageId) {
      try {
        await deps.output.edit(group.chatId, messageId, render(group), { buttons: buttons(group) });
        return 'edited';
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 400 && GONE.test(error.description)) return 'gone';
        throw error;
      }
    },
  };
}
