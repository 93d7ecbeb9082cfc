import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../llm/provider-names.js';
import { runClassifyCommand } from './classify-command.js';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[], configured: ProviderName[] = ['ollama', 'nvidia', 'gemini', 'anthropic']) {
  const out: string[] = [];
  await runClassifyCommand(linesOf(...lines), (line) => out.push(line), new Set(configured));
  return out.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('runClassifyCommand', () => {
  it('writes task, mode, chain and evidence for each message', async () => {
    const [restart, hello] = await run([JSON.stringify({ text: '幫我 restart api' }), JSON.stringify({ text: 'hello!' })]);
    expect(restart).toMatchObject({ task: 'tool_calling', mode: 'background', chain: ['nvidia', 'gemini', 'offline'] });
    expect(restart.evidence).toEqual(expect.arrayContaining([expect.stringContaining('restart')]));
    expect(hello).toMatchObject({ task: 'general_chat', mode: 'sync', chain: ['ollama', 'gemini'] });
  });

  it('names only the configured providers in the chain', async () => {
    const [out] = await run([JSON.stringify({ text: 'write a runbook for Redis OOM' })], ['gemini']);
    expect(out).toMatchObject({ task: 'playbook_generation', chain: ['gemini'] });
  });

  it('answers a bad line with an error and goes on with the next one', async () => {
    const out = await run([
      'not json',
      JSON.stringify({ txt: 'x' }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: '列出 prod 的 pod' }),
    ]);
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).every((o) => typeof o.error === 'string')).toBe(true);
    expect(out[3]).toMatchObject({ task: 'k8s_operation', mode: 'background' });
  });

  it('skips blank lines', async () => {
    const out = await run(['', '   ', JSON.stringify({ text: 'thanks' }), '']);
    expect(out).toHaveLength(1);
  });

  it('writes each answer before the next line is read', async () => {
    const written: string[] = [];
    const seenBeforeSecond: number[] = [];
    async function* slowLines(): AsyncIterable<string> {
      yield JSON.stringify({ text: 'restart api' });
      seenBeforeSecond.push(written.length);
      yield JSON.stringify({ text: 'hi' });
    }
    await runClassifyCommand(slowLines(), (line) => written.push(line), new Set());
    expect(seenBeforeSecond).toEqual([1]);
    expect(written).toHaveLength(2);
  });
});
