import { afterEach, describe, expect, it } from 'vitest';
import { answerTo, buttonData, cardWhen, waitForCard } from '../support/approval-helpers.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';

let harness: Harness | undefined;
let cluster: FakeCluster | undefined;
afterEach(async () => {
  await harness?.stop();
  await cluster?.close();
  harness = undefined;
  cluster = undefined;
});

async function start(): Promise<{ h: Harness; c: FakeCluster }> {
  cluster = await startFakeCluster();
  harness = await startHarness({ env: { CLUSTER_BACKEND: 'kubernetes' }, app: { executor: cluster.executor } });
  return { h: harness, c: cluster };
}

describe('the bot against a Kubernetes API server (the fake one, through a kubeconfig)', () => {
  it('"scale web in prod to 3", approved, sends the same PATCH kubectl scale sends, once', async () => {
    const { h, c } = await start();
    const before = Math.max(0, ...h.emulator.messages(ALICE).map((m) => m.messageId));
    h.emulator.sendUserMessage({ chatId: ALICE, userId: ALICE, text: 'scale web in prod to 3', languageCode: 'en' });
    const card = await waitForCard(h, ALICE, before);
    expect(card.plainText).toContain('Replicas: 2 → 3');
    // The card's preview was a server-side dry run; nothing has changed yet.
    expect(c.fake.writes().every((request) => request.query['dryRun'] === 'All')).toBe(true);
    expect(c.fake.get('Deployment', 'web', 'prod')?.['spec']).toMatchObject({ replicas: 2 });

    const press = h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: buttonData(card, 'approve') });
    await answerTo(h, press.callbackQueryId);
    const done = await cardWhen(h, ALICE, card.messageId, /Done:/);
    expect(done.plainText).toContain('deployment.apps/web scaled from 2 to 3');

    const committed = c.fake.writes().filter((request) => request.query['dryRun'] === undefined);
    expect(committed).toEqual([
      {
        method: 'PATCH',
        path: '/apis/apps/v1/namespaces/prod/deployments/web/scale',
        query: { fieldManager: 'kube-chatops-bot' },
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: 3 } },
        authenticated: true,
      },
    ]);
    expect(c.fake.get('Deployment', 'web', 'prod')?.['spec']).toMatchObject({ replicas: 3 });
  });

  it('/status says plainly that it talks to a real Kubernetes API, which context and where', async () => {
    const { h, c } = await start();
    const status = await h.say('/status');
    expect(status.plainText).toContain(`Kubernetes context fake-admin at ${c.fake.url}`);
  });
});

describe('choosing the backend from the configuration', () => {
  it('uses Kubernetes when KUBECONFIG points at a cluster and CLUSTER_BACKEND is unset, and says so in /status', async () => {
    cluster = await startFakeCluster();
    harness = await startHarness({ env: { CLUSTER_BACKEND: '', KUBECONFIG: cluster.kubeconfig.path } });
    const status = await harness.say('/status');
    expect(status.plainText).toContain(`Kubernetes context fake-admin at ${cluster.fake.url}`);
    expect(harness.logs.some((l) => l.includes('cluster backend: ') && l.includes('"backend":"kubernetes"'))).toBe(true);
    const pods = await harness.say('/run list_pods namespace=prod');
    expect(pods.plainText).toContain('web-');
  });

  it('falls back to the simulated cluster when there is no kubeconfig, and says so', async () => {
    harness = await startHarness({ env: { CLUSTER_BACKEND: '', KUBECONFIG: '/nonexistent/kubeconfig-for-test', HOME: '/nonexistent' } });
    const status = await harness.say('/status');
    expect(status.plainText).toContain('simulated cluster');
  });
});
