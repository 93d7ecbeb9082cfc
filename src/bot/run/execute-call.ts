import { isClusterError, type ClusterExecutor } from '../../cluster/executor.js';
import { proposeJobId, type ProposalQueue } from '../../jobs/propose-job.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translator.js';
import { answerReadCall } from '../../tools/read-answer.js';
import { standardTools, type ToolCall } from '../../tools/registry.js';
import { isReadOnly } from '../../tools/risk.js';
import type { AnyToolCall, ToolRegistry } from '../../tools/tool-registry.js';
import { validateToolCall } from '../../tools/validate-tool-call.js';
import { personName } from '../../html/display-text.js';
import { renderClusterError } from './render-cluster-error.js';

export interface RunCallDeps {
  /** The scoped executor, read-only in the bot: it fills the default namespace and refuses what is out of scope. */
  executor: ClusterExecutor;
  /** Where a change goes: a worker previews it and posts the card (or says why there is none). */
  proposals: ProposalQueue;
  t: Translate;
  defaultNamespace: string;
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
  /** The command as the person gave it, kept on the approval record. */
  commandText?: string;
}

/** How the approval card names the requester (src/html/display-text.ts personName; the id is shown beside it). */
export function requesterName(from: { first_name: string; last_name?: string; username?: string }): string {
  return personName(from);
}

export type RunCallOutcome =
  { kind: 'answer'; html: string } | { kind: 'refused'; code: string; html: string } | { kind: 'queued'; jobId: string; repeated: boolean };

/**
 * The one way /run (typed or guided) runs a validated call: a read tool at once, a change handed to a worker,
 * which previews it and posts the approval card. Nothing here changes the cluster or previews a change; only an
 * approval can change it.
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
 * Hands the change to the workers and returns at once: a worker previews it (the bot's cluster access cannot),
 * refuses one that could never run (a protected or out-of-scope namespace, a missing deployment, the manifest
 * policy) or the chat's mode forbids, and otherwise posts the card. One message proposes once.
 */
async function proposeChange(deps: RunCallDeps, call: ToolCall, who: RunRequester): Promise<RunCallOutcome> {
  const jobId = proposeJobId(who.chatId, who.replyTo, call);
  const fresh = await deps.proposals.enqueue({
    id: jobId,
    call,
    chatId: who.chatId,
    requesterId: who.userId,
    requesterName: who.userName.slice(0, 100),
    locale: who.locale,
    ...(who.replyTo !== undefined ? { replyTo: who.replyTo } : {}),
    ...(who.commandText !== undefined ? { commandText: who.commandText.slice(0, 10_000) } : {}),
    requestedAt: (deps.now ?? Date.now)(),
  });
  return { kind: 'queued', jobId, repeated: !fresh };
}
