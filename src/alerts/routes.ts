/**
 * ALERT_ROUTES: where a group of alerts goes, by label. `namespace=prod→-100123; team=db,severity=critical->-100456`:
 * routes separated by `;`, matchers of one route by `,` (all must hold), `→` or `->` before the chat id.
 * A matcher is `label=value` or `label!=value`. The first route that matches wins.
 */

export interface LabelMatcher {
  label: string;
  value: string;
  negate: boolean;
}

export interface AlertRoute {
  matchers: LabelMatcher[];
  chatId: number;
}

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CHAT_ID = /^-?\d{1,15}$/;

export type ParsedRoutes = { ok: true; routes: AlertRoute[] } | { ok: false; problem: string };

export function parseAlertRoutes(text: string): ParsedRoutes {
  const routes: AlertRoute[] = [];
  for (const rawRoute of text.split(';')) {
    const route = rawRoute.trim();
    if (route === '') continue;
    const arrow = route.includes('→') ? '→' : '->';
    const parts = route.split(arrow);
    if (parts.length !== 2) return { ok: false, problem: `route "${route}": expected labels=value→chat id (→ or ->)` };
    const [left = '', right = ''] = parts.map((p) => p.trim());
    if (!CHAT_ID.test(right)) return { ok: false, problem: `route "${route}": "${right}" is not a Telegram chat id` };
    const matchers: LabelMatcher[] = [];
    for (const rawMatcher of left.split(',')) {
      const matcher = rawMatcher.trim();
      const m = /^([^!=\s]+)\s*(!=|=)\s*(.*)$/.exec(matcher);
      if (!m?.[1] || !LABEL_NAME.test(m[1])) {
        return { ok: false, problem: `route "${route}": "${matcher}" is not label=value or label!=value` };
      }
      matchers.push({ label: m[1], value: (m[3] ?? '').trim().replace(/^"(.*)"$/, '$1'), negate: m[2] === '!=' });
    }
    routes.push({ matchers, chatId: Number(right) });
  }
  return { ok: true, routes };
}

/** A missing label reads as "" (as in Alertmanager), so `team!=db` holds for alerts without a team. */
export function routeMatches(route: AlertRoute, labels: Readonly<Record<string, string>>): boolean {
  return route.matchers.every((m) => ((labels[m.label] ?? '') === m.value) !== m.negate);
}

/** The chat of the first matching route, else the default chat, else undefined (nowhere to post). */
export function chatForLabels(
  routes: readonly AlertRoute[],
  labels: Readonly<Record<string, string>>,
  defaultChatId?: number,
): number | undefined {
  return routes.find((route) => routeMatches(route, labels))?.chatId ?? defaultChatId;
}
