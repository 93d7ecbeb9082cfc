import { describe, expect, it } from 'vitest';
import { parseSince, runAuditCommand } from './audit-command.js';
import type { AuditTrail, StoredAuditEntry } from './trail.js';

const NOW = Date.parse('2025-06-02T12:00:00Z');

describe('parseSince', () => {
  it.each([
    ['90s', NOW - 90_000],
    ['30m', NOW - 30 * 60_000],
    ['24h', NOW - 24 * 3_600_000],
    ['7d', NOW - 7 * 86_400_000],
    [' 0h ', NOW],
  ])('reads %j as a time before now', (text, expected) => {
    expect(parseSince(text, NOW)).toBe(expected);
  });

  it.each([
    ['2025-06-01', Date.parse('2025-06-01T00:00:00Z')],
    ['2025-06-01T08:30:00Z', Date.parse('2025-06-01T08:30:00Z')],
    ['2025-06-01T08:30:00.250+08:00', Date.parse('2025-06-01T00:30:00.250Z')],
  ])('reads the ISO date %j', (text, expected) => {
    expect(parseSince(text, NOW)).toBe(expected);
  });

  it.each(['', '24', 'h', '-1h', '1.5h', '24 hours', '3w', 'yesterday', '1', '2025-13-45', 'May 5'])(
    'refuses %j with a message that says what it expects',
    (text) => {
      expect(() => parseSince(text, NOW)).toThrow(/--since expects a duration such as 90s, 30m, 24h or 7d/);
    },
  );
});

/** A fake trail that holds entries in memory and records what it was asked. */
function fakeTrail(entries: StoredAuditEntry[]): AuditTrail & { askedSince: number[] } {
  const askedSince: number[] = [];
  return {
    askedSince,
    append: () => Promise.reject(new Error('the fake trail is read-only')),
    latest: (n) => Promise.resolve(entries.slice(-n).reverse()),
    since: (ms) => {
      askedSince.push(ms);
      return Promise.resolve(entries.filter((e) => e.at >= ms));
    },
    skippedCount: () => 0,
  };
}

describe('runAuditCommand', () => {
  it('prints one JSON line per entry since the given time, oldest first, with an ISO time', async () => {
    const trail = fakeTrail([
      { id: '1-0', at: NOW - 30 * 3_600_000, kind: 'request', userId: 1 },
      { id: '2-0', at: NOW - 2 * 3_600_000, kind: 'approval', approvalId: 'x', decision: 'approved', approver: 2 },
      { id: '3-0', at: NOW - 60_000, kind: 'execution', outcome: 'succeeded', durationMs: 420 },
    ]);
    const lines: string[] = [];
    await runAuditCommand({ since: '24h' }, { trail, write: (line) => lines.push(line), now: NOW });
    expect(trail.askedSince).toEqual([NOW - 24 * 3_600_000]);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        id: '2-0',
        at: NOW - 2 * 3_600_000,
        time: '2025-06-02T10:00:00.000Z',
        kind: 'approval',
        approvalId: 'x',
        decision: 'approved',
        approver: 2,
      },
      { id: '3-0', at: NOW - 60_000, time: '2025-06-02T11:59:00.000Z', kind: 'execution', outcome: 'succeeded', durationMs: 420 },
    ]);
  });

  it('rejects a bad --since before reading anything', async () => {
    const trail = fakeTrail([]);
    await expect(runAuditCommand({ since: 'soon' }, { trail, write: () => undefined, now: NOW })).rejects.toThrow(/--since/);
    expect(trail.askedSince).toEqual([]);
  });
});
