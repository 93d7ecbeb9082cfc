import { z } from 'zod';

/**
 * Prometheus Alertmanager's webhook body, version 4 (prometheus/alertmanager notify/webhook). Types are checked
 * strictly; fields Alertmanager may add later pass through (looseObject), so a newer Alertmanager is not refused.
 */

const labelSet = z.record(z.string(), z.string());
/** RFC 3339 as Alertmanager writes it; "0001-01-01T00:00:00Z" is its zero time (a firing alert's endsAt). */
const timestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an RFC 3339 time' });
const status = z.enum(['firing', 'resolved']);

export const webhookAlertSchema = z.looseObject({
  status,
  labels: labelSet,
  annotations: labelSet.default({}),
  startsAt: timestamp,
  endsAt: timestamp,
  generatorURL: z.string().default(''),
  fingerprint: z.string().min(1).max(64),
});
export type WebhookAlert = z.infer<typeof webhookAlertSchema>;

export const webhookPayloadSchema = z.looseObject({
  version: z.literal('4'),
  groupKey: z.string().min(1).max(4096),
  truncatedAlerts: z.number().int().nonnegative().default(0),
  status,
  receiver: z.string(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet.default({}),
  externalURL: z.string().default(''),
  alerts: z.array(webhookAlertSchema).min(1).max(1000),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** One short line naming what is wrong (for the log and the 400 body); never the payload itself. */
export function describePayloadProblem(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${issues.join('; ')}${more}`;
}

/** Epoch ms of an Alertmanager time; its zero time ("0001-01-01…") and unparsable text give undefined. */
export function alertTimeMs(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
