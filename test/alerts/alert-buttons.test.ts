import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { match } from '../support/matchers.js';
import { alertGroupId } from '../../src/alerts/group-record.js';
import { startFakeAlertmanager, type FakeAlertmanager } from '../support/fake-alertmanager.js';
import { ALICE, BOB, CAROL, MALLORY, TEST_BOT_TOKEN, type Harness } from '../support/bot-harness.js';
import { callBotApi } from '../demo/bot-api-call.js';
import {
  alertQueueSettled,
  buttonData,
  buttonTexts,
  crashLoop,
  fire,
  messageWhen,
  OPS,
  startAlertHarness,
  tap,
} from './alert-button-support.js';

const HOUR = 3_600_000;

let alertmanager: FakeAlertmanager;
let harness: Harness | undefined;
beforeAll(async () => {
  alertmanager = await startFakeAlertmanager();
});
afterAll(async () => {
  await alertmanager.close();
});
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  alertmanager.setDelay(0);
  alertmanager.failNext(200, 0);
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await startAlertHarness({ ALERTMANAGER_URL: alertmanager.url, ...env });
  return harness;
}

const silencePosts = () => alertmanager.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/silences');
const alertAudit = async (h: Harness) => (await h.app.approvals.audit.latest(50)).filter((e) => e.kind === 'alert');

describe('the buttons of an alert message', () => {
  it('shows Investigate, Silence 1h and Acknowledge while firing, in the group’s language, and none once resolved, on the same message', async () => {
    const h = await start({ ALERT_LOCALE: 'zh-TW' });
    const message = await fire(h);
    expect(message.replyMarkup?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['🔍 調查原因'],
      ['🔕 靜音 1 小時', '✅ 我來處理'],
    ]);
    // The answer to a tap is in the tapper's language; the message stays in the group's.
    const answer = await tap(h, message, buttonData(message, '✅ 我來處理'), CAROL, 'en');
    expect(answer.text).toBe('✅ Acknowledged: the alert is yours.');
    const taken = await messageWhen(h, message, (m) => m.plainText.includes('確認'));
    expect(buttonTexts(taken)).toEqual(['🔍 調查原因', '🔕 靜音 1 小時']);

    await fire(h, crashLoop('KubePodCrashLooping', 'resolved'));
    const resolved = await messageWhen(h, message, (m) => m.plainText.includes('已恢復'));
    expect(buttonTexts(resolved)).toEqual([]);
    expect(resolved.plainText).toContain('Carol');
    // A tap on a keyboard a client still shows (an old copy of the message) changes nothing.
    const late = await tap(h, message, buttonData(message, '🔕 靜音 1 小時'), ALICE, 'zh-hant');
    expect(late.text).toBe('這則告警已經恢復。沒有任何變更。');
    expect(silencePosts().filter((r) => JSON.stringify(r.body).includes('KubePodCrashLooping'))).toHaveLength(0);
    await alertQueueSettled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
  });

  it('Acknowledge: anyone the bot serves takes it; the message and the audit trail say who; a second tap, by anyone, changes nothing', async () => {
    const h = await start();
    const message = await fire(h);
    const ack = buttonData(message, '✅ Acknowledge');
    expect((await tap(h, message, ack, CAROL)).text).toBe('✅ Acknowledged: the alert is yours.');
    const taken = await messageWhen(h, message, (m) => m.plainText.includes('Acknowledged by Carol'));
    expect(buttonTexts(taken)).toEqual(['🔍 Investigate', '🔕 Silence 1h']);
    await alertQueueSettled(h);
    const edits = taken.edits;

    const again = await tap(h, message, ack, BOB);
    expect(again.text).toMatch(/^Already acknowledged by Carol at \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)\.$/);
    expect((await tap(h, message, ack, CAROL)).text).toMatch(/^Already acknowledged by Carol/);
    await alertQueueSettled(h);
    expect(h.emulator.messages(OPS)[0]?.edits).toBe(edits);
    const entries = await alertAudit(h);
    expect(entries.filter((e) => e.decision === 'acknowledge')).toEqual([
      expect.objectContaining({ userId: CAROL, chatId: OPS, outcome: 'succeeded' }),
    ]);
    const group = await h.app.alerts?.store.get(alertGroupId(crashLoop().groupKey));
    expect(group?.acknowledgedBy).toMatchObject({ userId: CAROL, name: 'Carol' });
  });

  it('Silence is for approvers: anyone else is refused in their own language and Alertmanager is not asked', async () => {
    const h = await start();
    const message = await fire(h);
    const before = silencePosts().length;
    const refused = await tap(h, message, buttonData(message, '🔕 Silence 1h'), CAROL);
    expect(refused).toMatchObject({ showAlert: true, text: 'Only approvers may silence alerts. Nothing was silenced.' });
    const zh = await tap(h, message, buttonData(message, '🔕 Silence 1h'), CAROL, 'zh-hant');
    expect(zh.text).toBe('只有核准者可以將告警靜音。沒有設定任何靜音。');
    expect(silencePosts().length).toBe(before);
    await alertQueueSettled(h);
    expect(h.emulator.messages(OPS)[0]?.edits).toBe(0);
  });

  it('Silence by an approver makes a real silence through API v2 for the group’s labels, audited with who asked; a repeated tap makes no second one', async () => {
    const h = await start();
    const message = await fire(h);
    const silence = buttonData(message, '🔕 Silence 1h');
    const tappedAt = Date.now();
    const answer = await tap(h, message, silence, BOB);
    expect(answer.text).toMatch(/^🔕 Silenced until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)\.$/);

    const [made, ...more] = alertmanager.silences().filter((s) => s.createdBy.includes(`Telegram user ${BOB}`));
    expect(more).toHaveLength(0);
    expect(made?.matchers).toEqual([
      { name: 'alertname', value: 'KubePodCrashLooping', isRegex: false, isEqual: true },
      { name: 'namespace', value: 'prod', isRegex: false, isEqual: true },
      { name: 'severity', value: 'critical', isRegex: false, isEqual: true },
    ]);
    expect(made?.createdBy).toBe(`Bob (Telegram user ${BOB})`);
    expect(made?.comment).toContain(`Telegram chat ${OPS}`);
    const length = Date.parse(made?.endsAt ?? '') - Date.parse(made?.startsAt ?? '');
    expect(length).toBe(HOUR);
    expect(Date.parse(made?.startsAt ?? '')).toBeGreaterThanOrEqual(tappedAt - 1000);

    const shown = await messageWhen(h, message, (m) => m.plainText.includes('Silenced by Bob until'));
    expect(buttonTexts(shown)).toEqual(['🔍 Investigate', '✅ Acknowledge']);
    const entries = await alertAudit(h);
    expect(entries.filter((e) => e.decision === 'silence')).toEqual([
      expect.objectContaining({
        userId: BOB,
        chatId: OPS,
        outcome: 'succeeded',
        durationMs: HOUR,
        detail: match.stringContaining(made?.id ?? '?'),
      }),
    ]);

    const posts = silencePosts().length;
    const repeated = await tap(h, message, silence, ALICE);
    expect(repeated.text).toMatch(/^Already silenced by Bob until/);
    expect(silencePosts().length).toBe(posts);
  });

  it('says why a silence could not be made, in the tapper’s language: no ALERTMANAGER_URL, Alertmanager refusing', async () => {
    const h = await start({ ALERTMANAGER_URL: '' });
    const message = await fire(h);
    const off = await tap(h, message, buttonData(message, '🔕 Silence 1h'), ALICE);
    expect(off).toMatchObject({
      showAlert: true,
      text: 'Silencing from the chat is off: ALERTMANAGER_URL is not set. Nothing was silenced.',
    });
    const offZh = await tap(h, message, buttonData(message, '🔕 Silence 1h'), ALICE, 'zh-hant');
    expect(offZh.text).toBe('無法從聊天室設定靜音：沒有設定 ALERTMANAGER_URL。沒有設定任何靜音。');
    await harness?.stop();

    const h2 = await start();
    const second = await fire(h2);
    alertmanager.failNext(500);
    const failed = await tap(h2, second, buttonData(second, '🔕 Silence 1h'), ALICE);
    expect(failed.showAlert).toBe(true);
    expect(failed.text).toMatch(/^Alertmanager did not make the silence: Alertmanager POST .*HTTP 500.*Nothing was silenced\.$/);
    expect(failed.text?.length).toBeLessThanOrEqual(200);
    expect((await alertAudit(h2)).filter((e) => e.decision === 'silence')).toEqual([
      expect.objectContaining({ userId: ALICE, outcome: 'failed' }),
    ]);
    // Nothing changed, so the button is still there, and a later tap works.
    expect((await tap(h2, second, buttonData(second, '🔕 Silence 1h'), ALICE)).text).toMatch(/^🔕 Silenced until/);
  });

  it('does not hold the tap while Alertmanager is slow: answered first, the silence shows when made, a late failure is said under the alert', async () => {
    const h = await start();
    const message = await fire(h);
    alertmanager.setDelay(2000);
    const answer = await tap(h, message, buttonData(message, '🔕 Silence 1h'), ALICE);
    // Answered before Alertmanager could have answered: the answer says it is still asking.
    expect(answer).toMatchObject({ text: '🔕 Asking Alertmanager for a 1-hour silence…' });
    expect(answer.showAlert).not.toBe(true);
    await messageWhen(h, message, (m) => m.plainText.includes('Silenced by Alice'));

    const other = await fire(h, crashLoop('KubeDeploymentReplicasMismatch'));
    alertmanager.failNext(503);
    const pending = await tap(h, other, buttonData(other, '🔕 Silence 1h'), BOB, 'zh-hant');
    expect(pending.text).toBe('🔕 正在向 Alertmanager 設定 1 小時的靜音…');
    const said = await h.emulator.waitFor(
      () => h.emulator.messages(OPS).find((m) => m.replyToMessageId === other.messageId && m.plainText.startsWith('⚠️')),
      15_000,
    );
    expect(said.plainText).toMatch(/^⚠️ Bob：Alertmanager 沒有為 KubeDeploymentReplicasMismatch 建立靜音：.*HTTP 503.*沒有設定任何靜音。$/);
    await alertQueueSettled(h);
    expect(buttonTexts(h.emulator.messages(OPS).find((m) => m.messageId === other.messageId))).toContain('🔕 Silence 1h');
  });

  it('refuses a tap from someone the bot does not serve, and a button copied into another chat, changing nothing', async () => {
    const h = await start();
    const message = await fire(h);
    const ack = buttonData(message, '✅ Acknowledge');
    const stranger = await tap(h, message, ack, MALLORY);
    expect(stranger.showAlert).toBe(true);
    expect(stranger.text).toContain(String(MALLORY));

    // The same token on a message in Alice's private chat: its binding names the ops chat, so the codec refuses it.
    const copy = await callBotApi(
      h.emulator.apiRoot,
      'sendMessage',
      { chat_id: ALICE, text: 'copied', reply_markup: { inline_keyboard: [[{ text: 'ack', callback_data: ack }]] } },
      { token: TEST_BOT_TOKEN },
    );
    expect(copy.body.ok).toBe(true);
    const copied = h.emulator.messages(ALICE).find((m) => m.plainText === 'copied');
    if (!copied) throw new Error('the copy was not posted');
    const elsewhere = await tap(h, copied, ack, ALICE);
    expect(elsewhere).toMatchObject({ showAlert: true, text: 'This button is not valid. Nothing was changed.' });
    const forged = await tap(h, copied, 'al1:k:AAAAAAAAAAAAAAAA', ALICE);
    expect(forged).toMatchObject({ showAlert: true, text: 'This button is not valid. Nothing was changed.' });

    const group = await h.app.alerts?.store.get(alertGroupId(crashLoop().groupKey));
    expect(group?.acknowledgedBy).toBeUndefined();
    expect(await alertAudit(h)).toEqual([]);
  });

  it('keeps everything in Redis: after a restart the buttons still act on the same message, and the state they show is kept', async () => {
    const h = await start();
    const message = await fire(h);
    await tap(h, message, buttonData(message, '✅ Acknowledge'), CAROL);
    await messageWhen(h, message, (m) => m.plainText.includes('Acknowledged by Carol'));
    await h.restart();

    const silenced = await tap(h, message, buttonData(message, '🔕 Silence 1h'), ALICE);
    expect(silenced.text).toMatch(/^🔕 Silenced until/);
    const both = await messageWhen(h, message, (m) => m.plainText.includes('Silenced by Alice'));
    expect(both.plainText).toContain('Acknowledged by Carol');
    expect(buttonTexts(both)).toEqual(['🔍 Investigate']);
    await h.restart();

    // Alertmanager's next notification (one more alert) keeps what the buttons did.
    await fire(h, {
      ...crashLoop(),
      alerts: [
        ...crashLoop().alerts,
        { ...crashLoop().alerts[0], fingerprint: 'c', labels: { ...crashLoop().alerts[0].labels, pod: 'api-3' } },
      ],
    });
    const three = await messageWhen(h, message, (m) => m.plainText.includes('3 alerts'));
    expect(three.plainText).toContain('Acknowledged by Carol');
    expect(three.plainText).toContain('Silenced by Alice');
    expect(buttonTexts(three)).toEqual(['🔍 Investigate']);
    await alertQueueSettled(h);
    expect(h.emulator.messages(OPS)).toHaveLength(1);
  });
});
