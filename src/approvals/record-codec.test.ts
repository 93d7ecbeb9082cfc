import { describe, expect, it } from 'vitest';
import { cardMessageIdsOf } from './card-messages.js';
import { approvalHash } from './hash.js';
import { decodeRecordFields, encodePatchFields, encodeRecordFields, pairsToObject } from './record-codec.js';
import type { ApprovalRecord } from './types.js';

function sampleRecord(): ApprovalRecord {
  const args = { name: 'web', replicas: 0, namespace: 'prod' };
  return {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    tool: 'scale_deployment',
    arguments: args,
    argsHash: approvalHash('scale_deployment', args),
    risk: 'critical',
    requesterId: 4_503_599_627_370_495, // 52 bits: Telegram ids get this large
    requesterName: 'Ana',
    chatId: -1_001_234_567_890,
    locale: 'zh-TW',
    createdAt: 1_748_772_000_000,
    expiresAt: 1_748_772_300_000,
    state: 'pending',
    preview: { before: 3, after: 0, lines: [] },
    history: [{ state: 'pending', at: 1_748_772_000_000, by: 4_503_599_627_370_495 }],
  };
}

function asObject(fields: string[]): Record<string, string> {
  return pairsToObject(fields);
}

describe('the approval record codec', () => {
  it('round-trips a record through hash fields exactly, large ids and empty arrays included', () => {
    const record = sampleRecord();
    expect(decodeRecordFields(asObject(encodeRecordFields(record)))).toEqual({ ok: true, record });
  });

  it('stores every field as JSON, so scripts can compare states as text', () => {
    const fields = asObject(encodeRecordFields(sampleRecord()));
    expect(fields['state']).toBe('"pending"');
    expect(fields['expiresAt']).toBe('1748772300000');
    expect(fields['history']).toBe('[{"state":"pending","at":1748772000000,"by":4503599627370495}]');
  });

  it('leaves undefined fields out of the hash', () => {
    const fields = asObject(encodeRecordFields({ ...sampleRecord(), error: undefined }));
    expect(Object.keys(fields)).not.toContain('error');
    expect(encodePatchFields({ reason: 'no', error: undefined })).toEqual(['reason', '"no"']);
  });

  it('refuses a field that is not JSON', () => {
    const fields = { ...asObject(encodeRecordFields(sampleRecord())), state: 'pending' };
    expect(decodeRecordFields(fields)).toEqual({ ok: false, problem: 'field state is not JSON' });
  });

  it('refuses a record the schema refuses: unknown state, unknown tool, missing field, bad hash', () => {
    const good = asObject(encodeRecordFields(sampleRecord()));
    for (const bad of [
      { ...good, state: '"paused"' },
      { ...good, tool: '"drop_cluster"' },
      { ...good, argsHash: '"abc"' },
      Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'chatId')),
    ]) {
      expect(decodeRecordFields(bad).ok).toBe(false);
    }
  });

  it('reads a Lua HGETALL reply and refuses one with an odd number of items', () => {
    expect(pairsToObject(['a', '1', 'b', '2'])).toEqual({ a: '1', b: '2' });
    expect(() => pairsToObject(['a'])).toThrow();
    expect(() => pairsToObject('a')).toThrow();
  });

  it('reads a record stored before cards had parts: its card is the one message it names', () => {
    const old = asObject(encodeRecordFields({ ...sampleRecord(), cardMessageId: 77 }));
    expect(Object.keys(old)).not.toContain('cardMessageIds');
    const decoded = decodeRecordFields(old);
    if (!decoded.ok) throw new Error(decoded.problem);
    expect(cardMessageIdsOf(decoded.record)).toEqual([77]);
    expect(cardMessageIdsOf({ ...decoded.record, cardMessageIds: [77, 78, 79] })).toEqual([77, 78, 79]);
    expect(cardMessageIdsOf(sampleRecord())).toEqual([]);
  });

  it('refuses card message ids that are not a short list of message ids', () => {
    const good = asObject(encodeRecordFields(sampleRecord()));
    for (const ids of ['[]', '[0]', '["77"]', JSON.stringify(Array.from({ length: 21 }, (_, i) => i + 1))]) {
      expect(decodeRecordFields({ ...good, cardMessageIds: ids }).ok, ids).toBe(false);
    }
  });
});
