import type { CreateApprovalInput } from '../../src/approvals/store.js';

export const REQUESTER = 111;
export const APPROVER = 222;
export const CHAT = -1_001_234_567_890;
/** A fixed clock (UTC 10:00), so deadlines and "today" do not depend on when the tests run. */
export const T0 = Date.parse('2025-06-01T10:00:00Z');
export const TIMEOUT_SECONDS = 300;
export const DEADLINE = T0 + TIMEOUT_SECONDS * 1000;

export function scaleInput(overrides: Partial<CreateApprovalInput> = {}): CreateApprovalInput {
  return {
    tool: 'scale_deployment',
    arguments: { name: 'web', replicas: 5, namespace: 'prod' },
    risk: 'write',
    requesterId: REQUESTER,
    requesterName: 'Ana',
    chatId: CHAT,
    jobRef: 'job-42',
    locale: 'zh-TW',
    preview: { replicas: { from: 3, to: 5 } },
    timeoutSeconds: TIMEOUT_SECONDS,
    ...overrides,
  };
}
