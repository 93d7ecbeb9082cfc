import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { luaScript } from '../lua-script.js';
import type { AuditTrail } from '../audit/trail.js';
import type { Translate } from '../i18n/translator.js';
import type { AlertGroup, AlertUser } from './group-record.js';
import type { AlertGroupStore } from './group-store.js';
import { investigationSeed, type InvestigationSeed } from './investigation.js';

/** What the investigations need to know about background jobs (the agent queue, src/jobs/agent-dispatcher.ts). */
export interface InvestigationJobs {
  /** The job exists (waiting, running or finished and still kept). */
  isKnown(ref: string): Promise<boolean>;
  /** The job is waiting or running (retries included): not finished, failed for good or cancelled. */
  isRunning(ref: string): Promise<boolean>;
}

export type InvestigationClaim =
  | { kind: 'claimed'; group: AlertGroup; seed: InvestigationSeed }
  /** Another investigation of this group is still waiting or running. */
  | { kind: 'running'; ref: string }
  /** This very tap was handled before (Telegram delivered it again): its job exists. */
  | { kind: 'repeated'; ref: string }
  | { kind: 'resolved' }
  | { kind: 'unknown' };

export interface AlertInvestigations {
  /** Takes the group's one investigation slot for the job `ref`, or says why not. */
  claim(groupId: string, ref: string): Promise<InvestigationClaim>;
  /** Gives the slot back when the job could not be queued. */
  release(groupId: string, ref: string): Promise<void>;
  /** Writes the audit entry once the job is queued. */
  started(group: AlertGroup, ref: string, user: AlertUser): Promise<void>;
}

/** The job ref of an Investigate tap: the same tap (a redelivered update) always gives the same ref. */
export function alertInvestigationRef(tapId: string): string {
  // Hex, with a leading letter: BullMQ refuses custom job ids that read as integers.
  return `a${createHash('sha256').update(`alert-investigation:${tapId}`).digest('hex').slice(0, 9)}`;
}

export function investigationSlotKey(keyPrefix: string, groupId: string): string {
  return `${keyPrefix}alert:investigation:${groupId}`;
}

/** The slot's ref is replaced only if it is still the one we read ('' for none): two claimers never both win. */
const SWAP = luaScript(`
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
`);
/** Frees the slot if it still holds this ref (ARGV[1] is "<ref>:"). */
const RELEASE = luaScript(`
local current = redis.call('GET', KEYS[1]) or ''
if string.sub(current, 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Longer than any investigation runs (the agent's own limits end it well before). */
const SLOT_SECONDS = 24 * 3600;
/**
 * Between the claim and the job being queued (the ack message is sent in between) the job is not in the queue
 * yet, but the slot is taken. A claimer that died in that gap leaves a slot that frees itself after this long.
 */
const QUEUEING_GRACE_MS = 60_000;

/** The slot holds "<ref>:<claimed at, epoch ms>". */
function readSlot(value: string): { ref: string; at: number } | undefined {
  const m = /^([a-f0-9]{8,16}):(\d{1,15})$/.exec(value);
  return m?.[1] && m[2] ? { ref: m[1], at: Number(m[2]) } : undefined;
}

/**
 * One investigation per alert group at a time. The slot is a Redis key holding the ref of the group's latest
 * investigation; it counts as taken while that job is waiting or running in the agent queue (or is about to be
 * queued), so nothing has to free it when the job ends, and a worker that dies mid-job keeps it taken until
 * BullMQ gives up on the job.
 */
export function createAlertInvestigations(deps: {
  store: Pick<AlertGroupStore, 'get'>;
  jobs: InvestigationJobs;
  audit: AuditTrail;
  t: Translate;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  now?: () => number;
}): AlertInvestigations {
  const { redis, keyPrefix } = deps;
  const now = deps.now ?? Date.now;

  /** Its job waits or runs, or it was claimed a moment ago and its job is being queued right now. */
  async function taken(holder: { ref: string; at: number }): Promise<boolean> {
    if (await deps.jobs.isRunning(holder.ref)) return true;
    return now() - holder.at < QUEUEING_GRACE_MS && !(await deps.jobs.isKnown(holder.ref));
  }

  return {
    async claim(groupId, ref) {
      const group = await deps.store.get(groupId);
      if (!group) return { kind: 'unknown' };
      if (await deps.jobs.isKnown(ref)) return { kind: 'repeated', ref };
      if (group.status === 'resolved') return { kind: 'resolved' };
      const key = investigationSlotKey(keyPrefix, groupId);
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = (await redis.get(key)) ?? '';
        const holder = readSlot(current);
        if (holder && holder.ref !== ref && (await taken(holder))) return { kind: 'running', ref: holder.ref };
        if ((await SWAP.run(redis, [key], [current, `${ref}:${now()}`, SLOT_SECONDS])) === 1) {
          return { kind: 'claimed', group, seed: investigationSeed(deps.t, group) };
        }
      }
      // Claimers kept racing: whoever holds the slot now is the running one.
      return { kind: 'running', ref: readSlot((await redis.get(key)) ?? '')?.ref ?? ref };
    },
    async release(groupId, ref) {
      await RELEASE.run(redis, [investigationSlotKey(keyPrefix, groupId)], [`${ref}:`]);
    },
    async started(group, ref, user) {
      await deps.audit
        .append({
          kind: 'alert',
          chatId: group.chatId,
          userId: user.userId,
          decision: 'investigate',
          outcome: 'queued',
          task: 'incident_analysis',
          jobRef: ref,
          detail: `alert group ${group.id} (${group.commonLabels.alertname ?? '?'})`,
        })
        .catch((error: unknown) =>
          deps.logger.error({ err: error, alert_group: group.id, job_id: ref }, 'could not write the audit entry for an investigation'),
        );
    },
  };
}
