/**
 * How long a provider asked us to wait, in ms, from `retry-after-ms` (OpenAI's extension) or `retry-after`
 * (delta-seconds or an HTTP-date, RFC 9110 §10.2.3). null when absent or unreadable.
 */
export function parseRetryAfterMs(headers: { get(name: string): string | null } | undefined, nowMs: number): number | null {
  if (!headers) return null;
  const msHeader = headers.get('retry-after-ms');
  if (msHeader !== null) {
    const ms = Number(msHeader.trim());
    if (msHeader.trim() !== '' && Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  }
  const header = headers.get('retry-after');
  return header === null ? null : parseRetryAfterValue(header, nowMs);
}

export function parseRetryAfterValue(value: string, nowMs: number): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP-date always names a weekday or month; refusing bare numbers-with-junk avoids Date.parse guesses.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
