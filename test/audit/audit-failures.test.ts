import { afterEach, describe, expect, it } from 'vitest';
import { auditStreamKey } from '../../src/audit/trail.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { approvalIdOf, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { testRedis } from '../support/redis.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function scrape(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

describe('an audit trail Redis refuses to write', () => {
  it('does not stop the approval, and every lost entry is logged with its ids and counted in /metrics', async () => {
    const cluster = createSimulatedCluster();
    harness = await startHarness({ app: { executor: cluster } });
    const h = harness;
    // A plain string where the stream should be: every XADD is refused with WRONGTYPE.
    const redis = testRedis();
    await redis.set(auditStreamKey(h.config.redis.keyPrefix), 'not a stream');
    await redis.quit();

    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'restart api in prod', languageCode: 'en' });
    const card = await waitForCard(h, ALICE);
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(cluster.mutationCount()).toBe(1);

    const approvalId = approvalIdOf(card);
    await h.emulator.waitFor(() => {
      const lost = h.logs.filter((l) => l.includes('audit entry NOT written') && l.includes('"audit_kind":"execution"'));
      return lost.length > 0 ? lost : undefined;
    });
    const lost = h.logs.filter((l) => l.includes('audit entry NOT written')).map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const kind of ['tool_call', 'approval', 'execution']) {
      expect(lost).toContainEqual(expect.objectContaining({ level: 50, audit_kind: kind, chat_id: ALICE, approval_id: approvalId }));
    }
    const metrics = await scrape(h.app.metricsPort);
    expect(metrics).toMatch(/chatops_audit_append_failures_total\{kind="tool_call"\} [1-9]/);
    expect(metrics).toMatch(/chatops_audit_append_failures_total\{kind="approval"\} [1-9]/);
    expect(metrics).toMatch(/chatops_audit_append_failures_total\{kind="execution"\} 1/);
  });
});
