/**
 * Text read from the cluster (logs, events, descriptions, ConfigMap data, names, annotations) reaches the model
 * inside one fence, so it reads as data and never as instructions, whoever wrote it:
 *   <untrusted-cluster-data tool="get_pod_logs">{…the tool message JSON…}</untrusted-cluster-data>
 * Inside, every "<" that would begin the fence's own tags is written as the JSON escape \u003c, so the text
 * cannot close the fence early or open a second one; the JSON still reads back to the same value.
 */
export const UNTRUSTED_TAG = 'untrusted-cluster-data';

const FENCE_TAG_INSIDE = new RegExp(`<(?=\\s*/?\\s*${UNTRUSTED_TAG})`, 'gi');
const FENCED = new RegExp(`^<${UNTRUSTED_TAG} tool="([A-Za-z0-9_.-]{1,64})">\\n?([\\s\\S]*?)\\n?</${UNTRUSTED_TAG}>$`);

/** Fences the JSON of a tool message whose content came from the cluster. */
export function fenceClusterData(tool: string, json: string): string {
  const name = /^[A-Za-z0-9_.-]{1,64}$/.test(tool) ? tool : 'tool';
  return `<${UNTRUSTED_TAG} tool="${name}">\n${json.replace(FENCE_TAG_INSIDE, '\\u003c')}\n</${UNTRUSTED_TAG}>`;
}

/** Characters the fence adds around a tool's JSON (escapes aside), so a result can be cut to fit inside it. */
export function fenceOverhead(tool: string): number {
  return fenceClusterData(tool, '').length;
}

/** The JSON inside a fence, or the content as it is when it is not fenced. */
export function unfenceClusterData(content: string): string {
  const match = FENCED.exec(content);
  return match ? (match[2] ?? '') : content;
}

export function isFencedClusterData(content: string): boolean {
  return FENCED.test(content);
}
