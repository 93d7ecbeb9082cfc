import { afterEach, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import { ALICE, startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';
import { uniquePrefix } from '../support/redis.js';
import { sleep } from './answers.js';
import { startChildApp, type ChildApp } from './child-app.js';
import { reportFault } from './fault-report.js';

/** A stopped poller releases its lease: the standby (retrying every second) takes over at once. */
const TAKEOVER_MS = 6000;
/** A killed poller's lease (4.5 s TTL, renewed every 1.5 s) must run out first, then the standby's next try. */
const TAKEOVER_AFTER_KILL_MS = 6500;

let emulator: BotApiEmulator | undefined;
const harnesses: Harness[] = [];
const children: ChildApp[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  for (const h of harnesses.splice(0)) await h.stop().catch(() => undefined);
  await emulator?.close();
  emulator = undefined;
});

async function bot(shared: BotApiEmulator, keyPrefix: string): Promise<Harness> {
  const h = await startHarness({ role: 'bot', emulator: shared, keyPrefix });
  harnesses.push(h);
  return h;
}

/** Sends `/status <tag>` for each tag; every one must get exactly one status reply, whichever bot polls. */
function sendPings(shared: BotApiEmulator, tags: string[]): number[] {
  return tags.map((tag) => shared.sendUserMessage({ chatId: ALICE, userId: ALICE, text: `/status ${tag}`, languageCode: 'en' }).messageId);
}

/** One entry per /status reply in the chat, whichever bot sent it. */
function statusReplies(shared: BotApiEmulator): number {
  return shared.messages(ALICE).filter((m) => m.plainText.includes('Redis:')).length;
}

/** 409 Conflicts Telegram gave the bots (they ask for allowed_updates; the rogue poller below does not). */
function conflicts(shared: BotApiEmulator) {
  return shared.calls().filter((c) => c.method === 'getUpdates' && c.error?.error_code === 409 && c.params.allowed_updates !== undefined);
}

describe('fault matrix: a second poller', () => {
  it('stands by while the first polls, every message is answered once, and it takes over within seconds when the first stops', async () => {
    emulator = await startBotApiEmulator();
    const shared = emulator;
    const keyPrefix = uniquePrefix('poll');
    const first = await bot(shared, keyPrefix);
    const second = await bot(shared, keyPrefix);
    await sleep(1500);
    const states = [first.app.polling?.state(), second.app.polling?.state()];

    const early = sendPings(shared, ['a', 'b', 'c']);
    await shared.waitFor(() => statusReplies(shared) >= early.length, 10_000).catch(() => undefined);
    await first.app.stop(1000);
    harnesses.splice(harnesses.indexOf(first), 1);
    const stoppedAt = Date.now();
    // Sent while nobody polls: they wait at Telegram for the standby.
    const late = sendPings(shared, ['d', 'e', 'f']);
    await shared.waitFor(() => second.app.polling?.state() === 'polling', TAKEOVER_MS + 1000).catch(() => undefined);
    const takeoverMs = Date.now() - stoppedAt;
    await shared.waitFor(() => statusReplies(shared) >= early.length + late.length, 10_000).catch(() => undefined);
    await sleep(300);

    const replies = statusReplies(shared);
    const wanted = early.length + late.length;
    const tally = reportFault('a second poller (graceful stop)', {
      lost: Math.max(0, wanted - replies),
      duplicated: Math.max(0, replies - wanted),
    });

    expect(states.sort()).toEqual(['polling', 'standby']);
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(takeoverMs).toBeLessThan(TAKEOVER_MS);
    expect(conflicts(shared)).toHaveLength(0);
  });

  it('takes over within seconds when the polling process is SIGKILLed, and loses no message sent meanwhile', async () => {
    emulator = await startBotApiEmulator();
    const shared = emulator;
    const keyPrefix = uniquePrefix('poll');
    const standby = await bot(shared, keyPrefix);
    // The harness's own bot got the lease first; stop it and let a child process take it, then add the standby.
    await standby.app.stop(1000);
    harnesses.splice(harnesses.indexOf(standby), 1);
    const poller = await startChildApp(standby, { role: 'bot' });
    children.push(poller);
    const live = await bot(shared, keyPrefix);
    await sleep(1500);
    const liveStateBefore = live.app.polling?.state();

    const early = sendPings(shared, ['a', 'b']);
    await shared.waitFor(() => statusReplies(shared) >= early.length, 10_000).catch(() => undefined);
    await poller.kill('SIGKILL');
    const killedAt = Date.now();
    const late = sendPings(shared, ['c', 'd', 'e']);
    await shared.waitFor(() => live.app.polling?.state() === 'polling', TAKEOVER_AFTER_KILL_MS + 1000).catch(() => undefined);
    const takeoverMs = Date.now() - killedAt;
    await shared.waitFor(() => statusReplies(shared) >= early.length + late.length, 10_000).catch(() => undefined);
    await sleep(300);

    const replies = statusReplies(shared);
    const wanted = early.length + late.length;
    const tally = reportFault('a second poller (first SIGKILLed)', {
      lost: Math.max(0, wanted - replies),
      duplicated: Math.max(0, replies - wanted),
    });

    expect(liveStateBefore).toBe('standby');
    expect(tally).toEqual({ lost: 0, duplicated: 0 });
    expect(takeoverMs).toBeLessThan(TAKEOVER_AFTER_KILL_MS);
    expect(conflicts(shared)).toHaveLength(0);
  });

  it('meets a poller outside the lock (409 Conflict) by logging it once and backing off, not with a retry storm', async () => {
    emulator = await startBotApiEmulator({ conflictThrottleMs: 0 });
    const shared = emulator;
    const h = await bot(shared, uniquePrefix('poll'));
    // A foreign process (say, an old deployment without the lock) long-polls the same token for 4 s.
    const rogueUntil = Date.now() + 4000;
    let rogueCalls = 0;
    while (Date.now() < rogueUntil) {
      rogueCalls += 1;
      await fetch(`${shared.apiRoot}/bot${TEST_BOT_TOKEN}/getUpdates?timeout=1`).then((r) => r.json());
    }
    const botConflicts = conflicts(shared).length;
    // Warnings and errors about the conflict; the info line "standing by (409 conflict)" is the state change, not a complaint.
    const logged = h.logs.filter((l) => l.includes('409') && (JSON.parse(l) as { level: number }).level >= 40).length;
    reportFault('a second poller (foreign poller, 409)', { lost: 0, duplicated: Math.max(0, logged - 1) });

    expect(rogueCalls).toBeGreaterThan(1);
    expect(botConflicts).toBeGreaterThanOrEqual(1);
    expect(botConflicts).toBeLessThanOrEqual(2);
    expect(logged).toBe(1);
    expect(h.app.polling?.state()).toBe('standby');
  });
});
