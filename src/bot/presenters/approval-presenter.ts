import type { ApprovalPresenter } from '../../approvals/presenter.js';
import type { ApprovalRecord } from '../../approvals/types.js';
import type { Translate } from '../../i18n/translator.js';
import { approvalButton } from '../callback-data.js';
import type { ButtonSeal } from '../button-codec.js';
import type { Buttons, ChatOutput } from '../chat-output.js';
import { renderApprovalCard } from '../render/approval-card.js';

export interface ApprovalPresenterDeps {
  output: ChatOutput;
  t: Translate;
  /** Binds the buttons to the card's chat (src/bot/button-codec.ts). */
  seal: ButtonSeal;
  defaultNamespace: string;
  timeZone: string;
}

/**
 * Approval cards in Telegram: the rendered card, Approve / Reject while pending, edited in place as it changes. A
 * card too long for one message is several, the buttons on the last; every part is edited in place.
 */
export function createApprovalPresenter(deps: ApprovalPresenterDeps): ApprovalPresenter {
  const { output, t } = deps;
  const cardOptions = { defaultNamespace: deps.defaultNamespace, timeZone: deps.timeZone };

  function buttons(record: ApprovalRecord): Buttons {
    const chat = deps.seal.forChat(record.chatId);
    return [
      [
        {
          text: t(record.locale, 'approval-button-approve'),
          data: approvalButton.pack({ decision: 'approve', approvalId: record.id }, chat),
        },
        {
          text: t(record.locale, 'approval-button-reject'),
          data: approvalButton.pack({ decision: 'reject', approvalId: record.id }, chat),
        },
      ],
    ];
  }

  return {
    async proposed(record, context) {
      const html = renderApprovalCard(t, record, {
        ...cardOptions,
        ...(context.previewError ? { previewError: context.previewError } : {}),
      });
      return output.send(record.chatId, html, {
        buttons: buttons(record),
        ...(context.replyTo ? { replyTo: context.replyTo } : {}),
      });
    },
    async changed(record) {
      // Buttons only while pending: `[]` removes them once the record is decided.
      return output.edit(record.chatId, record.cardMessageIds, renderApprovalCard(t, record, cardOptions), {
        buttons: record.state === 'pending' ? buttons(record) : [],
        spare: t(record.locale, 'approval-card-part-unused'),
      });
    },
    async untracked(record, cardMessageIds) {
      const card = renderApprovalCard(t, record, { ...cardOptions, untracked: true });
      // Both are tried: the edit takes the buttons away, the notice tells the chat even if the edit fails.
      const edited = output
        .edit(record.chatId, cardMessageIds, card, { buttons: [], spare: t(record.locale, 'approval-card-part-unused') })
        .then(() => undefined);
      const told = output.send(record.chatId, t(record.locale, 'approval-untracked-notice', { id: record.id.slice(0, 6) }), {
        ...(cardMessageIds[0] !== undefined ? { replyTo: cardMessageIds[0] } : {}),
      });
      const [edit, notice] = await Promise.allSettled([edited, told]);
      if (edit.status === 'rejected') throw edit.reason;
      if (notice.status === 'rejected') throw notice.reason;
    },
  };
}
