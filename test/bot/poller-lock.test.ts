import { afterEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { uniquePrefix } from '../support/redis.js';
import { startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';

const started: Harness[] = [];
let emulator: BotApiEmulator | undefined;
afterEach(async () => {
  for (const h of started.splice(0)) await h.stop().catch(() => undefined);
  await emulator?.close();
  emulator = undefined;
});

async function twoBots() {
  emulator = await startBotApiEmulator();
  const keyPrefix = uniquePrefix('poll');
  const first = await startHarness({ role: 'bot', emulator, keyPrefix });
  started.push(first);
  const second = await startHarness({ role: 'bot', emulator, keyPrefix });
  started.push(second);
  return { first, second };
}

describe('one poller per token', () => {
  it('lets exactly one bot poll while the other stands by', async () => {
    const { first, second } = await twoBots();
    expect(first.app.polling?.state()).toBe('polling');
    expect(second.app.polling?.state()).toBe('standby');
    const reply = await first.say('/status');
    expect(reply.plainText).toContain('polling for updates');
    expect(emulator!.calls().filter((c) => c.method === 'getUpdates' && c.error?.error_code === 409)).toHaveLength(0);
  });

  it('hands over to the standby within a few seconds when the poller stops', async () => {
    const { first, second } = await twoBots();
    await first.app.stop(1000);
    started.splice(started.indexOf(first), 1);
    const tookOver = Date.now();
    await emulator!.waitFor(() => second.app.polling?.state() === 'polling', 6000);
    expect(Date.now() - tookOver).toBeLessThan(6000);
    const reply = await second.say('/help');
    expect(reply.plainText).toContain('What I can do');
  });

  it('backs off after a 409 from a poller outside the lock, logging it once', async () => {
    emulator = await startBotApiEmulator({ conflictThrottleMs: 0 });
    const h = await startHarness({ role: 'bot', emulator });
    started.push(h);
    // A rogue process polling the same token: Telegram ends the older poll with 409.
    const rogue = fetch(`${emulator.apiRoot}/bot${TEST_BOT_TOKEN}/getUpdates?timeout=2`).then((r) => r.json());
    await emulator.waitFor(() => h.app.polling?.state() === 'standby', 5000);
    await rogue;
    await new Promise((r) => setTimeout(r, 1500));
    const conflicts = emulator.calls().filter((c) => c.method === 'getUpdates' && c.error?.error_code === 409);
    expect(conflicts.length).toBeLessThanOrEqual(1);
    expect(h.logs.filter((l) => l.includes('409 Conflict'))).toHaveLength(1);
  });
});
