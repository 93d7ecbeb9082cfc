import type { PodSummary } from '../cluster/results.js';
import type { Config } from '../config.js';
import { postNotification, sampleAlertPayload, samplePods } from './sample-alert.js';

export interface DemoAlertArgs {
  status: string;
  url?: string;
  startedAt?: string;
}

/**
 * `cli demo-alert`: posts the SAMPLE alert (the simulated cluster's crash-looping prod pods) to the receiver at
 * ALERT_WEBHOOK_PORT on this machine, with ALERT_WEBHOOK_TOKEN, and prints one JSON line. Exit status 1 when the
 * receiver did not take it.
 */
export async function runDemoAlertCommand(
  args: DemoAlertArgs,
  deps: {
    config: Config;
    pods: () => Promise<PodSummary[]>;
    write: (line: string) => void;
    error: (line: string) => void;
    now?: () => Date;
  },
): Promise<number> {
  if (args.status !== 'firing' && args.status !== 'resolved') {
    deps.error(`--status: expected firing or resolved, got "${args.status}"`);
    return 2;
  }
  const webhook = deps.config.alerts.webhook;
  if (!webhook) {
    deps.error('ALERT_WEBHOOK_TOKEN is not set: set it (and ALERT_WEBHOOK_PORT) as for the running bot');
    return 1;
  }
  const now = deps.now?.() ?? new Date();
  const startsAt = args.startedAt ? new Date(args.startedAt) : now;
  if (Number.isNaN(startsAt.getTime())) {
    deps.error(`--started-at: expected an ISO time such as 2025-06-02T10:00:00Z, got "${args.startedAt}"`);
    return 2;
  }
  const url = args.url ?? `http://127.0.0.1:${webhook.port}/alerts`;
  const pods = samplePods(await deps.pods());
  const payload = sampleAlertPayload({ pods, status: args.status, startsAt, now });
  let reply: { status: number; body: string };
  try {
    reply = await postNotification(url, webhook.token, payload);
  } catch (error) {
    deps.error(
      `could not reach the receiver at ${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
    return 1;
  }
  deps.write(
    JSON.stringify({
      status: reply.status,
      alert: payload.commonLabels.alertname,
      alerts: payload.alerts.length,
      sent: args.status,
      answer: reply.body,
    }),
  );
  return reply.status === 200 ? 0 : 1;
}
