import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TASK_LABELS } from '../../src/routing/tasks.js';
import type { ParseCommandOutput } from '../../src/tools/parse-command.js';
import { match } from '../support/matchers.js';

/** Runs the CLI as `npm run cli` does (tsx, no build step), feeding stdin and collecting stdout lines. */
function cli(
  args: string[],
  input: string,
  env: Record<string, string> = {},
  script = 'src/cli.ts',
): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: new URL('../..', import.meta.url),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.split('\n').filter(Boolean), stderr: err }));
    child.stdin.end(input);
  });
}

describe('npm run --silent cli', () => {
  it('classify: one JSON line per input with task, mode and chain, in order', async () => {
    const texts = [
      '早安',
      'what is an HPA?',
      '佇列裡有幾個任務?',
      '列出 prod 的 pod',
      '幫我 restart api',
      '為什麼 api 一直 CrashLoopBackOff?',
      '幫我寫一份 Redis OOM 的 runbook',
    ];
    const { code, lines } = await cli(['classify'], texts.map((text) => JSON.stringify({ text })).join('\n') + '\nnot json\n', {
      GEMINI_API_KEY: 'k',
    });
    expect(code).toBe(0);
    expect(lines).toHaveLength(texts.length + 1);
    const results = lines.slice(0, texts.length).map((l) => JSON.parse(l) as { task: string; mode: string; chain: string[] });
    for (const r of results) {
      expect(TASK_LABELS).toContain(r.task);
      expect(['sync', 'background']).toContain(r.mode);
      expect(Array.isArray(r.chain)).toBe(true);
    }
    expect(results.map((r) => r.task)).toEqual([
      'general_chat',
      'simple_qa',
      'status_query',
      'k8s_operation',
      'tool_calling',
      'incident_analysis',
      'playbook_generation',
    ]);
    expect(results[0].chain).toEqual(['gemini']);
    expect(results[4]).toMatchObject({ mode: 'background', chain: ['gemini', 'offline'] });
    expect(JSON.parse(lines.at(-1)!)).toHaveProperty('error');
  }, 30_000);

  it('parse-tool-call: {ok, calls} for calls and plain answers, {ok:false, error} for what must not run', async () => {
    const completion = (message: object, finish = 'stop') => ({
      response: {
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
      },
    });
    const input = [
      completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'c1',
              type: 'function',
              function: { name: 'scale_deployment', arguments: '{"name":"web","replicas":"3","namespace":"prod"}' },
            },
          ],
        },
        'tool_calls',
      ),
      completion({ content: '<TOOLCALL>[{"name": "list_pods", "arguments": {"namespace": "prod"}}]</TOOLCALL>' }),
      completion({ content: 'All pods are healthy.' }),
      completion(
        { content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'drop_database', arguments: '{}' } }] },
        'tool_calls',
      ),
      completion({ content: '<toolcall>{"name": "restart_deployment", "arguments": {"name": "ap' }, 'length'),
      { response: { error: { message: 'rate limited', code: 429 } } },
    ];
    const { code, lines } = await cli(['parse-tool-call'], input.map((l) => JSON.stringify(l)).join('\n'));
    expect(code).toBe(0);
    const out = lines.map((l) => JSON.parse(l) as ParseCommandOutput);
    expect(out[0]).toEqual({ ok: true, calls: [{ name: 'scale_deployment', arguments: { name: 'web', replicas: 3, namespace: 'prod' } }] });
    expect(out[1]).toEqual({ ok: true, calls: [{ name: 'list_pods', arguments: { namespace: 'prod' } }] });
    expect(out[2]).toEqual({ ok: true, calls: [] });
    for (const refused of out.slice(3)) expect(refused).toMatchObject({ ok: false, error: match.any(String) });
  }, 30_000);

  it('stops with one line per configuration problem, never a stack trace', async () => {
    const { code, stderr } = await cli(['classify'], '', { APPROVAL_TIMEOUT_SECONDS: 'soon', REDIS_URL: 'nope' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^config: REDIS_URL: /),
      expect.stringMatching(/^config: APPROVAL_TIMEOUT_SECONDS: /),
    ]);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 30_000);

  it('npm start refuses to run without a bot token, in one line', async () => {
    const { code, stderr } = await cli([], '', {}, 'src/main.ts');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('config: TELEGRAM_BOT_TOKEN: required; create a bot with @BotFather and paste its token');
  }, 30_000);
});
