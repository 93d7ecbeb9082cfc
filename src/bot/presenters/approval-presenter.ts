import type { ApprovalPresenter } from '../../approvals/presenter.js';
import type { ApprovalRecord } from '../../approvals/types.js';
import type { Translate } from '../../i18n/translator.js';
import { encodeApprovalDecision } from '../callback-data.js';
import type { Buttons, ChatOutput } from '../chat-output.js';
import { renderApprovalCard } from '../render/approval-card.js';

export interface ApprovalPresenterDeps {
  output: ChatOutput;
  t: Translate;
  defaultNamespace: string;
  timeZone: string;
}

/** Approval cards in Telegram: the rendered card, Approve / Reject while pending, edited in place as it changes. */
export function createApprovalPresenter(deps: ApprovalPresenterDeps): ApprovalPresenter {
  const { output, t } = deps;
  const cardOptions = { defaultNamespace: deps.defaultNamespace, timeZone: deps.timeZone };

  function buttons(record: ApprovalRecord): Buttons {
    return [
      [
        { text: t(record.locale, 'approval-button-approve'), data: encodeApprovalDecision('approve', record.id) },
        { text: t(record.locale, 'approval-button-reject'), data: encodeApprovalDecision('reject', record.id) },
      ],
    ];
  }

  return {
    async proposed(record, context) {
      const html = renderApprovalCard(t, record, {
        ...cardOptions,
        ...(context.previewError ? { previewError: context.previewError } : {}),
      });
      const [cardId] = await output.send(record.chatId, html, {
        buttons: buttons(record),
        ...(context.replyTo ? { replyTo: context.replyTo } : {}),
      });
      return cardId;
    },
    async changed(record) {
      // Buttons only while pending: `[]` removes them once the record is decided.
      await output.edit(record.chatId, record.cardMessageId, renderApprovalCard(t, record, cardOptions), {
        buttons: record.state === 'pending' ? buttons(record) : [],
      });
    },
  };
}
