import { afterEach, describe, expect, it } from 'vitest';
import { match } from '../support/matchers.js';
import { formatForTerminal } from '../../src/demo/terminal-format.js';
import { DEMO_USERS, startDemoStack, type DemoStack } from '../../src/demo/demo-stack.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { captureLogger } from '../support/log-capture.js';
import { deleteKeys, testRedis, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const ALICE = DEMO_USERS.alice;
const CAROL = DEMO_USERS.carol;

let stack: DemoStack | undefined;
let prefix: string | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  if (prefix) {
    const redis = testRedis();
    await deleteKeys(redis, prefix);
    await redis.quit();
    prefix = undefined;
  }
});

/** The demo's parts as `npm run demo` starts them (no model key: the offline provider), on the test Redis. */
async function startDemo(): Promise<DemoStack> {
  prefix = uniquePrefix('demo-alerts');
  stack = await startDemoStack({
    env: { REDIS_KEY_PREFIX: prefix, TIME_ZONE: 'UTC' },
    redisUrl: TEST_REDIS_URL,
    logger: () => captureLogger().logger,
  });
  return stack;
}

const buttonTexts = (m: EmulatedMessage) => m.replyMarkup?.inline_keyboard.flat().map((b) => b.text) ?? [];

function press(s: DemoStack, message: EmulatedMessage, text: string, userId: number = ALICE) {
  const button = message.replyMarkup?.inline_keyboard.flat().find((b) => b.text === text);
  if (!button?.callback_data) throw new Error(`no button "${text}" on #${message.messageId}: ${buttonTexts(message).join(', ')}`);
  const { callbackQueryId } = s.emulator.pressButton({ chatId: ALICE, userId, messageId: message.messageId, data: button.callback_data });
  return s.emulator.waitFor(() => s.emulator.callbackAnswers().find((a) => a.callbackQueryId === callbackQueryId), 10_000);
}

const current = (s: DemoStack, messageId: number) => s.emulator.messages(ALICE).find((m) => m.messageId === messageId);
const when = (s: DemoStack, messageId: number, test: (m: EmulatedMessage) => boolean) =>
  s.emulator.waitFor(() => {
    const m = current(s, messageId);
    return m && test(m) ? m : undefined;
  }, 20_000);

describe('the alert path of npm run demo, offline', () => {
  it('fire → message with buttons → Investigate → answer as a reply → Acknowledge → Silence in the SIMULATED Alertmanager → resolved edits the same message', async () => {
    const s = await startDemo();
    expect(await s.demoAlert('firing')).toContain('the receiver answered 200');
    const alert = await s.emulator.waitFor(
      () => s.emulator.messages(ALICE).find((m) => m.plainText.includes('KubePodCrashLooping')),
      15_000,
    );
    expect(buttonTexts(alert)).toEqual(['🔍 Investigate', '🔕 Silence 1h', '✅ Acknowledge']);
    // What the terminal chat prints for it: the buttons, numbered.
    expect(formatForTerminal(alert)).toContain('[1] 🔍 Investigate');
    expect(formatForTerminal(alert)).toContain('[2] 🔕 Silence 1h  [3] ✅ Acknowledge');

    const investigating = await press(s, alert, '🔍 Investigate');
    expect(investigating.text).toMatch(/^🔍 Investigating: #a[0-9a-f]{9}/);
    const ref = /#(a[0-9a-f]{9})/.exec(investigating.text ?? '')?.[1];
    const ack = await s.emulator.waitFor(() => s.emulator.messages(ALICE).find((m) => m.plainText.includes(`#${ref}`)), 10_000);
    expect(ack.replyToMessageId).toBe(alert.messageId);
    // The offline provider reads the cluster (pods, the crashed run's logs, events) and names the cause.
    const answer = await when(s, ack.messageId, (m) => m.plainText.startsWith(`✅ #${ref}`));
    expect(answer.plainText).toContain('Investigation: prod');
    expect(answer.plainText).toMatch(/Pod api-[a-z0-9]+-[a-z0-9]+: CrashLoopBackOff/);
    expect(answer.plainText).toContain('Likely cause');
    expect(answer.plainText).toContain('DATABASE_URL');
    expect(answer.plainText).toContain('no AI model was used');

    const acknowledged = await press(s, alert, '✅ Acknowledge', CAROL);
    expect(acknowledged.text).toContain('Acknowledged');
    const afterAck = await when(s, alert.messageId, (m) => m.plainText.includes('Acknowledged by'));
    expect(buttonTexts(afterAck)).toEqual(['🔍 Investigate', '🔕 Silence 1h']);

    const silenced = await press(s, afterAck, '🔕 Silence 1h');
    expect(silenced.text).toMatch(/Silenced until/);
    const afterSilence = await when(s, alert.messageId, (m) => m.plainText.includes('Silenced by'));
    expect(buttonTexts(afterSilence)).toEqual(['🔍 Investigate']);
    const [silence] = s.alertmanager.silences();
    expect(s.alertmanager.silences()).toHaveLength(1);
    expect(silence).toMatchObject({ state: 'active', createdBy: match.stringContaining(`Telegram user ${ALICE}`) });
    expect(silence?.matchers).toContainEqual({ name: 'alertname', value: 'KubePodCrashLooping', isRegex: false, isEqual: true });
    // A firing the silence covers is held back, as Alertmanager holds back silenced alerts.
    expect(await s.demoAlert('firing')).toContain('not sent');

    expect(await s.demoAlert('resolved')).toContain('the receiver answered 200');
    const resolved = await when(s, alert.messageId, (m) => m.plainText.includes('RESOLVED'));
    expect(buttonTexts(resolved)).toEqual([]);
    expect(resolved.plainText).toContain('Acknowledged by');
    expect(
      s.emulator.messages(ALICE).filter((m) => m.plainText.includes('KubePodCrashLooping') && m.replyToMessageId === undefined),
    ).toHaveLength(1);
  });
});
