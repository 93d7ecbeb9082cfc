import { stringify } from 'yaml';
import type { ToolCall } from '../tools/registry.js';
import type { Investigation, OfflineAnswer } from './answer.js';
import type { OfflineTexts } from './texts.js';
import type { OfflineEvent, OfflinePod } from './result-shapes.js';

const MAX_ITEMS = 30;
const INVESTIGATION_LOG_LINES = 8;

/** A bullet list of at most MAX_ITEMS lines, with "…and N more". */
function bullets(t: OfflineTexts, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_ITEMS).map((line) => `- ${line}`);
  if (lines.length > MAX_ITEMS) shown.push(`- ${t.more(lines.length - MAX_ITEMS)}`);
  return shown.join('\n');
}

/** A fenced block that no line can close early. */
function codeBlock(lines: readonly string[]): string {
  return ['```', ...lines.map((line) => line.replaceAll('```', "'''")), '```'].join('\n');
}

function podLine(t: OfflineTexts, pod: OfflinePod): string {
  const trouble = pod.reason ? ` · ⚠️ ${pod.reason}` : '';
  return `\`${pod.name}\` ${pod.phase} ${pod.ready} · ${t.restarts(pod.restarts)} · ${pod.age}${trouble}`;
}

function eventLine(event: OfflineEvent): string {
  const mark = event.type === 'Warning' ? '⚠️ ' : '';
  const times = event.count > 1 ? ` ×${event.count}` : '';
  return `${mark}\`${event.reason}\` ${event.object}${times}: ${event.message}`;
}

export function callText(call: ToolCall): string {
  return `\`${call.name} ${JSON.stringify(call.arguments)}\``;
}

function investigationText(t: OfflineTexts, inv: Investigation): string {
  const parts = [t.investigationTitle(inv.target, inv.namespace)];
  const { suspect } = inv;
  if (!suspect) {
    parts.push(t.noPods(inv.namespace));
  } else if (inv.healthy) {
    parts.push(t.healthy(inv.target, inv.namespace, inv.pods.length));
  } else {
    const status = suspect.reason ?? suspect.phase;
    const others = inv.pods.filter((pod) => pod.name !== suspect.name && (pod.reason !== null || pod.restarts > 0)).length;
    parts.push(
      [t.suspect(suspect.name, status, suspect.restarts, suspect.ready), ...(others > 0 ? [t.otherTroubledPods(others)] : [])].join('\n'),
    );
  }
  if (inv.logs && 'lines' in inv.logs) {
    parts.push(`${t.logsHeading(inv.logs.previous)}\n${codeBlock(inv.logs.lines.slice(-INVESTIGATION_LOG_LINES))}`);
  } else if (inv.logs) {
    parts.push(t.logsUnavailable(inv.logs.error));
  }
  parts.push(`${t.warningsHeading}\n${inv.warnings.length > 0 ? bullets(t, inv.warnings.slice(0, 8).map(eventLine)) : t.noWarnings}`);
  if (!inv.healthy && suspect) {
    const key = inv.keyLine ? `\n${t.keyLine} \`${inv.keyLine.replaceAll('`', "'")}\`` : '';
    if (inv.cause) parts.push(`${t.causeHeading} ${t.cause(inv.cause)}${key}`);
    else if (key) parts.push(`${t.causeHeading}${key}`);
    const subject = inv.target ?? suspect.owner?.split('/')[1] ?? suspect.name;
    parts.push(`${t.nextHeading} ${t.next(inv.cause ?? 'unknown', subject, inv.namespace)}`);
  }
  return parts.join('\n\n');
}

function body(t: OfflineTexts, answer: OfflineAnswer): string {
  switch (answer.kind) {
    case 'pods':
      return answer.pods.length === 0
        ? t.noPods(answer.namespace)
        : `${t.podsTitle(answer.namespace, answer.pods.length)}\n${bullets(
            t,
            answer.pods.map((pod) => podLine(t, pod)),
          )}`;
    case 'logs': {
      const { logs } = answer;
      const title = t.logsTitle(logs.pod, answer.namespace, logs.previous);
      return `${title}\n${logs.lines.length === 0 ? t.noLogLines : codeBlock(logs.lines)}`;
    }
    case 'description': {
      const d = answer.description;
      const labels = Object.entries(d.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const lines = [
        `${t.describeTitle(d.kind, d.name, d.namespace ?? null)}`,
        `${t.age}: ${d.age}${labels ? ` · ${t.labels}: \`${labels}\`` : ''}`,
      ];
      if (Object.keys(d.details).length > 0) lines.push(`${t.details}:\n${codeBlock(stringify(d.details).trimEnd().split('\n'))}`);
      if (d.events.length > 0) lines.push(`${t.recentEvents}:\n${bullets(t, d.events.slice(0, 10).map(eventLine))}`);
      return lines.join('\n');
    }
    case 'events':
      return `${t.eventsTitle(answer.namespace, answer.object, answer.events.length)}\n${answer.events.length === 0 ? t.noEvents : bullets(t, answer.events.map(eventLine))}`;
    case 'deployments':
      return answer.deployments.length === 0
        ? t.noDeployments(answer.namespace)
        : `${t.deploymentsTitle(answer.namespace, answer.deployments.length)}\n${bullets(
            t,
            answer.deployments.map(
              (d) =>
                `\`${d.name}\` ${d.ready} ${t.ready} · ${d.images.map((i) => `\`${i}\``).join(', ')}${d.revision ? ` · ${t.revision} ${d.revision}` : ''} · ${d.age}`,
            ),
          )}`;
    case 'history':
      return `${t.historyTitle(answer.name, answer.namespace)}\n${
        answer.revisions.length === 0
          ? t.noHistory
          : bullets(
              t,
              answer.revisions.map(
                (r) =>
                  `${t.revision} ${r.revision}: ${r.images.map((i) => `\`${i}\``).join(', ')}${r.changeCause ? ` · ${r.changeCause}` : ''}${r.current ? ` · **${t.current}**` : ''}`,
              ),
            )
      }`;
    case 'nodes':
      return `${t.nodesTitle(answer.nodes.length)}\n${bullets(
        t,
        answer.nodes.map((n) => {
          const pressure = n.conditions
            .filter((c) => c.type !== 'Ready' && c.status === 'True')
            .map((c) => ` · ⚠️ ${c.type}`)
            .join('');
          const pods = n.podCount === null || n.podCount === undefined ? '' : ` · ${t.podsOnNode(n.podCount)}`;
          return `\`${n.name}\` ${n.status} · ${n.roles.join(',') || '-'} · ${n.version} · ${n.age}${pods}${pressure}`;
        }),
      )}`;
    case 'change':
      return t.change[answer.status](callText(answer.call), answer.detail);
    case 'tool_error':
      return t.toolError(answer.tool, answer.code, answer.message);
    case 'no_pod':
      return t.noPod(answer.target, answer.namespaces, answer.pods);
    case 'investigation':
      return investigationText(t, answer.investigation);
    case 'clarify':
      return answer.missing === 'replicas' ? t.clarifyReplicas : t.clarifyName(answer.action);
    case 'invalid':
      return t.invalid(answer.reason);
    case 'unreadable':
      return t.unreadable(answer.tool);
    case 'help':
      return t.help;
  }
}

/** The final Markdown of an offline answer in the texts' locale, ending with the marker that no model wrote it. */
export function renderAnswer(answer: OfflineAnswer, t: OfflineTexts): string {
  return `${body(t, answer)}\n\n*${t.marker}*`;
}
