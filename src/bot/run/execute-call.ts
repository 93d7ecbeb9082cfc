import type { ApprovalFlow } from '../../approvals/flow.js';
import { isClusterError, type ClusterExecutor } from '../../cluster/executor.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';
import { answerReadCall } from '../../tools/read-answer.js';
import { standardTools, type Risk, type ToolCall } from '../../tools/registry.js';
import { effectiveRisk, isReadOnly } from '../../tools/risk.js';
import type { AnyToolCall, ToolRegistry } from '../../tools/tool-registry.js';
import { validateToolCall } from '../../tools/validate-tool-call.js';
import { personName } from '../../html/display-text.js';
import { renderProposalNotice } from '../render/proposal-notice.js';
import { renderClusterError } from './render-cluster-error.js';

export interface RunCallDeps {
  /** The scoped executor: it fills the default namespace and refuses what is out of scope. */
  executor: ClusterExecutor;
  flow: Pick<ApprovalFlow, 'propose'>;
  t: Translate;
  defaultNamespace: string;
  protectedNamespaces: readonly string[];
  now?: () => number;
  /** The tools /run offers; the standard ones unless given. */
  tools?: ToolRegistry;
}

export interface RunRequester {
  userId: number;
  userName: string;
  chatId: number;
  locale: Locale;
  /** The message the approval card answers. */
  replyTo?: number;
}

/** How the approval card names the requester (src/html/display-text.ts personName; the id is shown beside it). */
export function requesterName(from: { first_name: string; last_name?: string; username?: string }): string {
  return personName(from);
}

export type RunCallOutcome =
  { kind: 'answer'; html: string } | { kind: 'refused'; code: string; html: string } | { kind: 'proposed'; approvalId: string; risk: Risk };

/**
 * The one way /run (typed or guided) runs a validated call: a read tool at once, a change towards an approval
 * card. Nothing here changes the cluster; only an approval can.
 */
export async function executeRunCall(deps: RunCallDeps, call: AnyToolCall, who: RunRequester): Promise<RunCallOutcome> {
  const tools = deps.tools ?? standardTools;
  try {
    if (isReadOnly(call.name, tools)) {
      const options = { t: deps.t, locale: who.locale, defaultNamespace: deps.defaultNamespace, now: (deps.now ?? Date.now)() };
      return { kind: 'answer', html: await answerReadCall(deps.executor, call, options, tools) };
    }
    // Approvals store and run calls of the standard tools: a change from any other registry cannot be proposed.
    const standard = validateToolCall(call.name, call.arguments);
    if (!standard.ok) throw new Error(`${call.name} is not a standard tool, so it cannot be proposed: ${standard.reason}`);
    return await proposeChange(deps, standard.call, who);
  } catch (error) {
    if (!isClusterError(error)) throw error;
    return { kind: 'refused', code: error.code, html: renderClusterError(deps.t, who.locale, error) };
  }
}

/**
 * propose previews the change first, so one that could never run (a protected or out-of-scope namespace,
 * a missing deployment) is refused instead of becoming a card; the chat's mode may forbid proposing at all.
 */
async function proposeChange(deps: RunCallDeps, call: ToolCall, who: RunRequester): Promise<RunCallOutcome> {
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
}
