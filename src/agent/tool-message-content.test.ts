import { describe, expect, it } from 'vitest';
import { decisionContent, errorContent, readToolResultContent, repeatContent, resultContent } from './tool-message-content.js';

const pods = Array.from({ length: 200 }, (_, i) => ({ name: `pod-${i}`, phase: 'Running', message: 'x'.repeat(100) }));

describe('tool results for the model', () => {
  it('sends a result that fits as it is, without a truncation flag', () => {
    const content = resultContent([{ name: 'api' }], 6000);
    expect(JSON.parse(content)).toEqual({ result: [{ name: 'api' }] });
  });

  it('cuts a result that does not fit to the budget, keeps valid JSON of the same shape and says "truncated": true', () => {
    const content = resultContent(pods, 6000);
    expect(content.length).toBeLessThanOrEqual(6000);
    const parsed = JSON.parse(content) as { result: { name: string }[]; truncated: boolean; truncation: string };
    expect(parsed.truncated).toBe(true);
    expect(parsed.truncation).toContain('6000');
    expect(parsed.result.length).toBeGreaterThan(0);
    expect(parsed.result.length).toBeLessThan(200);
    expect(parsed.result[0]).toMatchObject({ name: 'pod-0', phase: 'Running' });
  });

  it('keeps the last log lines, not the first, when logs are cut', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}`);
    const parsed = JSON.parse(resultContent({ pod: 'api', lines }, 2000)) as { result: { lines: string[] } };
    expect(parsed.result.lines.at(-1)).toBe('line 1999');
    expect(parsed.result.lines).not.toContain('line 0');
  });

  it('falls back to a text preview within the budget when even one item per list is too long', () => {
    const content = resultContent({ text: 'y'.repeat(50_000) }, 300);
    expect(content.length).toBeLessThanOrEqual(300);
    expect(JSON.parse(content)).toMatchObject({ truncated: true });
  });

  it('writes errors, repeats and approval outcomes in the shapes the reader understands', () => {
    expect(readToolResultContent(errorContent('not_found', 'no pod'))).toEqual({ error: { code: 'not_found', message: 'no pod' } });
    const repeated = readToolResultContent(repeatContent(resultContent([1], 100)));
    expect(repeated).toMatchObject({ result: [1] });
    expect(repeated?.note).toContain('not run again');
    expect(JSON.parse(decisionContent({ status: 'approved', result: { message: 'done' } }, 6000))).toEqual({
      status: 'approved',
      result: { message: 'done' },
    });
    expect(JSON.parse(decisionContent({ status: 'declined' }, 6000))).toEqual({ status: 'declined', retryable: false });
    expect(JSON.parse(decisionContent({ status: 'expired', reason: 'deadline passed' }, 6000))).toEqual({
      status: 'expired',
      retryable: false,
      reason: 'deadline passed',
    });
  });
});
