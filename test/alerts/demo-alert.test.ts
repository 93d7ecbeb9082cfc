import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_GROUP_KEY } from '../../src/alerts/sample-alert.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { createDemoAlertSender } from '../../src/demo/demo-alert.js';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';

const TOKEN = 'demo-alert-test-token-0123456789';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** `npm run --silent cli -- demo-alert ...` as a user runs it (tsx, no build step). */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'demo-alert', ...args], {
      cwd: new URL('../..', import.meta.url),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function start(): Promise<Harness> {
  harness = await startHarness({
    env: { ALERT_WEBHOOK_TOKEN: TOKEN, ALERT_WEBHOOK_PORT: '0', ALERT_ROUTES: `namespace=prod->${ALICE}`, ALERT_DEFAULT_CHAT_ID: '-1' },
  });
  return harness;
}

describe('the sample alert', () => {
  it('cli demo-alert fires the SAMPLE KubePodCrashLooping alert for the simulated prod pods at the receiver, and resolves it', async () => {
    const h = await start();
    const env = {
      ALERT_WEBHOOK_TOKEN: TOKEN,
      ALERT_WEBHOOK_PORT: String(h.app.alerts?.receiverPort),
      ALERT_DEFAULT_CHAT_ID: String(ALICE),
    };
    const fired = await cli([], env);
    expect(fired.stderr).toBe('');
    expect(fired.code).toBe(0);
    expect(JSON.parse(fired.stdout)).toMatchObject({ status: 200, alert: 'KubePodCrashLooping', alerts: 3, sent: 'firing' });
    const card = await h.emulator.waitFor(
      () => h.emulator.messages(ALICE).find((m) => m.plainText.includes('KubePodCrashLooping')),
      15_000,
    );
    expect(card.plainText).toContain('3 alerts, 3 firing');
    expect(card.plainText).toMatch(/pod=api-\w+-\w+/);

    const resolved = await cli(['--status', 'resolved'], env);
    expect(resolved.code).toBe(0);
    const edited = await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.plainText.includes('RESOLVED')), 15_000);
    expect(edited.messageId).toBe(card.messageId);
  });

  it('cli demo-alert says what is missing or wrong, with a non-zero exit status', async () => {
    const noToken = await cli([], {});
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('ALERT_WEBHOOK_TOKEN is not set');
    const env = { ALERT_WEBHOOK_TOKEN: TOKEN, ALERT_WEBHOOK_PORT: '9', ALERT_DEFAULT_CHAT_ID: '1' };
    expect((await cli(['--status', 'pending'], env)).stderr).toContain('--status: expected firing or resolved');
    const unreachable = await cli([], env);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('could not reach the receiver at http://127.0.0.1:9/alerts');
  });

  it('the demo’s /demo-alert repeats the same episode when fired twice, and the next firing after a resolution is a new message', async () => {
    const h = await start();
    const send = createDemoAlertSender({
      url: `http://127.0.0.1:${h.app.alerts?.receiverPort}/alerts`,
      token: TOKEN,
      pods: () => h.app.executor.list_pods({ namespace: 'prod' }),
    });
    expect(await send('firing')).toContain('sent as firing: the receiver answered 200');
    const first = await h.emulator.waitFor(() => h.emulator.messages(ALICE)[0], 15_000);
    await send('firing');
    await send('resolved');
    await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.plainText.includes('RESOLVED')), 15_000);
    expect(h.emulator.messages(ALICE)).toHaveLength(1);
    const group = await h.app.alerts?.store.get(alertGroupId(SAMPLE_GROUP_KEY));
    expect(group?.revision).toBe(2);

    await new Promise((r) => setTimeout(r, 5));
    await send('firing');
    const second = await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.messageId !== first.messageId), 15_000);
    expect(second.plainText).toContain('FIRING');
  });
});
