import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pollerLockKey } from '../../src/bot/poller-lock.js';
import { ALICE, startHarness, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';
import { testRedis } from '../support/redis.js';

let harness: Harness | undefined;
const redis = testRedis();
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});
afterAll(() => redis.disconnect());

/**
 * The poller remembers the /lang choices, conversation states and request counts it wrote (src/bot/lease-memory.ts)
 * only while it holds the lease: another replica may poll meanwhile and write them.
 */
describe('what the poller remembers between updates', () => {
  it('forgets it when the lease was lost and regained, so a choice another replica stored meanwhile is used', async () => {
    harness = await startHarness({ role: 'bot' });
    const h = harness;
    const first = await h.say('good morning');
    expect(first.plainText).toContain('I need a model');

    // Another replica takes the lease for a moment, and Alice picks 中文 there.
    const lockKey = pollerLockKey(h.config.redis.keyPrefix, TEST_BOT_TOKEN);
    await redis.set(lockKey, 'another-replica', 'PX', 2500);
    await h.emulator.waitFor(() => h.app.polling?.state() === 'standby', 5000);
    await redis.set(`${h.config.redis.keyPrefix}locale:${ALICE}`, 'zh-TW');
    await h.emulator.waitFor(() => h.app.polling?.state() === 'polling', 8000);

    const again = await h.say('good morning');
    expect(again.plainText).toContain('需要模型');
  });
});
