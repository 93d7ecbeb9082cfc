import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import { testRedis } from '../support/redis.js';

let harness: Harness | undefined;
let monitor: Redis | undefined;
afterEach(async () => {
  monitor?.disconnect();
  monitor = undefined;
  await harness?.stop();
  harness = undefined;
});

/**
 * The commands that touch the harness's keys, as `<command> <key without prefix, up to its first id>`, sorted.
 * Commands a Lua script runs inside Redis are marked `lua`: they cost no round trip of their own.
 */
async function watchCommands(prefix: string): Promise<{ take(): string[] }> {
  monitor = await testRedis().monitor();
  let seen: string[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const key = args.find((a) => a.startsWith(prefix));
    // The poller's lease renewal runs on its own clock, not for any update.
    if (key === undefined || key.startsWith(`${prefix}poller-lock:`)) return;
    const command = `${(args[0] ?? '?').toLowerCase()} ${key.slice(prefix.length).split(':')[0] ?? ''}`;
    seen.push(source === 'lua' ? `lua ${command}` : command);
  });
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken.sort();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('what an update reads from Redis', () => {
  it('reads the /lang choice, the conversation state and the duplicate check in one command, and writes no conversation', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    await h.say('/start'); // the first update may have to load the read script into Redis
    const commands = await watchCommands(h.config.redis.keyPrefix);
    await settle();
    commands.take();

    // Small talk with no model configured: answered from the text alone ("no provider").
    await h.say('good morning!');
    await settle();
    // `bull`: the BullMQ job hash of this message (src/jobs/queues.ts bullPrefix), checked for a redelivery.
    expect(commands.take()).toEqual(['evalsha locale', 'lua exists bull', 'lua get conversation', 'lua get locale']);

    await h.say('/help');
    await settle();
    expect(commands.take()).toEqual(['evalsha locale', 'lua get conversation', 'lua get locale']);
  });

  it('lets a language tap read the choice and write it, and never touch conversation state', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    const menu = await h.say('/lang');
    const commands = await watchCommands(h.config.redis.keyPrefix);
    await settle();
    commands.take();
    const data = menu.replyMarkup?.inline_keyboard.flat().find((b) => b.text === 'English')?.callback_data ?? '';
    h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: menu.messageId, data });
    await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.messageId === menu.messageId && m.edits > 0));
    await settle();
    expect(commands.take()).toEqual(['evalsha locale', 'lua get locale', 'set locale']);
  });
});
