import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ApprovalFlow } from '../approvals/flow.js';
import type { AgentJobPresenter } from '../agent/job-presenter.js';
import type { ProposeJob } from '../jobs/propose-job.js';
import { isToolName, type ToolCall } from '../tools/registry.js';
import { effectiveRisk, isReadOnly } from '../tools/risk.js';
import { validateToolCall } from '../tools/validate-tool-call.js';

export interface RunProposalDeps {
  flow: Pick<ApprovalFlow, 'propose'>;
  notProposed: AgentJobPresenter['notProposed'];
  redis: Redis;
  keyPrefix: string;
  protectedNamespaces: readonly string[];
  defaultNamespace: string;
  logger: Logger;
}

/**
 * A worker's handling of a /run change: checked against the catalog again (it came back from Redis), rated, then
 * proposed: previewed here, with the worker's cluster access, and carded, or the chat is told why not. A job
 * proposes at most once, even when it runs again after a worker died.
 */
export function createRunProposalHandler(deps: RunProposalDeps): (job: ProposeJob) => Promise<void> {
  return async (job) => {
    const log = deps.logger.child({ job_id: job.id, chat_id: job.chatId, user_id: job.requesterId });
    const checked = isToolName(job.call.name) ? validateToolCall(job.call.name, job.call.arguments) : undefined;
    if (!checked?.ok || isReadOnly(checked.call.name)) {
      log.error({ tool: job.call.name }, 'a queued /run change is not a valid change of the catalog; not proposed');
      return;
    }
    const call: ToolCall = checked.call;
    const claimKey = `${deps.keyPrefix}run-proposed:${job.id}`;
    if ((await deps.redis.set(claimKey, '1', 'EX', 86_400, 'NX')) !== 'OK') {
      log.warn({ tool: call.name }, 'this /run change was proposed before; not proposing again');
      return;
    }
    try {
      const risk = effectiveRisk(call, { protectedNamespaces: deps.protectedNamespaces, defaultNamespace: deps.defaultNamespace });
      const result = await deps.flow.propose({
        call,
        risk,
        requesterId: job.requesterId,
        ...(job.requesterName ? { requesterName: job.requesterName } : {}),
        chatId: job.chatId,
        locale: job.locale,
        ...(job.replyTo !== undefined ? { replyTo: job.replyTo } : {}),
        ...(job.commandText !== undefined ? { request: { text: job.commandText, source: 'run' as const, readClusterData: false } } : {}),
      });
      log.info({ tool: call.name, outcome: result.kind }, '/run change handled in the worker');
      if (result.kind !== 'card') {
        await deps.notProposed(
          { chatId: job.chatId, locale: job.locale, ...(job.replyTo !== undefined ? { replyTo: job.replyTo } : {}) },
          result,
          call,
        );
      }
    } catch (error) {
      // Let the retry try again: nothing was proposed, as far as this run knows.
      await deps.redis.del(claimKey).catch(() => undefined);
      throw error;
    }
  };
}
