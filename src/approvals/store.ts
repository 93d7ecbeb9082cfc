import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Risk, ToolName } from '../tools/registry.js';
import { isApprovalId, newApprovalId } from './approval-id.js';
import { approvalHash } from './hash.js';
import { approvalKey, dailyCountsKey, executingIndexKey, pendingIndexKey, utcDay } from './keys.js';
import { decodeRecordFields, encodePatchFields, encodeRecordFields, encodeState, pairsToObject } from './record-codec.js';
import { CREATE_SCRIPT, SET_CARD_SCRIPT, SET_REASON_SCRIPT, TRANSITION_SCRIPT } from './store-scripts.js';
import { assertAllowedTransitions } from './transitions.js';
import {
  approvalPatchSchema,
  approvalRecordSchema,
  FINAL_STATES,
  REQUEST_TEXT_MAX,
  type ApprovalObject,
  type ApprovalRequest,
  type ApprovalPatch,
  type ApprovalRecord,
  type ApprovalState,
} from './types.js';

export const DEFAULT_AUDIT_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Daily counters stay a week past their day, for "yesterday" in /status. */
const COUNTS_TTL_SECONDS = 8 * 24 * 60 * 60;
const DECISION_STATES: ReadonlySet<ApprovalState> = new Set(['approved', 'rejected', 'expired', 'cancelled']);

export interface CreateApprovalInput {
  tool: ToolName;
  arguments: Record<string, unknown>;
  risk: Risk;
  requesterId: number;
  requesterName?: string;
  chatId: number;
  jobRef?: string;
  locale: 'en' | 'zh-TW';
  preview?: unknown;
  request?: ApprovalRequest;
  objects?: ApprovalObject[];
  timeoutSeconds: number;
}

export type TransitionFailure = 'not_found' | 'wrong_state' | 'expired' | 'hash_mismatch';
export type TransitionResult = { ok: true; record: ApprovalRecord } | { ok: false; reason: TransitionFailure; record?: ApprovalRecord };

export interface ApprovalCounts {
  pending: number;
  approved: number;
  expired: number;
  rejected: number;
  succeeded: number;
  failed: number;
}

export interface ApprovalStore {
  create(input: CreateApprovalInput): Promise<ApprovalRecord>;
  /** undefined when there is no such record (or the id cannot be one); throws when the stored record is malformed. */
  get(id: string): Promise<ApprovalRecord | undefined>;
  /** Attaches the reason given after a reject; false unless the record is rejected or cancelled. */
  setReason(id: string, reason: string): Promise<boolean>;
  /**
   * Remembers the card's message ids (all its parts, in order; the first is also kept as cardMessageId); does
   * nothing when the record is gone. Throws when Redis refuses the write.
   */
  setCardMessage(id: string, messageIds: number | readonly number[]): Promise<void>;
  /**
   * One atomic compare-and-set (Lua): moves from one of `from` to `to` only if the record exists, its state is
   * in `from`, (when to === 'approved') now < expiresAt, and (when expectHash is given) argsHash === expectHash.
   * The patch is merged in the same step and history gets { state: to, at: now, by: patch.decidedBy }.
   * Entering approved, rejected, expired or cancelled sets decidedAt = now unless the patch gives it.
   * A record entering a final state gets the audit TTL; others keep their TTL of expiry + audit TTL.
   * Throws (a bug, not a lost race) when some `from` → `to` is not an edge of the state machine.
   */
  transition(
    id: string,
    from: readonly ApprovalState[],
    to: ApprovalState,
    patch?: ApprovalPatch,
    opts?: { expectHash?: string; now?: number },
  ): Promise<TransitionResult>;
  /** Records in state pending, soonest expiry first (including any past their deadline the sweep has not reached). */
  listPending(filter?: { chatId?: number }): Promise<ApprovalRecord[]>;
  /** Records in state executing, the longest-running first (history tells when each started). */
  listExecuting(): Promise<ApprovalRecord[]>;
  /** Ids of pending records whose expiresAt <= now: the backstop sweep for a lost deadline job. */
  dueForExpiry(now: number): Promise<string[]>;
  /** pending = pending now; the others = transitions into that state during the current UTC day. */
  countsToday(now?: number): Promise<ApprovalCounts>;
}

export interface ApprovalStoreDeps {
  redis: Redis;
  keyPrefix: string;
  /** How long finished records are kept (default 30 days). */
  auditTtlSeconds?: number;
  now?: () => number;
  /** Told about malformed records that lists skip. */
  logger?: Logger;
}

const transitionReplySchema = z.union([
  z.tuple([z.literal('not_found')]),
  z.tuple([z.enum(['ok', 'wrong_state', 'expired', 'hash_mismatch']), z.array(z.string())]),
]);
const countField = z.coerce.number().int().nonnegative().catch(0).default(0);
const countsHashSchema = z.object({
  approved: countField,
  expired: countField,
  rejected: countField,
  succeeded: countField,
  failed: countField,
});

export function createApprovalStore(deps: ApprovalStoreDeps): ApprovalStore {
  const { redis, keyPrefix } = deps;
  const auditTtlSeconds = deps.auditTtlSeconds ?? DEFAULT_AUDIT_TTL_SECONDS;
  const clock = deps.now ?? Date.now;
  const pendingKey = pendingIndexKey(keyPrefix);
  const executingKey = executingIndexKey(keyPrefix);

  function decodeOrThrow(id: string, fields: Record<string, string>): ApprovalRecord {
    const decoded = decodeRecordFields(fields);
    if (!decoded.ok) throw new Error(`approval record ${id} in Redis is malformed (${decoded.problem})`);
    return decoded.record;
  }

  /** Reads the records behind an index; drops ids whose record is gone, skips malformed ones. */
  async function readIndexed(indexKey: string, ids: string[], state: ApprovalState): Promise<ApprovalRecord[]> {
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hgetall(approvalKey(keyPrefix, id));
    const replies = (await pipeline.exec()) ?? [];
    const records: ApprovalRecord[] = [];
    const gone: string[] = [];
    ids.forEach((id, i) => {
      const [error, value] = replies[i] ?? [new Error('no reply'), undefined];
      if (error) throw error;
      const fields = z.record(z.string(), z.string()).parse(value);
      if (Object.keys(fields).length === 0) {
        gone.push(id);
        return;
      }
      const decoded = decodeRecordFields(fields);
      if (!decoded.ok) {
        deps.logger?.warn({ approvalId: id, problem: decoded.problem }, 'skipping malformed approval record');
        return;
      }
      if (decoded.record.state === state) records.push(decoded.record);
    });
    if (gone.length > 0) await redis.zrem(indexKey, ...gone);
    return records;
  }

  return {
    async create(input) {
      if (!Number.isFinite(input.timeoutSeconds) || input.timeoutSeconds <= 0) {
        throw new Error(`approval timeout must be a positive number of seconds, got ${input.timeoutSeconds}`);
      }
      const now = clock();
      const timeoutMs = Math.round(input.timeoutSeconds * 1000);
      // The round trip makes the returned record equal to what a later read gives back.
      const args = z.record(z.string(), z.unknown()).parse(JSON.parse(JSON.stringify(input.arguments)));
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const record = approvalRecordSchema.parse({
          id: newApprovalId(),
          tool: input.tool,
          arguments: args,
          argsHash: approvalHash(input.tool, args),
          risk: input.risk,
          requesterId: input.requesterId,
          requesterName: input.requesterName,
          chatId: input.chatId,
          jobRef: input.jobRef,
          locale: input.locale,
          createdAt: now,
          expiresAt: now + timeoutMs,
          state: 'pending',
          preview: input.preview === undefined ? undefined : JSON.parse(JSON.stringify(input.preview)),
          request: input.request === undefined ? undefined : { ...input.request, text: input.request.text.slice(0, REQUEST_TEXT_MAX) },
          objects: input.objects?.map((object) => ({ ...object })),
          history: [{ state: 'pending', at: now, by: input.requesterId }],
        } satisfies ApprovalRecord);
        const ttlMs = timeoutMs + auditTtlSeconds * 1000;
        const created = await CREATE_SCRIPT.run(
          redis,
          [approvalKey(keyPrefix, record.id), pendingKey],
          [ttlMs, record.expiresAt, record.id, ...encodeRecordFields(record)],
        );
        if (created === 1) return record;
      }
      throw new Error('could not draw an unused approval id');
    },

    async get(id) {
      if (!isApprovalId(id)) return undefined;
      const fields = await redis.hgetall(approvalKey(keyPrefix, id));
      if (Object.keys(fields).length === 0) return undefined;
      return decodeOrThrow(id, fields);
    },

    async setCardMessage(id, messageIds) {
      if (!isApprovalId(id)) return;
      const ids = approvalRecordSchema.shape.cardMessageIds.unwrap().parse(typeof messageIds === 'number' ? [messageIds] : [...messageIds]);
      await SET_CARD_SCRIPT.run(redis, [approvalKey(keyPrefix, id)], [JSON.stringify(ids[0]), JSON.stringify(ids)]);
    },

    async setReason(id, reason) {
      if (!isApprovalId(id)) return false;
      const checked = approvalPatchSchema.shape.reason.unwrap().parse(reason.slice(0, 500));
      return (await SET_REASON_SCRIPT.run(redis, [approvalKey(keyPrefix, id)], [JSON.stringify(checked)])) === 1;
    },

    async transition(id, from, to, patch = {}, opts = {}) {
      assertAllowedTransitions(from, to);
      if (!isApprovalId(id)) return { ok: false, reason: 'not_found' };
      const now = opts.now ?? clock();
      const fullPatch: ApprovalPatch = { ...approvalPatchSchema.parse(patch) };
      if (DECISION_STATES.has(to) && fullPatch.decidedAt === undefined) fullPatch.decidedAt = now;
      const historyEntry = { state: to, at: now, by: patch.decidedBy };
      const reply = await TRANSITION_SCRIPT.run(
        redis,
        [approvalKey(keyPrefix, id), pendingKey, executingKey, dailyCountsKey(keyPrefix, utcDay(now))],
        [
          now,
          encodeState(to),
          to,
          opts.expectHash === undefined ? '' : JSON.stringify(opts.expectHash),
          FINAL_STATES.has(to) ? auditTtlSeconds : '',
          JSON.stringify(historyEntry),
          COUNTS_TTL_SECONDS,
          id,
          from.length,
          ...from.map(encodeState),
          ...encodePatchFields(fullPatch),
        ],
      );
      const parsed = transitionReplySchema.parse(reply);
      if (parsed[0] === 'not_found') return { ok: false, reason: 'not_found' };
      const record = decodeOrThrow(id, pairsToObject(parsed[1]));
      return parsed[0] === 'ok' ? { ok: true, record } : { ok: false, reason: parsed[0], record };
    },

    async listPending(filter = {}) {
      const ids = await redis.zrange(pendingKey, 0, -1);
      const records = await readIndexed(pendingKey, ids, 'pending');
      return records.filter((r) => filter.chatId === undefined || r.chatId === filter.chatId).sort((a, b) => a.expiresAt - b.expiresAt);
    },

    async listExecuting() {
      const ids = await redis.zrange(executingKey, 0, -1);
      return readIndexed(executingKey, ids, 'executing');
    },

    async dueForExpiry(now) {
      return redis.zrangebyscore(pendingKey, '-inf', now);
    },

    async countsToday(now = clock()) {
      const [pending, hash] = await Promise.all([redis.zcard(pendingKey), redis.hgetall(dailyCountsKey(keyPrefix, utcDay(now)))]);
      return { pending, ...countsHashSchema.parse(hash) };
    },
  };
}
