import { z } from 'zod';
import { ALERT_GROUP_ID } from '../alerts/group-record.js';
import { CHAT_MODES, chatModeSchema } from '../approvals/chat-mode.js';
import { localeSchema } from '../i18n/locale.js';
import { defineButtons, smallNumber } from './button-codec.js';

/**
 * Every inline-button family of the bot, each defined once (see button-codec.ts). A new family is one more
 * exported `defineButtons(...)` here: the size and forgery tests pick up every export of this module. Every token
 * ends in `:<mac>`, its binding to the chat it was sent to (button-codec.ts), left out below.
 *   l1:<locale>                 /lang choice
 *   a1:y|n:<approval id>        approve / reject a card
 *   m1:<mode>                   /mode choice
 *   r1:<flow>:<step>:<n>|s      guided /run: the n-th choice of a step, or skip; r1:<flow>:x cancels
 *   al1:i|s|k:<alert group id>  investigate / silence 1h / acknowledge an alert group
 */

export const langButton = defineButtons({
  prefix: 'l1',
  schema: z.object({ locale: localeSchema }),
  toSegments: (v) => [v.locale],
  fromSegments: ([locale, ...rest]) => (rest.length === 0 ? { locale } : undefined),
  largest: [{ locale: 'zh-TW' }],
});

const approvalIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,32}$/);
const DECISION_CODE = { approve: 'y', reject: 'n' } as const;

export const approvalButton = defineButtons({
  prefix: 'a1',
  schema: z.object({ decision: z.enum(['approve', 'reject']), approvalId: approvalIdSchema }),
  toSegments: (v) => [DECISION_CODE[v.decision], v.approvalId],
  fromSegments: ([code, approvalId, ...rest]) =>
    rest.length === 0 ? { decision: code === 'y' ? 'approve' : code === 'n' ? 'reject' : undefined, approvalId } : undefined,
  largest: [{ decision: 'reject', approvalId: 'x'.repeat(32) }],
});

export const modeButton = defineButtons({
  prefix: 'm1',
  schema: z.object({ mode: chatModeSchema }),
  toSegments: (v) => [v.mode],
  fromSegments: ([mode, ...rest]) => (rest.length === 0 ? { mode } : undefined),
  largest: CHAT_MODES.map((mode) => ({ mode })),
});

const flowIdSchema = z.string().regex(/^[0-9a-z]{6}$/);
const stepSchema = z.number().int().min(0).max(99);

/**
 * Guided /run buttons name the flow, the step and the button's position, never a value: the value comes from the
 * list the flow itself kept, so a forged token can at most pick another listed entry.
 */
export const runButton = defineButtons({
  prefix: 'r1',
  schema: z.discriminatedUnion('action', [
    z.object({ flowId: flowIdSchema, action: z.literal('pick'), step: stepSchema, index: z.number().int().min(0).max(99) }),
    z.object({ flowId: flowIdSchema, action: z.literal('skip'), step: stepSchema }),
    z.object({ flowId: flowIdSchema, action: z.literal('cancel') }),
  ]),
  toSegments: (v) =>
    v.action === 'cancel'
      ? [v.flowId, 'x']
      : v.action === 'skip'
        ? [v.flowId, String(v.step), 's']
        : [v.flowId, String(v.step), String(v.index)],
  fromSegments: ([flowId, second, third, ...rest]) => {
    if (rest.length > 0) return undefined;
    if (second === 'x' && third === undefined) return { flowId, action: 'cancel' };
    if (third === 's') return { flowId, action: 'skip', step: smallNumber(second) };
    return { flowId, action: 'pick', step: smallNumber(second), index: smallNumber(third) };
  },
  largest: [{ flowId: 'zzzzzz', action: 'pick', step: 99, index: 99 }],
});

/** A guided flow's id from one random number in [0, 1): six base-36 characters. */
export function flowIdFrom(random: number): string {
  const n = Math.floor(Math.min(Math.max(random, 0), 0.999_999_999) * 36 ** 6);
  return n.toString(36).padStart(6, '0');
}

const ALERT_ACTION_CODE = { investigate: 'i', silence: 's', acknowledge: 'k' } as const;
const alertActionOf = (code: string | undefined) =>
  (Object.keys(ALERT_ACTION_CODE) as (keyof typeof ALERT_ACTION_CODE)[]).find((action) => ALERT_ACTION_CODE[action] === code);

/** The buttons of an alert group's message: the group and the action, nothing else (the silence is always 1h). */
export const alertButton = defineButtons({
  prefix: 'al1',
  schema: z.object({ action: z.enum(['investigate', 'silence', 'acknowledge']), groupId: z.string().regex(ALERT_GROUP_ID) }),
  toSegments: (v) => [ALERT_ACTION_CODE[v.action], v.groupId],
  fromSegments: ([code, groupId, ...rest]) => (rest.length === 0 ? { action: alertActionOf(code), groupId } : undefined),
  largest: [{ action: 'acknowledge', groupId: 'x'.repeat(16) }],
});
