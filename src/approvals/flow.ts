import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { isClusterError, type ClusterError, type ClusterExecutor } from '../cluster/executor.js';
import { manifestObjectRefs } from '../cluster/manifest-documents.js';
import type { ChatModeStore } from './chat-mode.js';
import type { AuditTrail } from '../audit/trail.js';
import type { Risk, ToolCall, WriteToolCall } from '../tools/registry.js';
import { runTool } from '../tools/run-tool.js';
import { agentStateSchema, type AgentState } from '../agent/stored-state.js';
import { cardMessageIdsOf, sameMessageIds } from './card-messages.js';
import { approvalHash } from './hash.js';
import { checkDecider, confirmationTarget } from './policy.js';
import type { ApprovalPresenter } from './presenter.js';
import type { ApprovalStore } from './store.js';
import type { ApprovalObject, ApprovalRecord, ApprovalRequest } from './types.js';

/** What happens later, on a queue: BullMQ stays behind this in src/jobs/. */
export interface ApprovalScheduler {
  /** The BullMQ job id is the approval id, so an approval runs at most once. */
  execute(approvalId: string): Promise<void>;
  expiry(approvalId: string, dueAt: number): Promise<void>;
  followup(approvalId: string): Promise<void>;
}

export interface ApprovalSettings {
  timeoutSeconds: number;
  approverIds: readonly number[];
  allowSelfApproval: boolean;
  /** Where an object of a manifest that names no namespace lands (DEFAULT_NAMESPACE); kept on the record's object list. */
  defaultNamespace?: string;
}

export interface ApprovalFlowDeps {
  store: ApprovalStore;
  audit: AuditTrail;
  executor: ClusterExecutor;
  /** Shows cards and their changes; the flow never renders anything itself. */
  presenter: ApprovalPresenter;
  logger: Logger;
  redis: Redis;
  keyPrefix: string;
  schedule: ApprovalScheduler;
  settings: ApprovalSettings;
  modes: ChatModeStore;
  now?: () => number;
  /**
   * Waits before each retry of saving a card's message ids (default 100, 400, 1600 ms). When every try fails the
   * card is shown as not tracked and nothing can run from it.
   */
  cardSaveRetryMs?: readonly number[];
}

export interface ProposeInput {
  call: ToolCall;
  risk: Risk;
  requesterId: number;
  requesterName?: string;
  chatId: number;
  locale: 'en' | 'zh-TW';
  jobRef?: string;
  /** The paused agent conversation, resumed once the approval is final. */
  agentState?: AgentState;
  replyTo?: number;
  /** What the person asked for; the card shows it beside a change a model proposed. */
  request?: ApprovalRequest;
}

/** A card, or why there is none: the chat's mode forbids proposing, or the call could never run (scope, a missing target). */
export type ProposeResult =
  { kind: 'card'; record: ApprovalRecord } | { kind: 'blocked'; mode: 'read-only' | 'suggest' } | { kind: 'refused'; error: ClusterError };

/** Preview failures that mean the call itself can never run, so no card is worth making. */
const REFUSING_CODES: ReadonlySet<string> = new Set([
  'out_of_scope',
  'protected_namespace',
  'refused_by_policy',
  'not_found',
  'invalid',
  'forbidden',
]);

export type DecideResult =
  | { kind: 'approved' | 'rejected' | 'cancelled'; record: ApprovalRecord }
  | { kind: 'denied'; reason: 'not_approver' | 'two_person_rule'; record: ApprovalRecord }
  | { kind: 'needs_confirmation'; target: string; record: ApprovalRecord }
  /** The tap came from another chat than the card's: refused, whoever tapped. */
  | { kind: 'wrong_chat'; record: ApprovalRecord }
  /** `untracked`: the card's message ids were never saved, so no decision could ever show on it: refused. */
  | { kind: 'stale'; reason: 'not_found' | 'wrong_state' | 'expired' | 'hash_mismatch' | 'untracked'; record?: ApprovalRecord };

export type FollowupDecision = { status: 'approved'; result: unknown } | { status: 'declined' | 'expired' | 'failed'; reason?: string };

export const OUTCOME_UNKNOWN = 'outcome unknown: the worker stopped during the call; check the cluster before retrying';
/** The reason kept on a record whose card could not be tracked (Redis refused to save its message ids). */
export const UNTRACKED_CARD_REASON = 'the card could not be tracked (its message ids were not saved); nothing was run';
const DEFAULT_CARD_SAVE_RETRY_MS = [100, 400, 1600] as const;

function agentStateKey(keyPrefix: string, approvalId: string): string {
  return `${keyPrefix}approval-agent:${approvalId}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The approval lifecycle: propose (card + deadline), decide (a tap), execute (once), expire, and the follow-up
 * that tells the paused agent how it ended. Every state change is one compare-and-set in the store; this module
 * only reacts to the winner.
 */
export function createApprovalFlow(deps: ApprovalFlowDeps) {
  const { store, audit, presenter, logger, settings } = deps;
  const now = deps.now ?? Date.now;

  /**
   * Shows the freshest record on its card (a bot and a worker may both edit it). A failed edit is logged, never
   * fatal: the record is the truth.
   */
  async function refreshCard(known: ApprovalRecord): Promise<void> {
    const record = (await store.get(known.id).catch(() => undefined)) ?? known;
    const ids = cardMessageIdsOf(record);
    const [cardMessageId] = ids;
    if (cardMessageId === undefined) return;
    let shown: readonly number[] | void;
    try {
      shown = await presenter.changed({ ...record, cardMessageId, cardMessageIds: ids });
    } catch (error) {
      logger.warn({ err: error, approval_id: record.id, chat_id: record.chatId }, 'could not edit the approval card');
      return;
    }
    // A card that grew a part keeps it: the next change edits it instead of posting another.
    if (shown && shown.length > 0 && !sameMessageIds(shown, ids)) {
      await store.setCardMessage(record.id, shown).catch((error: unknown) => {
        logger.warn({ err: error, approval_id: record.id, chat_id: record.chatId }, 'could not save the parts a card grew');
      });
    }
  }

  /** Saves the card's message ids, retrying with backoff; false when Redis refused every try. */
  async function saveCardIds(record: ApprovalRecord, ids: readonly number[], log: Logger): Promise<boolean> {
    const waits = deps.cardSaveRetryMs ?? DEFAULT_CARD_SAVE_RETRY_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.setCardMessage(record.id, ids);
        return true;
      } catch (error) {
        const wait = waits[attempt];
        if (wait === undefined) {
          log.error({ err: error, attempts: attempt + 1 }, 'could not save the card message ids; the card is not tracked');
          return false;
        }
        log.warn({ err: error, attempt: attempt + 1 }, 'saving the card message ids failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /**
   * A card whose ids are not saved could never show a decision, so it must not take one: the card says so (no
   * buttons), the chat is told, and decide refuses the record while it has no card ids. The record is withdrawn
   * if Redis takes that write; if not, it stays pending until its deadline job expires it. Nothing runs either way.
   */
  async function untrack(record: ApprovalRecord, ids: readonly number[], log: Logger): Promise<void> {
    try {
      await presenter.untracked(record, ids);
    } catch (error) {
      log.error({ err: error }, 'could not show that the card is not tracked');
    }
    try {
      const withdrawn = await store.transition(record.id, ['pending'], 'cancelled', { reason: UNTRACKED_CARD_REASON }, { now: now() });
      if (!withdrawn.ok) return;
      log.warn('untracked card withdrawn');
      await auditState(withdrawn.record, { detail: UNTRACKED_CARD_REASON });
      await deps.schedule.followup(record.id);
    } catch (error) {
      log.warn({ err: error }, 'could not withdraw the untracked card; it expires at its deadline, and no tap is taken meanwhile');
    }
  }

  async function auditState(
    record: ApprovalRecord,
    extra: { userId?: number; outcome?: string; durationMs?: number; detail?: string } = {},
  ) {
    await audit.append({
      kind: 'approval',
      chatId: record.chatId,
      userId: extra.userId ?? record.requesterId,
      tool: record.tool,
      argsHash: record.argsHash,
      approvalId: record.id,
      ...(record.decidedBy !== undefined ? { approver: record.decidedBy } : {}),
      decision: record.state,
      ...(extra.outcome ? { outcome: extra.outcome } : {}),
      ...(extra.durationMs !== undefined ? { durationMs: extra.durationMs } : {}),
      ...(extra.detail ? { detail: extra.detail } : {}),
      ...(record.jobRef ? { jobRef: record.jobRef } : {}),
    });
  }

  /** The deadline: pending → expired. Anything else already won; nothing to do. */
  async function expire(approvalId: string): Promise<boolean> {
    const result = await store.transition(approvalId, ['pending'], 'expired', {}, { now: now() });
    if (!result.ok) return false;
    logger.info(
      { approval_id: approvalId, chat_id: result.record.chatId, late_ms: now() - result.record.expiresAt },
      'approval expired; nothing was run',
    );
    await auditState(result.record);
    await refreshCard(result.record);
    await deps.schedule.followup(approvalId);
    return true;
  }

  return {
    refreshCard,

    async propose(input: ProposeInput): Promise<ProposeResult> {
      const mode = await deps.modes.get(input.chatId);
      if (mode !== 'approve') {
        logger.info({ chat_id: input.chatId, tool: input.call.name, mode }, 'change not proposed: chat mode');
        await audit.append({
          kind: 'tool_call',
          chatId: input.chatId,
          userId: input.requesterId,
          tool: input.call.name,
          argsHash: approvalHash(input.call.name, input.call.arguments),
          outcome: `blocked_${mode}`,
          ...(input.jobRef ? { jobRef: input.jobRef } : {}),
        });
        return { kind: 'blocked', mode };
      }
      let preview: unknown;
      let previewError: string | undefined;
      let objects: ApprovalObject[] | undefined;
      try {
        // Every object of a manifest goes on the record and the card, whatever the preview shows of it.
        if (input.call.name === 'apply_manifest') {
          const { manifest, namespace } = input.call.arguments;
          objects = manifestObjectRefs(manifest, namespace ?? settings.defaultNamespace);
        }
        preview = await deps.executor.preview(input.call as WriteToolCall);
      } catch (error) {
        if (isClusterError(error) && REFUSING_CODES.has(error.code)) {
          logger.info({ chat_id: input.chatId, tool: input.call.name, code: error.code }, 'change refused before a card: it cannot run');
          return { kind: 'refused', error };
        }
        previewError = isClusterError(error) ? error.message : messageOf(error);
        logger.warn({ err: error, tool: input.call.name }, 'preview failed');
      }
      const record = await store.create({
        tool: input.call.name,
        arguments: input.call.arguments,
        risk: input.risk,
        requesterId: input.requesterId,
        ...(input.requesterName ? { requesterName: input.requesterName } : {}),
        chatId: input.chatId,
        ...(input.jobRef ? { jobRef: input.jobRef } : {}),
        locale: input.locale,
        ...(preview !== undefined ? { preview } : {}),
        ...(input.request ? { request: input.request } : {}),
        ...(objects ? { objects } : {}),
        timeoutSeconds: settings.timeoutSeconds,
      });
      const log = logger.child({ approval_id: record.id, chat_id: record.chatId, user_id: record.requesterId, job_id: record.jobRef });
      if (input.agentState) {
        await deps.redis.set(
          agentStateKey(deps.keyPrefix, record.id),
          JSON.stringify(input.agentState),
          'EX',
          settings.timeoutSeconds + 7 * 24 * 3600,
        );
      }
      // The deadline is scheduled before the card goes out, so no card can exist without its expiry.
      await deps.schedule.expiry(record.id, record.expiresAt);
      const shown = await presenter.proposed(record, {
        ...(previewError ? { previewError } : {}),
        ...(input.replyTo ? { replyTo: input.replyTo } : {}),
      });
      const cardIds = shown === undefined ? [] : typeof shown === 'number' ? [shown] : [...shown];
      const tracked = cardIds.length > 0 && (await saveCardIds(record, cardIds, log));
      if (cardIds.length > 0 && !tracked) await untrack(record, cardIds, log);
      await audit.append({
        kind: 'tool_call',
        chatId: record.chatId,
        userId: record.requesterId,
        tool: record.tool,
        argsHash: record.argsHash,
        approvalId: record.id,
        outcome: 'needs_approval',
        ...(record.jobRef ? { jobRef: record.jobRef } : {}),
      });
      await auditState(record);
      log.info({ tool: record.tool, risk: record.risk, expires_at: record.expiresAt }, 'approval requested');
      return {
        kind: 'card',
        record: { ...record, ...(tracked && cardIds[0] !== undefined ? { cardMessageId: cardIds[0], cardMessageIds: cardIds } : {}) },
      };
    },

    async decide(input: {
      approvalId: string;
      userId: number;
      userName?: string;
      decision: 'approve' | 'reject';
      confirmed?: boolean;
      /** The chat the tap (or the confirming reply) came from; a card decides only in its own chat. */
      chatId?: number;
    }): Promise<DecideResult> {
      const record = await store.get(input.approvalId);
      if (!record) return { kind: 'stale', reason: 'not_found' };
      if (input.chatId !== undefined && input.chatId !== record.chatId) {
        logger.warn(
          { approval_id: record.id, chat_id: input.chatId, card_chat_id: record.chatId, user_id: input.userId },
          'approval tap from another chat refused',
        );
        return { kind: 'wrong_chat', record };
      }
      if (record.state === 'pending' && cardMessageIdsOf(record).length === 0) {
        logger.warn({ approval_id: record.id, chat_id: record.chatId, user_id: input.userId }, 'tap on an untracked card refused');
        return { kind: 'stale', reason: 'untracked', record };
      }
      const check = checkDecider({
        record,
        userId: input.userId,
        decision: input.decision,
        approverIds: settings.approverIds,
        allowSelfApproval: settings.allowSelfApproval,
      });
      const log = logger.child({ approval_id: record.id, chat_id: record.chatId, user_id: input.userId });
      if (!check.allowed) {
        log.warn({ reason: check.reason, decision: input.decision }, 'approval tap refused');
        await audit.append({
          kind: 'approval',
          chatId: record.chatId,
          userId: input.userId,
          tool: record.tool,
          argsHash: record.argsHash,
          approvalId: record.id,
          decision: `${input.decision}_refused`,
          outcome: check.reason,
        });
        return { kind: 'denied', reason: check.reason, record };
      }
      if (check.needsTypedConfirmation && !input.confirmed)
        return { kind: 'needs_confirmation', target: confirmationTarget(record), record };

      const to =
        input.decision === 'approve'
          ? 'approved'
          : input.userId === record.requesterId && !settings.approverIds.includes(input.userId)
            ? 'cancelled'
            : 'rejected';
      // The hash is recomputed from the stored call: a record whose call no longer matches its card is refused.
      const result = await store.transition(
        record.id,
        ['pending'],
        to,
        { decidedBy: input.userId, ...(input.userName ? { decidedByName: input.userName } : {}) },
        { expectHash: approvalHash(record.tool, record.arguments), now: now() },
      );
      if (!result.ok) {
        log.info({ reason: result.reason, decision: input.decision }, 'approval tap lost: not pending any more');
        return { kind: 'stale', reason: result.reason, ...(result.record ? { record: result.record } : {}) };
      }
      log.info({ decision: to }, 'approval decided');
      await auditState(result.record, { userId: input.userId });
      // The caller answers the tap, then calls refreshCard: the person sees "approved" before any other round trip.
      if (to === 'approved') await deps.schedule.execute(record.id);
      else await deps.schedule.followup(record.id);
      return { kind: to, record: result.record };
    },

    async addReason(approvalId: string, reason: string): Promise<boolean> {
      if (!(await store.setReason(approvalId, reason))) return false;
      const record = await store.get(approvalId);
      if (record) {
        await audit.append({
          kind: 'approval',
          chatId: record.chatId,
          tool: record.tool,
          argsHash: record.argsHash,
          approvalId,
          decision: record.state,
          detail: `reason: ${reason.slice(0, 200)}`,
          ...(record.decidedBy !== undefined ? { approver: record.decidedBy } : {}),
        });
        await refreshCard(record);
      }
      return true;
    },

    /** Runs an approved call exactly once. A record already `executing` means a worker died mid-call: fail it, never rerun. */
    async execute(approvalId: string): Promise<ApprovalRecord | undefined> {
      const current = await store.get(approvalId);
      if (!current) return undefined;
      const log = logger.child({ approval_id: approvalId, chat_id: current.chatId });
      if (current.state === 'executing') {
        const failed = await store.transition(approvalId, ['executing'], 'failed', { error: OUTCOME_UNKNOWN });
        if (failed.ok) {
          log.error('execution interrupted earlier; marked failed with outcome unknown, not run again');
          await auditState(failed.record, { outcome: 'unknown' });
          await refreshCard(failed.record);
          await deps.schedule.followup(approvalId);
        }
        return failed.ok ? failed.record : current;
      }
      const claimed = await store.transition(approvalId, ['approved'], 'executing');
      if (!claimed.ok) {
        log.info({ reason: claimed.reason, state: claimed.record?.state }, 'execute skipped: not approved');
        return claimed.record;
      }
      await refreshCard(claimed.record);
      const started = performance.now();
      let finished;
      try {
        const result = await runTool(deps.executor, { name: current.tool, arguments: current.arguments });
        finished = await store.transition(approvalId, ['executing'], 'succeeded', { result });
      } catch (error) {
        log.warn({ err: error }, 'approved call failed');
        // A cluster error keeps its code and details, so the card can say what happened in the requester's language.
        finished = isClusterError(error)
          ? await store.transition(approvalId, ['executing'], 'failed', {
              error: error.message,
              result: { errorCode: error.code, errorDetails: error.details },
            })
          : await store.transition(approvalId, ['executing'], 'failed', { error: messageOf(error) });
      }
      const durationMs = Math.round(performance.now() - started);
      if (!finished.ok) return finished.record;
      log.info({ state: finished.record.state, duration_ms: durationMs, tool: current.tool }, 'approved call executed');
      await audit.append({
        kind: 'execution',
        chatId: current.chatId,
        tool: current.tool,
        argsHash: current.argsHash,
        approvalId,
        ...(current.decidedBy !== undefined ? { approver: current.decidedBy } : {}),
        outcome: finished.record.state,
        durationMs,
        ...(finished.record.error ? { detail: finished.record.error } : {}),
      });
      await refreshCard(finished.record);
      await deps.schedule.followup(approvalId);
      return finished.record;
    },

    expire,

    /** The paused agent conversation and how its approval ended; undefined when there is nothing to resume. */
    async followupInput(
      approvalId: string,
    ): Promise<{ record: ApprovalRecord; state: AgentState; decision: FollowupDecision } | undefined> {
      const [record, raw] = await Promise.all([store.get(approvalId), deps.redis.get(agentStateKey(deps.keyPrefix, approvalId))]);
      if (!record || !raw) return undefined;
      let state: AgentState;
      try {
        state = agentStateSchema.parse(JSON.parse(raw));
      } catch (error) {
        logger.error({ err: error, approval_id: approvalId }, 'stored agent state is invalid; no follow-up');
        return undefined;
      }
      const decision: FollowupDecision =
        record.state === 'succeeded'
          ? { status: 'approved', result: record.result }
          : record.state === 'expired'
            ? { status: 'expired' }
            : record.state === 'failed'
              ? { status: 'failed', reason: record.error ?? 'failed' }
              : { status: 'declined', ...(record.reason ? { reason: record.reason } : {}) };
      return { record, state, decision };
    },

    /** The follow-up was posted: its paused conversation is done (kept until then, so a failed follow-up can be retried). */
    async finishFollowup(approvalId: string): Promise<void> {
      await deps.redis.del(agentStateKey(deps.keyPrefix, approvalId));
    },

    /** Expires whatever a lost deadline job missed (the backstop sweep). */
    async sweepExpired(): Promise<number> {
      let n = 0;
      for (const id of await store.dueForExpiry(now())) if (await expire(id)) n += 1;
      return n;
    },
  };
}

export type ApprovalFlow = ReturnType<typeof createApprovalFlow>;
