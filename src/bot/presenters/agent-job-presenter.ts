import type { AgentJobPresenter } from '../../agent/job-presenter.js';
import { markdownToTelegramHtml } from '../../html/markdown.js';
import type { Translate } from '../../i18n/translator.js';
import type { ChatOutput } from '../chat-output.js';
import { renderAgentOutcome } from '../render/agent-outcome.js';
import { renderProposalNotice } from '../render/proposal-notice.js';

/** What the worker posts about background requests, rendered for Telegram and sent through the Bot API. */
export function createAgentJobPresenter(deps: { output: ChatOutput; t: Translate }): AgentJobPresenter {
  const { output, t } = deps;
  return {
    async finished(job, outcome) {
      await output.edit(job.chatId, job.ackMessageId, renderAgentOutcome(t, job.locale, job.ref, outcome));
    },
    async cancelled(job) {
      await output.edit(job.chatId, job.ackMessageId, t(job.locale, 'job-cancelled', { ref: job.ref }));
    },
    async failed(job, errorId) {
      await output.edit(job.chatId, job.ackMessageId, t(job.locale, 'job-failed', { ref: job.ref, errorId }));
    },
    async resumed(job, outcome) {
      // A plain answer reads as the rest of the conversation under the card; anything else says what it is.
      const html = outcome.kind === 'answer' ? markdownToTelegramHtml(outcome.text) : renderAgentOutcome(t, job.locale, job.ref, outcome);
      const [messageId] = await output.send(job.chatId, html, job.replyTo ? { replyTo: job.replyTo } : {});
      return messageId;
    },
    async notProposed(chat, result, call) {
      await output.send(chat.chatId, renderProposalNotice(t, chat.locale, result, call), chat.replyTo ? { replyTo: chat.replyTo } : {});
    },
  };
}
