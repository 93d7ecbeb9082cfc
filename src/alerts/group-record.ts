import { createHash } from 'node:crypto';
import { z } from 'zod';
import { localeSchema } from '../i18n/locale.js';

/** What is kept in Redis per alert group (one Alertmanager groupKey). Read back through this schema. */

const labelSet = z.record(z.string(), z.string());
export const alertStatusSchema = z.enum(['firing', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const storedAlertSchema = z.object({
  status: alertStatusSchema,
  labels: labelSet,
  annotations: labelSet,
  startsAt: z.string(),
  endsAt: z.string(),
  generatorURL: z.string(),
});
export type StoredAlert = z.infer<typeof storedAlertSchema>;

/** A Telegram user who did something to the group. */
export const alertUserSchema = z.object({ userId: z.number().int(), name: z.string().max(100).optional() });
export type AlertUser = z.infer<typeof alertUserSchema>;

export const ALERT_GROUP_ID = /^[A-Za-z0-9_-]{16}$/;

export const alertGroupSchema = z.object({
  id: z.string().regex(ALERT_GROUP_ID),
  groupKey: z.string(),
  receiver: z.string(),
  chatId: z.number().int(),
  locale: localeSchema,
  status: alertStatusSchema,
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet,
  externalURL: z.string(),
  /** By Alertmanager fingerprint. */
  alerts: z.record(z.string(), storedAlertSchema),
  /** Alerts Alertmanager left out of its last notification (max_alerts). */
  truncatedAlerts: z.number().int().nonnegative(),
  /** The chat message showing this group, once posted. */
  messageId: z.number().int().optional(),
  acknowledgedBy: alertUserSchema.extend({ at: z.number().int() }).optional(),
  silence: z.object({ id: z.string().min(1).max(100), by: alertUserSchema, at: z.number().int(), until: z.number().int() }).optional(),
  /** Goes up by one with every change a reader of the message would see. */
  revision: z.number().int().positive(),
  /** The revision the chat message shows (0: not posted yet). */
  postedRevision: z.number().int().nonnegative(),
  firstSeenAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type AlertGroup = z.infer<typeof alertGroupSchema>;

/**
 * Alertmanager's groupKey is long (`{}/{namespace="prod"}:{alertname="X"}`); the group id is a stable 16-character
 * hash of it, short enough for Telegram's 64-byte callback data.
 */
export function alertGroupId(groupKey: string): string {
  return createHash('sha256').update(groupKey).digest('base64url').slice(0, 16);
}

/** The alerts, firing first, then by start time (oldest first), each with its fingerprint. */
export function sortedAlerts(group: Pick<AlertGroup, 'alerts'>): (StoredAlert & { fingerprint: string })[] {
  return Object.entries(group.alerts)
    .map(([fingerprint, alert]) => ({ fingerprint, ...alert }))
    .sort(
      (a, b) =>
        (a.status === 'firing' ? 0 : 1) - (b.status === 'firing' ? 0 : 1) ||
        Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
        a.fingerprint.localeCompare(b.fingerprint),
    );
}
