import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Metrics } from '../metrics/registry.js';
import { AUDIT_KINDS, auditEntrySchema, decodeAuditFields, encodeAuditFields, type AuditEntry } from './entry-codec.js';

export { AUDIT_KINDS, auditEntrySchema } from './entry-codec.js';
export type { AuditEntry, AuditKind } from './entry-codec.js';

export type StoredAuditEntry = AuditEntry & { id: string };

export interface AuditTrail {
  /**
   * Adds one entry (at defaults to now) and resolves to its stream id. Never throws into the caller's flow: an
   * entry the schema refuses or a write Redis refuses is logged as an error (with the entry's chat, user, job and
   * approval ids) and counted in chatops_audit_append_failures_total, and resolves to undefined.
   */
  append(entry: Omit<AuditEntry, 'at'> & { at?: number }): Promise<string | undefined>;
  /** The latest n entries, newest first; malformed ones are skipped (so there may be fewer than n). */
  latest(n: number): Promise<StoredAuditEntry[]>;
  /** Entries with at >= ms, oldest first. */
  since(ms: number): Promise<StoredAuditEntry[]>;
  /** How many malformed stream entries this trail has skipped while reading. */
  skippedCount(): number;
}

export interface AuditTrailDeps {
  redis: Redis;
  keyPrefix: string;
  /** Length cap (XADD MAXLEN ~): the trail is bounded by size, not by age. Default 100 000. */
  maxLen?: number;
  now?: () => number;
  logger: Logger;
  /** Where failed appends are counted (the /metrics registry). */
  metrics: Pick<Metrics, 'auditAppendFailed'>;
}

export const DEFAULT_AUDIT_MAX_LEN = 100_000;
const PAGE_SIZE = 1000;
const MAX_LATEST = 10_000;
/**
 * Stream ids carry Redis's clock, `at` carries the app's. since() starts the id range this much earlier and
 * then filters on `at`, so a few minutes of clock skew between them loses nothing.
 */
const CLOCK_SKEW_MARGIN_MS = 5 * 60 * 1000;

export function auditStreamKey(keyPrefix: string): string {
  return `${keyPrefix}audit`;
}

const streamReplySchema = z.array(z.tuple([z.string(), z.array(z.string())]));

export function createAuditTrail(deps: AuditTrailDeps): AuditTrail {
  const { redis } = deps;
  const key = auditStreamKey(deps.keyPrefix);
  const maxLen = deps.maxLen ?? DEFAULT_AUDIT_MAX_LEN;
  const clock = deps.now ?? Date.now;
  let skipped = 0;

  function decodeAll(reply: unknown): StoredAuditEntry[] {
    const out: StoredAuditEntry[] = [];
    for (const [id, fields] of streamReplySchema.parse(reply)) {
      const decoded = decodeAuditFields(fields);
      if (decoded.ok) {
        out.push({ id, ...decoded.entry });
      } else {
        skipped += 1;
        deps.logger.warn({ streamId: id, problem: decoded.problem }, 'skipping malformed audit entry');
      }
    }
    return out;
  }

  return {
    async append(entry) {
      try {
        const full = auditEntrySchema.parse({ ...entry, at: entry.at ?? clock() });
        const id = await redis.xadd(key, 'MAXLEN', '~', maxLen, '*', ...encodeAuditFields(full));
        return z.string().parse(id);
      } catch (error) {
        // A kind outside the four (a careless caller) is counted as 'invalid': labels stay a closed set.
        deps.metrics.auditAppendFailed((AUDIT_KINDS as readonly string[]).includes(entry.kind) ? entry.kind : 'invalid');
        deps.logger.error(
          {
            err: error,
            audit_kind: entry.kind,
            chat_id: entry.chatId,
            user_id: entry.userId,
            job_id: entry.jobRef,
            approval_id: entry.approvalId,
            tool: entry.tool,
            outcome: entry.outcome,
          },
          'audit entry NOT written',
        );
        return undefined;
      }
    },

    async latest(n) {
      const count = Math.min(Math.floor(n), MAX_LATEST);
      if (!(count > 0)) return [];
      return decodeAll(await redis.xrevrange(key, '+', '-', 'COUNT', count));
    },

    async since(ms) {
      const out: StoredAuditEntry[] = [];
      let start = `${Math.max(0, Math.floor(ms) - CLOCK_SKEW_MARGIN_MS)}-0`;
      for (;;) {
        const page = await redis.xrange(key, start, '+', 'COUNT', PAGE_SIZE);
        const parsed = streamReplySchema.parse(page);
        out.push(...decodeAll(parsed).filter((entry) => entry.at >= ms));
        const last = parsed.at(-1);
        if (!last || parsed.length < PAGE_SIZE) break;
        start = `(${last[0]}`;
      }
      return out;
    },

    skippedCount: () => skipped,
  };
}
