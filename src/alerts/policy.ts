/** Who may do what to an alert from the chat. The bot already serves only ALLOWED_USER_IDS. */
export type AlertAction = 'investigate' | 'acknowledge' | 'silence';

/**
 * A silence hides alerts from everyone, so only approvers may make one (as only they may change the cluster).
 * Investigating (read-only) and acknowledging (saying "I am on it") are open to every allowed user.
 */
export function mayActOnAlert(action: AlertAction, userId: number, settings: { approverIds: readonly number[] }): boolean {
  return action === 'silence' ? settings.approverIds.includes(userId) : true;
}
