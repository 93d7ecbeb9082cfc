import { describe, expect, it } from 'vitest';
import { approvalHash } from './hash.js';
import { checkDecider, confirmationMatches, confirmationTarget } from './policy.js';
import type { ApprovalRecord } from './types.js';
import type { Risk, ToolName } from '../tools/registry.js';

const REQUESTER = 100;
const OTHER_APPROVER = 200;
const OUTSIDER = 300;

function record(risk: Risk, tool: ToolName = 'restart_deployment', args: Record<string, unknown> = { name: 'web' }): ApprovalRecord {
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    tool,
    arguments: args,
    argsHash: approvalHash(tool, args),
    risk,
    requesterId: REQUESTER,
    chatId: 1,
    locale: 'en',
    createdAt: 0,
    expiresAt: 300_000,
    state: 'pending',
    history: [{ state: 'pending', at: 0, by: REQUESTER }],
  };
}

type Row = [
  risk: Risk,
  decision: 'approve' | 'reject',
  user: 'requester' | 'other approver' | 'outsider',
  requesterIsApprover: boolean,
  allowSelfApproval: boolean,
  expected: ReturnType<typeof checkDecider>,
];

const OK = { allowed: true, needsTypedConfirmation: false } as const;
const OK_TYPED = { allowed: true, needsTypedConfirmation: true } as const;
const NOT_APPROVER = { allowed: false, reason: 'not_approver' } as const;
const TWO_PERSON = { allowed: false, reason: 'two_person_rule' } as const;

const TABLE: Row[] = [
  // write: any approver, the requester included when they are one
  ['write', 'approve', 'other approver', true, false, OK],
  ['write', 'approve', 'requester', true, false, OK],
  ['write', 'approve', 'requester', false, false, NOT_APPROVER],
  ['write', 'approve', 'outsider', true, false, NOT_APPROVER],
  ['write', 'approve', 'outsider', true, true, NOT_APPROVER],
  // critical: two-person rule, unless self-approval is allowed, and then only with a typed confirmation
  ['critical', 'approve', 'other approver', true, false, OK],
  ['critical', 'approve', 'other approver', true, true, OK],
  ['critical', 'approve', 'requester', true, false, TWO_PERSON],
  ['critical', 'approve', 'requester', true, true, OK_TYPED],
  ['critical', 'approve', 'requester', false, true, NOT_APPROVER],
  ['critical', 'approve', 'outsider', true, true, NOT_APPROVER],
  // reject: an approver's act, or the requester withdrawing their own request
  ['write', 'reject', 'other approver', true, false, OK],
  ['critical', 'reject', 'other approver', true, false, OK],
  ['critical', 'reject', 'requester', true, false, OK],
  ['critical', 'reject', 'requester', false, false, OK],
  ['write', 'reject', 'outsider', true, false, NOT_APPROVER],
  ['critical', 'reject', 'outsider', true, true, NOT_APPROVER],
];

describe('checkDecider (who may approve or reject)', () => {
  it.each(TABLE)(
    '%s call, %s by the %s (requester is approver: %s, self-approval: %s)',
    (risk, decision, user, requesterIsApprover, allowSelfApproval, expected) => {
      const userId = { requester: REQUESTER, 'other approver': OTHER_APPROVER, outsider: OUTSIDER }[user];
      const approverIds = requesterIsApprover ? [REQUESTER, OTHER_APPROVER] : [OTHER_APPROVER];
      const check = checkDecider({ record: record(risk), userId, decision, approverIds, allowSelfApproval });
      expect(check).toEqual(expected);
    },
  );

  it('lets nobody approve when there are no approvers configured', () => {
    expect(
      checkDecider({ record: record('write'), userId: REQUESTER, decision: 'approve', approverIds: [], allowSelfApproval: true }),
    ).toEqual(NOT_APPROVER);
  });
});

describe('confirmationTarget (what a self-approving requester types)', () => {
  it('is the name argument of a named resource', () => {
    expect(confirmationTarget(record('critical', 'delete_resource', { kind: 'pod', name: 'api-7f9c', namespace: 'prod' }))).toBe(
      'api-7f9c',
    );
    expect(confirmationTarget(record('critical', 'scale_deployment', { name: 'web', replicas: 0 }))).toBe('web');
  });

  it("is the manifest's first metadata.name for apply_manifest", () => {
    const manifest = 'apiVersion: v1\nkind: List\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout\n';
    expect(confirmationTarget(record('critical', 'apply_manifest', { manifest }))).toBe('checkout');
  });

  it('falls back to the tool name when the manifest names nothing', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n';
    expect(confirmationTarget(record('critical', 'apply_manifest', { manifest }))).toBe('apply_manifest');
  });

  it('matches typed text ignoring surrounding spaces and quotes, but not case or other text', () => {
    const r = record('critical', 'delete_resource', { kind: 'pod', name: 'api-7f9c' });
    expect(confirmationMatches(r, ' api-7f9c ')).toBe(true);
    expect(confirmationMatches(r, '`api-7f9c`')).toBe(true);
    expect(confirmationMatches(r, 'API-7F9C')).toBe(false);
    expect(confirmationMatches(r, 'api-7f9')).toBe(false);
    expect(confirmationMatches(r, 'yes')).toBe(false);
  });
});
