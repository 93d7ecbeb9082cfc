import type { AlertGroup } from './group-record.js';

/** Who may do what to an alert from the chat. The bot already serves only ALLOWED_USER_IDS. */
export type AlertAction = 'investigate' | 'acknowledge' | 'silence';

/**
 * A silence hides alerts from everyone, so only approvers may make one (as only they may change the cluster).
 * Investigating (read-only) and acknowledging (saying "I am on it") are open to every allowed user.
 */
export function mayActOnAlert(action: AlertAction, userId: number, settings: { approverIds: readonly number[] }): boolean {
  return action === 'silence' ? settings.approverIds.includes(userId) : true;
}

/**
 * The buttons a group's message offers, in this order. A resolved group offers nothing (there is nothing left to
 * act on; its message is history). While it fires: Investigate always; Silence unless a silence made from the chat
 * still runs; Acknowledge until somebody took it. Everyone sees the same buttons: who may press one is checked
 * on the tap (mayActOnAlert), since a chat message cannot show different buttons to different people.
 */
export function offeredAlertActions(group: Pick<AlertGroup, 'status' | 'acknowledgedBy' | 'silence'>, now: number): AlertAction[] {
  if (group.status === 'resolved') return [];
  const actions: AlertAction[] = ['investigate'];
  if (!group.silence || group.silence.until <= now) actions.push('silence');
  if (!group.acknowledgedBy) actions.push('acknowledge');
  return actions;
}
