/**
 * get_pod_logs against the API server, capped in lines and bytes. The server cuts a byte-limited answer at
 * its newest end, so when that happens the request is made again for fewer lines: an operator wants the
 * newest lines, not the oldest of a long tail.
 */

import { ClusterError } from './cluster-error.js';
import { DEFAULT_LOG_TAIL_LINES } from './executor.js';
import { typedCall, type KubeExecutorContext } from './k8s-context.js';
import type { PodLogs } from './results.js';
import type { PodLogQuery } from './capability-inputs.js';

export interface LogLimits {
  maxLines: number;
  maxBytes: number;
}

export const DEFAULT_LOG_LIMITS: LogLimits = { maxLines: 5000, maxBytes: 256 * 1024 };

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export function splitLogLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface LogChunk {
  lines: string[];
  /** older lines exist that are not in `lines` */
  truncated: boolean;
  /** the server stopped at the byte limit, so the newest lines are missing */
  cutByBytes: boolean;
}

/**
 * Reads one answer with a byte limit. Ask for one line more than `wanted`: that extra line coming back is
 * how we learn older lines exist.
 */
export function readLogChunk(text: string, wanted: number, limitBytes: number): LogChunk {
  const cutByBytes = Buffer.byteLength(text, 'utf8') >= limitBytes;
  let lines = splitLogLines(text);
  // A cut answer's last line may be half a line.
  if (cutByBytes && !text.endsWith('\n')) lines = lines.slice(0, -1);
  const kept = newestWithin(lines.slice(-wanted), limitBytes);
  const truncated = cutByBytes || kept.length < lines.length;
  return { lines: kept, truncated, cutByBytes };
}

/** The newest lines whose bytes fit the limit, whatever the server sent. */
function newestWithin(lines: string[], limitBytes: number): string[] {
  let bytes = 0;
  let start = lines.length;
  while (start > 0) {
    bytes += Buffer.byteLength(lines[start - 1], 'utf8') + 1;
    if (bytes > limitBytes) break;
    start -= 1;
  }
  return lines.slice(start);
}

/** Fewer lines that should fit in the byte limit, from the average line length of a cut answer. */
export function retryTailLines(chunk: LogChunk, limitBytes: number): number {
  const bytes = chunk.lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
  const average = chunk.lines.length === 0 ? limitBytes : Math.max(1, bytes / chunk.lines.length);
  return Math.max(1, Math.floor((limitBytes * 0.8) / average));
}

function mapLogError(error: unknown): never {
  // The API server answers 400 for "no previous container" and for an unknown container name.
  if (error instanceof ClusterError && error.code === 'invalid') {
    const message = error.details['apiMessage'] ?? '';
    if (/not found|is not valid for pod/.test(message)) {
      throw new ClusterError('not_found', message, { ...error.details, kind: 'container' });
    }
  }
  throw error;
}

export async function readPodLogs(context: KubeExecutorContext, args: PodLogQuery & { namespace: string }): Promise<PodLogs> {
  const { client, logLimits: limits } = context;
  const { namespace, pod: name } = args;
  const call = { resource: 'pods', group: '', namespace, name, kind: 'pod' };
  const pod = await typedCall(context, { ...call, verb: 'get' }, () => client.core.readNamespacedPod({ name, namespace }));
  const names = (pod.spec?.containers ?? []).map((container) => container.name);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const container = args.container ?? (annotated !== undefined && names.includes(annotated) ? annotated : names[0]);
  if (container === undefined) {
    throw new ClusterError('not_found', `pod "${name}" has no containers`, { kind: 'container', pod: name, namespace });
  }
  const previous = args.previous ?? false;
  const wanted = Math.min(args.tail_lines ?? DEFAULT_LOG_TAIL_LINES, limits.maxLines);

  const fetch = (tailLines: number) =>
    typedCall(context, { ...call, verb: 'get', resource: 'pods/log' }, () =>
      client.core.readNamespacedPodLog({
        name,
        namespace,
        container,
        tailLines,
        limitBytes: limits.maxBytes,
        ...(previous ? { previous: true } : {}),
      }),
    ).catch(mapLogError);

  let chunk = readLogChunk(await fetch(wanted + 1), wanted, limits.maxBytes);
  if (chunk.cutByBytes) {
    const fewer = Math.min(wanted, retryTailLines(chunk, limits.maxBytes));
    const retried = readLogChunk(await fetch(fewer), fewer, limits.maxBytes);
    chunk = { ...retried, truncated: true };
  }
  return { pod: name, namespace, container, previous, lines: chunk.lines, truncated: chunk.truncated };
}
