import type { SuspectedCause } from './answer.js';
import type { OfflineEvent, OfflinePod } from './result-shapes.js';

/**
 * The pods a request about `target` means: the pod of that exact name, else the pods a workload of that
 * name owns, else those labelled app=target, else those whose name starts with "target-".
 */
export function podsOf(pods: readonly OfflinePod[], target: string): OfflinePod[] {
  const exact = pods.filter((pod) => pod.name === target);
  if (exact.length > 0) return exact;
  const owned = pods.filter((pod) => pod.owner?.split('/')[1] === target);
  if (owned.length > 0) return owned;
  const labelled = pods.filter((pod) => pod.labels?.['app'] === target || pod.labels?.['app.kubernetes.io/name'] === target);
  if (labelled.length > 0) return labelled;
  return pods.filter((pod) => pod.name.startsWith(`${target}-`));
}

function notReady(pod: OfflinePod): boolean {
  const m = /^(\d+)\/(\d+)$/.exec(pod.ready);
  return m !== null && Number(m[1]) < Number(m[2]);
}

/** Higher is worse: a waiting reason, a phase that is not running, not ready, then restarts. */
export function troubleScore(pod: OfflinePod): number {
  let score = pod.restarts;
  if (pod.reason) score += 1_000;
  if (pod.phase !== 'Running' && pod.phase !== 'Succeeded') score += 500;
  if (notReady(pod)) score += 100;
  return score;
}

export function isTroubled(pod: OfflinePod): boolean {
  return troubleScore(pod) > 0;
}

/** The worst pod, ties broken by name so the choice is stable. */
export function worstPod(pods: readonly OfflinePod[]): OfflinePod | null {
  const sorted = [...pods].sort((a, b) => troubleScore(b) - troubleScore(a) || a.name.localeCompare(b.name));
  return sorted[0] ?? null;
}

const KEY_LINE = /\b(?:fatal|error|panic|exception|traceback|oomkilled|killed)\b/i;

/** The first log line that names a failure; the cause is usually said there. */
export function keyLogLine(lines: readonly string[]): string | null {
  return lines.find((line) => KEY_LINE.test(line)) ?? null;
}

/** A plain guess at the cause, from the strongest signal to the weakest. */
export function suspectedCause(pod: OfflinePod | null, keyLine: string | null, events: readonly OfflineEvent[]): SuspectedCause | null {
  const signals = [pod?.reason ?? '', ...events.map((event) => `${event.reason} ${event.message}`)].join(' ');
  if (/ImagePullBackOff|ErrImagePull|InvalidImageName/i.test(signals)) return 'image';
  if (/OOMKilled|out of memory/i.test(signals)) return 'oom';
  if (/Unschedulable|FailedScheduling|Insufficient/i.test(signals) || (pod?.phase === 'Pending' && !pod.reason)) return 'scheduling';
  if (/CreateContainerConfigError/i.test(signals)) return 'config';
  if (keyLine && /environment variable|not set|missing|config/i.test(keyLine)) return 'missing_config';
  if (/CrashLoopBackOff|BackOff|Error/i.test(signals) || (pod?.restarts ?? 0) > 0) return 'crash';
  return null;
}
