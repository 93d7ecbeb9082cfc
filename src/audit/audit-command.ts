import type { AuditTrail } from './trail.js';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d{1,6})([smhd])$/;
// A date, optionally with a time: Date.parse alone would also take "1" or "May 5".
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** "24h", "30m", "7d", "90s" before now, or an ISO date (a bare date is UTC midnight); throws otherwise. */
export function parseSince(text: string, now: number): number {
  const trimmed = text.trim();
  const duration = DURATION.exec(trimmed);
  if (duration) {
    const [, amount, unit] = duration;
    return now - Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  }
  if (ISO_DATE.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isFinite(ms)) return ms;
  }
  throw new Error(`--since expects a duration such as 90s, 30m, 24h or 7d, or an ISO date such as 2025-06-01T08:00:00Z; got "${text}"`);
}

/** `cli audit --since 24h`: one JSON line per entry, oldest first, each with its time also as ISO text. */
export async function runAuditCommand(
  args: { since: string },
  deps: { trail: AuditTrail; write: (line: string) => void; now?: number },
): Promise<void> {
  const from = parseSince(args.since, deps.now ?? Date.now());
  for (const entry of await deps.trail.since(from)) {
    const { id, at, ...rest } = entry;
    deps.write(JSON.stringify({ id, at, time: new Date(at).toISOString(), ...rest }));
  }
}
