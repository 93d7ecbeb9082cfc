import { describe, expect, it } from 'vitest';
import { decodeAuditFields, encodeAuditFields, type AuditEntry } from './entry-codec.js';

const FULL: AuditEntry = {
  at: 1_748_772_000_000,
  kind: 'execution',
  chatId: -1_001_234_567_890,
  userId: 111,
  tool: 'scale_deployment',
  argsHash: 'a'.repeat(64),
  approvalId: 'AAAAAAAAAAAAAAAAAAAAAA',
  approver: 222,
  decision: 'approved',
  model: 'nvidia/nemotron-mini-4b-instruct',
  provider: 'nvidia',
  tokens: 1234,
  costUsd: 0.000_42,
  durationMs: 812.5,
  outcome: 'succeeded',
  task: 'tool_calling',
  jobRef: 'job-42',
  detail: 'scaled web 3 → 5 "prod"\nsecond line',
};

describe('the audit entry codec', () => {
  it('writes every field as a flat string and reads the entry back unchanged', () => {
    const fields = encodeAuditFields(FULL);
    expect(fields.every((f) => typeof f === 'string')).toBe(true);
    expect(decodeAuditFields(fields)).toEqual({ ok: true, entry: FULL });
  });

  it('leaves absent fields out', () => {
    expect(encodeAuditFields({ at: 5, kind: 'request', userId: undefined })).toEqual(['at', '5', 'kind', 'request']);
  });

  it('refuses an entry without a time or a known kind, or with a number field that is not a number', () => {
    expect(decodeAuditFields(['kind', 'request']).ok).toBe(false);
    expect(decodeAuditFields(['at', '5', 'kind', 'gossip']).ok).toBe(false);
    expect(decodeAuditFields(['at', '5', 'kind', 'request', 'tokens', ''])).toEqual({
      ok: false,
      problem: 'tokens is not a number',
    });
    expect(decodeAuditFields(['at', 'yesterday', 'kind', 'request']).ok).toBe(false);
    expect(decodeAuditFields(['at', '5', 'kind']).ok).toBe(false);
  });

  it('ignores fields it does not know, so older readers survive newer writers', () => {
    expect(decodeAuditFields(['at', '5', 'kind', 'request', 'futureField', 'x'])).toEqual({
      ok: true,
      entry: { at: 5, kind: 'request' },
    });
  });
});
