import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
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
  it('reads what the poller does not yet remember in one command, and later updates of the same person read nothing', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    await h.say('/start'); // loads the read script into Redis if this Redis has not seen it
    const commands = await watchCommands(h.config.redis.keyPrefix);
    await settle();
    commands.take();

    // Bob's first update: his /lang choice and conversation state, read together. /help never becomes work, so
    // his request count is not read; a command is never a job, so no duplicate check either.
    await h.say('/help', { chatId: BOB });
    await settle();
    expect(commands.take()).toEqual(['evalsha locale', 'lua get conversation', 'lua get locale']);

    // His first message that may become work (small talk, answered "no model" here): his requests this minute
    // (USER_RATE_LIMIT_PER_MINUTE) and whether he was told of the limit. No duplicate check: this update came
    // after the poller's first batch, so no earlier poller can have handled it (src/bot/lease-memory.ts).
    await h.say('good morning!', { chatId: BOB });
    await settle();
    expect(commands.take()).toEqual(['evalsha user-requests', 'lua pttl user-requests-notice', 'lua zrangebyscore user-requests']);

    // From now on nothing is read before his answer; the conversations plugin writes nothing for updates that
    // enter no conversation.
    await h.say('good evening!', { chatId: BOB });
    await h.say('/help', { chatId: BOB });
    await settle();
    expect(commands.take()).toEqual([]);

    // A /run that runs something is counted: one write, after the answer.
    await h.say('/run list_nodes', { chatId: BOB });
    await settle();
    expect(commands.take()).toEqual([
      'evalsha user-requests',
      'lua pexpire user-requests',
      'lua zadd user-requests',
      'lua zremrangebyscore user-requests',
    ]);
  });

  it('lets a language tap write the choice, never touch conversation state, and answer the next message in it', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    const menu = await h.say('/lang');
    const commands = await watchCommands(h.config.redis.keyPrefix);
    await settle();
    commands.take();
    const data = menu.replyMarkup?.inline_keyboard.flat().find((b) => b.text === '繁體中文')?.callback_data ?? '';
    h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: menu.messageId, data });
    await h.emulator.waitFor(() => h.emulator.messages(ALICE).find((m) => m.messageId === menu.messageId && m.edits > 0));
    await settle();
    expect(commands.take()).toEqual(['set locale']);
    const reply = await h.say('/help');
    expect(reply.plainText).not.toContain('What I can do');
  });
});
