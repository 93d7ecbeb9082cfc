import type { AgentOutcome } from '../../agent/agent.js';
import type { AgentJobPresenter } from '../../agent/job-presenter.js';
import { markdownToTelegramHtml } from '../../html/markdown.js';
import type { Translate } from '../../i18n/translator.js';
import { deliverAnswer } from '../answer-delivery.js';
import type { ChatOutput } from '../chat-output.js';
import { renderAgentFooter, renderAgentOutcome } from '../render/agent-outcome.js';
import { renderProposalNotice } from '../render/proposal-notice.js';

/** What the model wrote in an outcome: its answer, or its prose around a proposed change. */
function modelText(outcome: Exclude<AgentOutcome, { kind: 'failed' }>): string {
  return outcome.kind === 'answer' ? outcome.text : (outcome.explanation ?? '');
}

/**
 * What the worker posts about background requests, rendered for Telegram and sent through the Bot API. A model's
 * answer is capped (src/bot/answer-delivery.ts): a longer one comes with the full text as a file.
 */
export function createAgentJobPresenter(deps: { output: ChatOutput; t: Translate }): AgentJobPresenter {
  const { output, t } = deps;
  return {
    async finished(job, outcome) {
      const html = renderAgentOutcome(t, job.locale, job.ref, outcome);
      if (outcome.kind === 'failed') {
        await output.edit(job.chatId, job.ackMessageId, html);
        return;
      }
      // An answer, or the prose around a proposed change: the model wrote it, so it is capped.
      await deliverAnswer(output, t, {
        chatId: job.chatId,
        locale: job.locale,
        html,
        footer: renderAgentFooter(t, job.locale, outcome),
        fullText: modelText(outcome),
        filename: `answer-${job.ref}.txt`,
        editMessageId: job.ackMessageId,
      });
    },
    async cancelled(job) {
      await output.edit(job.chatId, job.ackMessageId, t(job.locale, 'job-cancelled', { ref: job.ref }));
    },
    async failed(job, errorId) {
      await output.edit(job.chatId, job.ackMessageId, t(job.locale, 'job-failed', { ref: job.ref, errorId }));
    },
    async resumed(job, outcome) {
      if (outcome.kind === 'failed') {
        const [messageId] = await output.send(job.chatId, renderAgentOutcome(t, job.locale, job.ref, outcome), {
          ...(job.replyTo ? { replyTo: job.replyTo } : {}),
        });
        return messageId;
      }
      // A plain answer reads as the rest of the conversation under the card; anything else says what it is.
      const [messageId] = await deliverAnswer(output, t, {
        chatId: job.chatId,
        locale: job.locale,
        html: outcome.kind === 'answer' ? markdownToTelegramHtml(outcome.text) : renderAgentOutcome(t, job.locale, job.ref, outcome),
        ...(outcome.kind === 'answer' ? {} : { footer: renderAgentFooter(t, job.locale, outcome) }),
        fullText: modelText(outcome),
        filename: `answer-${job.ref}-followup.txt`,
        ...(job.replyTo ? { replyTo: job.replyTo } : {}),
      });
      return messageId;
    },
    async notProposed(chat, result, call) {
      await output.send(chat.chatId, renderProposalNotice(t, chat.locale, result, call), chat.replyTo ? { replyTo: chat.replyTo } : {});
    },
  };
}
