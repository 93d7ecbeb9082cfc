import { describe, expect, it } from 'vitest';
import { chatForLabels, parseAlertRoutes, type AlertRoute } from './routes.js';

function routes(text: string): AlertRoute[] {
  const parsed = parseAlertRoutes(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.routes;
}

describe('ALERT_ROUTES', () => {
  it('reads routes separated by ";", matchers by ",", with → or ->', () => {
    expect(routes('namespace=prod→-100123; team=db, severity = critical -> -100456 ;')).toEqual([
      { matchers: [{ label: 'namespace', value: 'prod', negate: false }], chatId: -100123 },
      {
        matchers: [
          { label: 'team', value: 'db', negate: false },
          { label: 'severity', value: 'critical', negate: false },
        ],
        chatId: -100456,
      },
    ]);
    expect(routes('')).toEqual([]);
  });

  it('reads label!=value and quoted values', () => {
    expect(routes('env!="staging"->42')).toEqual([{ matchers: [{ label: 'env', value: 'staging', negate: true }], chatId: 42 }]);
  });

  it.each([
    ['namespace=prod', /expected labels=value→chat id/],
    ['namespace=prod→chat', /"chat" is not a Telegram chat id/],
    ['prod→-1', /"prod" is not label=value/],
    ['namespace=prod→-1→-2', /expected labels=value→chat id/],
    ['9ns=prod→-1', /"9ns=prod" is not label=value/],
  ])('refuses %j with a reason', (text, reason) => {
    const parsed = parseAlertRoutes(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(reason);
  });

  it('sends a group to the first route whose matchers all hold, else to the default chat', () => {
    const table = routes('namespace=prod,severity=critical→-1; namespace=prod→-2; team!=db→-3');
    expect(chatForLabels(table, { namespace: 'prod', severity: 'critical' }, 7)).toBe(-1);
    expect(chatForLabels(table, { namespace: 'prod', severity: 'warning' }, 7)).toBe(-2);
    expect(chatForLabels(table, { namespace: 'staging' }, 7)).toBe(-3);
    expect(chatForLabels(table, { namespace: 'staging', team: 'db' }, 7)).toBe(7);
    expect(chatForLabels(table, { namespace: 'staging', team: 'db' })).toBeUndefined();
  });
});
