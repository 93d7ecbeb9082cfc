import type { ApprovalFlow } from '../../approvals/flow.js';
import { isClusterError, type ClusterExecutor } from '../../cluster/executor.js';
import { effectiveRisk, type Risk, type ToolCall } from '../../tools/catalog.js';
import type { Translate } from '../../i18n/translator.js';
import type { Locale } from '../../i18n/locale.js';
import { isReadCall, runReadTool } from './read-tool.js';
import { renderClusterError } from './render-cluster-error.js';
import { renderProposalNotice } from '../render/proposal-notice.js';
import { renderReadResult } from './render-result.js';

export interface RunCallDeps {
  /** The scoped executor: it fills the default namespace and refuses what is out of scope. */
  executor: ClusterExecutor;
  flow: Pick<ApprovalFlow, 'propose'>;
  t: Translate;
  defaultNamespace: string;
  protectedNamespaces: readonly string[];
  now?: () => number;
}

export interface RunRequester {
  userId: number;
  userName: string;
  chatId: number;
  locale: Locale;
  /** The message the approval card answers. */
  replyTo?: number;
}

/** How the approval card names the requester: @username, else the first name. */
export function requesterName(from: { first_name: string; username?: string }): string {
  return from.username ? `@${from.username}` : from.first_name;
}

export type RunCallOutcome =
  { kind: 'answer'; html: string } | { kind: 'refused'; code: string; html: string } | { kind: 'proposed'; approvalId: string; risk: Risk };

/**
 * The one way /run (typed or guided) runs a validated call: a read tool at once, a change towards an approval
 * card. Nothing here changes the cluster; only an approval can.
 */
export async function executeRunCall(deps: RunCallDeps, call: ToolCall, who: RunRequester): Promise<RunCallOutcome> {
  try {
    if (isReadCall(call)) {
      const result = await runReadTool(deps.executor, call, deps.defaultNamespace);
      const now = (deps.now ?? Date.now)();
      return { kind: 'answer', html: renderReadResult(deps.t, who.locale, result, { now, backend: deps.executor.backend }) };
    }
    // propose previews the change first, so one that could never run (a protected or out-of-scope namespace,
    // a missing deployment) is refused instead of becoming a card; the chat's mode may forbid proposing at all.
    const risk = effectiveRisk(call, { protectedNamespaces: deps.protectedNamespaces, defaultNamespace: deps.defaultNamespace });
    const result = await deps.flow.propose({
      call,
      risk,
      requesterId: who.userId,
      requesterName: who.userName,
      chatId: who.chatId,
      locale: who.locale,
      ...(who.replyTo !== undefined ? { replyTo: who.replyTo } : {}),
    });
    if (result.kind === 'card') return { kind: 'proposed', approvalId: result.record.id, risk };
    const code = result.kind === 'refused' ? result.error.code : `mode_${result.mode}`;
    return { kind: 'refused', code, html: renderProposalNotice(deps.t, who.locale, result, call) };
  } catch (error) {
    if (!isClusterError(error)) throw error;
    return { kind: 'refused', code: error.code, html: renderClusterError(deps.t, who.locale, error) };
  }
}
