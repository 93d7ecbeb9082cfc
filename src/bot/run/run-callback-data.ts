import { z } from 'zod';

/**
 * Buttons of the guided /run flow. A token names the flow, the step and the button's position, never a value:
 * the value comes from the list the flow itself kept, so a forged token can at most pick another listed entry.
 *   r1:<flow>:<step>:<n>   the n-th choice of that step
 *   r1:<flow>:<step>:s     skip an optional value
 *   r1:<flow>:x            cancel
 */
export const RUN_CALLBACK_PREFIX = 'r1:';

const FLOW_ID = /^[0-9a-z]{6}$/;
const MAX_STEP = 99;
const MAX_CHOICE = 99;

export type RunButton =
  | { flowId: string; action: 'pick'; step: number; index: number }
  | { flowId: string; action: 'skip'; step: number }
  | { flowId: string; action: 'cancel' };

const tokenSchema = z.union([
  z
    .string()
    .regex(/^r1:[0-9a-z]{6}:\d{1,2}:\d{1,2}$/)
    .transform((s): RunButton => {
      const [, flowId = '', step = '0', index = '0'] = s.split(':');
      return { flowId, action: 'pick', step: Number(step), index: Number(index) };
    }),
  z
    .string()
    .regex(/^r1:[0-9a-z]{6}:\d{1,2}:s$/)
    .transform((s): RunButton => {
      const [, flowId = '', step = '0'] = s.split(':');
      return { flowId, action: 'skip', step: Number(step) };
    }),
  z
    .string()
    .regex(/^r1:[0-9a-z]{6}:x$/)
    .transform((s): RunButton => ({ flowId: s.slice(3, 9), action: 'cancel' })),
]);

/** A flow id from one random number in [0, 1): six base-36 characters. */
export function flowIdFrom(random: number): string {
  const n = Math.floor(Math.min(Math.max(random, 0), 0.999_999_999) * 36 ** 6);
  return n.toString(36).padStart(6, '0');
}

function checkFlow(flowId: string): void {
  if (!FLOW_ID.test(flowId)) throw new Error('flow id does not fit a callback token');
}

export function encodeRunPick(flowId: string, step: number, index: number): string {
  checkFlow(flowId);
  if (!Number.isInteger(step) || step < 0 || step > MAX_STEP) throw new Error('step does not fit a callback token');
  if (!Number.isInteger(index) || index < 0 || index > MAX_CHOICE) throw new Error('choice does not fit a callback token');
  return `${RUN_CALLBACK_PREFIX}${flowId}:${step}:${index}`;
}

export function encodeRunSkip(flowId: string, step: number): string {
  checkFlow(flowId);
  if (!Number.isInteger(step) || step < 0 || step > MAX_STEP) throw new Error('step does not fit a callback token');
  return `${RUN_CALLBACK_PREFIX}${flowId}:${step}:s`;
}

export function encodeRunCancel(flowId: string): string {
  checkFlow(flowId);
  return `${RUN_CALLBACK_PREFIX}${flowId}:x`;
}

export function decodeRunButton(data: string | undefined): RunButton | undefined {
  if (!data || data.length > 64) return undefined;
  const parsed = tokenSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
