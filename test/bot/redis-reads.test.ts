import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from '../support/bot-harness.js';
import { monitorRedis, type RedisMonitor } from '../support/redis-monitor.js';

let harness: Harness | undefined;
let monitor: RedisMonitor | undefined;
afterEach(async () => {
  monitor?.stop();
  monitor = undefined;
  await harness?.stop();
  harness = undefined;
});

/**
 * The commands that touch the harness's keys, as `<command> <key without prefix, up to its first id>`, sorted.
 * Commands a Lua script runs inside Redis are marked `lua`: they cost no round trip of their own.
 */
async function watchCommands(prefix: string): Promise<{ take(): string[] }> {
  const watching = await monitorRedis();
  monitor = watching;
  return {
    take() {
      const lines: string[] = [];
      for (const command of watching.take()) {
        const key = command.args.find((a) => a.startsWith(prefix));
        // The poller's lease renewal runs on its own clock, not for any update.
        if (key === undefined || key.startsWith(`${prefix}poller-lock:`)) continue;
        const line = `${command.name} ${key.slice(prefix.length).split(':')[0] ?? ''}`;
        lines.push(command.lua ? `lua ${line}` : line);
      }
      return lines.sort();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('what an update reads from Redis', () => {
  it('reads the /lang choice, the conversation state, the duplicate check and the request count in one command, and writes no conversation', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    await h.say('/start'); // the first update may have to load the read script into Redis
    const commands = await watchCommands(h.config.redis.keyPrefix);
    await settle();
    commands.take();

    // Small talk with no model configured: answered from the text alone ("no provider").
    await h.say('good morning!');
    await settle();
    // `bull`: the BullMQ job hash of this message (src/jobs/queues.ts bullPrefix), checked for a redelivery;
    // `user-requests`: the sender's requests this minute (USER_RATE_LIMIT_PER_MINUTE), read with the rest.
    expect(commands.take()).toEqual([
      'evalsha locale',
      'lua exists bull',
      'lua exists user-requests-notice',
      'lua get conversation',
      'lua get locale',
      'lua zcount user-requests',
    ]);

    // /help never becomes work: the request count is not even read.
    await h.say('/help');
    await settle();
    expect(commands.take()).toEqual(['evalsha locale', 'lua get conversation', 'lua get locale']);

    // A /run that runs something is counted: one write after the same single read.
    await h.say('/run list_nodes');
    await settle();
    expect(commands.take()).toEqual([
      'eval user-requests',
      'evalsha locale',
      'lua exists user-requests-notice',
      'lua get conversation',
      'lua get locale',
      'lua pexpire user-requests',
      'lua zadd user-requests',
      'lua zcount user-requests',
      'lua zremrangebyscore user-requests',
    ]);
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
