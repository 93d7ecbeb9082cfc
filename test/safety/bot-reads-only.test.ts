import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { answerTo, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { allOf, bindingSchema, clusterRoleSchema } from '../deploy/kube-objects.js';
import { DEPLOY_DIR, renderKustomization } from '../deploy/kustomize-render.js';
import { grantsOfPolicyRules, READ_VERBS, verbOf } from '../deploy/rbac-grants.js';

/**
 * The bot process only reads the cluster: a /run change (its preview included, a server-side dry run being
 * a write permission) is handed to a worker, which previews it and posts the card. The bot's ServiceAccount
 * can only read.
 */
let harness: Harness | undefined;
let worker: App | undefined;
afterEach(async () => {
  await worker?.stop(2000);
  worker = undefined;
  await harness?.stop();
  harness = undefined;
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the bot process', () => {
  it('neither previews nor changes anything for a /run change: a worker previews it and posts the card, once per message', async () => {
    const cluster = createSimulatedCluster();
    const h = (harness = await startHarness({ role: 'bot', app: { executor: cluster } }));
    const text = '/run scale_deployment name=web replicas=2 namespace=prod';
    const update = {
      message: {
        message_id: 7001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: ALICE, type: 'private' },
        from: { id: ALICE, is_bot: false, first_name: 'Alice', language_code: 'en' },
        text,
        entities: [{ type: 'bot_command', offset: 0, length: 4 }],
      },
    };
    h.emulator.injectRawUpdate(update);
    // Telegram delivers the same message again (the bot restarted before it confirmed it, say).
    h.emulator.injectRawUpdate(update);
    await settle(1500);
    // No worker yet: the bot answered the update without touching the cluster.
    expect(cluster.calls().filter((call) => call.effect !== 'read')).toEqual([]);
    expect(h.emulator.messages(ALICE).filter((m) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0)).toEqual([]);

    worker = await startApp({ config: h.config, logger: h.logger, role: 'worker', executor: cluster });
    const card = await waitForCard(h, ALICE);
    expect(card.plainText).toContain('scale_deployment');
    expect(cluster.calls().filter((call) => call.effect === 'preview')).toHaveLength(1);
    await settle(1000);
    expect(h.emulator.messages(ALICE).filter((m) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0)).toHaveLength(1);

    // Approved, the change runs in the worker, once.
    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    await answerTo(h, press.callbackQueryId);
    await cardWhen(h, ALICE, card.messageId, /Done/);
    expect(cluster.mutationCount()).toBe(1);
  });
});

describe('the deployment', () => {
  const objects = renderKustomization(join(DEPLOY_DIR, 'overlays/default'));

  it("binds the bot's ServiceAccount to roles that only read", () => {
    const bound = allOf(objects, 'ClusterRoleBinding', bindingSchema)
      .concat(allOf(objects, 'RoleBinding', bindingSchema))
      .filter((binding) => binding.subjects.some((s) => s.kind === 'ServiceAccount' && s.name === 'chatops-bot'))
      .map((binding) => binding.roleRef.name);
    expect(bound.length).toBeGreaterThan(0);
    for (const name of bound) {
      const role = allOf(objects, 'ClusterRole', clusterRoleSchema).find((r) => r.metadata.name === name);
      const writes = [...grantsOfPolicyRules(role?.rules ?? [])].filter((grant) => !READ_VERBS.includes(verbOf(grant)));
      expect(writes, name).toEqual([]);
    }
  });
});
