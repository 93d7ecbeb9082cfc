import { InlineKeyboard } from 'grammy';
import type { ChatSeal } from '../button-codec.js';
import { runButton } from '../callback-data.js';

export interface ChoiceKeyboardInput {
  flowId: string;
  step: number;
  /** Button labels; a button's position is its token, never its value. */
  labels: readonly string[];
  columns: number;
  /** The label of a "skip" button for an optional value; absent for required ones. */
  skipLabel?: string;
  cancelLabel: string;
  /** The chat the buttons are sent to, which they are bound to. */
  chat: ChatSeal;
}

/** One step's buttons: the choices in rows of `columns`, then skip (if any) and cancel on the last row. */
export function choiceKeyboard(input: ChoiceKeyboardInput): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  input.labels.forEach((label, index) => {
    if (index > 0 && index % input.columns === 0) keyboard.row();
    keyboard.text(label, runButton.pack({ flowId: input.flowId, action: 'pick', step: input.step, index }, input.chat));
  });
  if (input.labels.length > 0) keyboard.row();
  if (input.skipLabel !== undefined)
    keyboard.text(input.skipLabel, runButton.pack({ flowId: input.flowId, action: 'skip', step: input.step }, input.chat));
  keyboard.text(input.cancelLabel, runButton.pack({ flowId: input.flowId, action: 'cancel' }, input.chat));
  return keyboard;
}
