import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedCluster, type SimulatedCluster } from '../../src/cluster/simulated.js';
import type { EmulatedMessage } from '../../src/demo/bot-api-emulator.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/bot-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** The bot with the simulated cluster and no model configured (no provider key in the environment). */
async function start(cluster: SimulatedCluster = createSimulatedCluster(), env: Record<string, string> = {}) {
  harness = await startHarness({ app: { executor: cluster }, env });
  return { h: harness, cluster };
}

const FOOTER = 'no model used';

function known(h: Harness, chatId = ALICE): Set<number> {
  return new Set(h.emulator.messages(chatId).map((m) => m.messageId));
}

/** Waits for a bot message sent after `before` that matches. */
function nextMessage(h: Harness, before: Set<number>, match: (m: EmulatedMessage) => boolean = () => true, chatId = ALICE) {
  return h.emulator.waitFor(() => h.emulator.messages(chatId).find((m) => !before.has(m.messageId) && match(m)), 15_000);
}

/** Taps the button whose label starts with `label` and returns the next new bot message. */
async function tap(h: Harness, message: EmulatedMessage, label: string, match?: (m: EmulatedMessage) => boolean) {
  const button = message.replyMarkup?.inline_keyboard.flat().find((b) => b.text.startsWith(label));
  if (!button?.callback_data)
    throw new Error(`no button "${label}" on message ${message.messageId}: ${JSON.stringify(message.replyMarkup)}`);
  const before = known(h);
  h.emulator.pressButton({ chatId: message.chatId, userId: ALICE, messageId: message.messageId, data: button.callback_data });
  return nextMessage(h, before, match);
}

function buttonLabels(message: EmulatedMessage): string[] {
  return message.replyMarkup?.inline_keyboard.flat().map((b) => b.text) ?? [];
}

function cards(h: Harness) {
  return h.emulator.messages(ALICE).filter((m) => m.plainText.includes('Approval needed') || m.plainText.includes('Critical change'));
}

describe('/run typed, with the simulated cluster and no model', () => {
  it('lists the simulated pods of prod at once, with the footer saying no model and a simulated cluster', async () => {
    const { h, cluster } = await start();
    const reply = await h.say('/run list_pods namespace=prod');
    const pods = await cluster.list_pods({ namespace: 'prod' });
    expect(pods.length).toBeGreaterThan(3);
    for (const pod of pods) expect(reply.plainText).toContain(pod.name);
    expect(reply.plainText).toMatch(/^Pods in prod \(\d+\)/);
    expect(reply.plainText).toContain('CrashLoopBackOff');
    expect(reply.plainText).toContain('simulated cluster (no real Kubernetes)');
    expect(reply.parseMode).toBe('HTML');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('answers `/run list_pods` alone from the default namespace, pointing elsewhere when it is empty', async () => {
    const { h } = await start();
    const empty = await h.say('/run list_pods');
    expect(empty.plainText).toMatch(/^There are no pods in default\.\nOther namespaces:/);
    expect(empty.plainText).toContain('/run list_pods namespace=prod');
    await h.stop();

    const { h: prod, cluster } = await start(createSimulatedCluster(), { DEFAULT_NAMESPACE: 'prod' });
    const reply = await prod.say('/run list_pods');
    for (const pod of await cluster.list_pods({ namespace: 'prod' })) expect(reply.plainText).toContain(pod.name);
  });

  it('answers in Traditional Chinese for a zh client', async () => {
    const { h, cluster } = await start();
    const reply = await h.say('/run list_pods namespace=prod', { languageCode: 'zh-hant' });
    for (const pod of await cluster.list_pods({ namespace: 'prod' })) expect(reply.plainText).toContain(pod.name);
    expect(reply.plainText).toMatch(/^prod 的 pod（\d+ 個）/);
    expect(reply.plainText).toContain('就緒');
    expect(reply.plainText).toContain('模擬叢集');
  });

  it('turns a change into an approval card and changes nothing until an approver approves', async () => {
    const { h, cluster } = await start();
    const card = await h.say('/run scale_deployment name=web replicas=3 namespace=prod');
    expect(card.plainText).toContain('scale_deployment(name=web, replicas=3, namespace=prod)');
    expect(card.plainText).toContain('Replicas: 2 → 3');
    expect(card.replyMarkup?.inline_keyboard.flat().length).toBe(2);
    expect(cluster.mutationCount()).toBe(0);
    expect((await cluster.list_deployments({ namespace: 'prod' })).find((d) => d.name === 'web')?.desired).toBe(2);

    const approve = card.replyMarkup!.inline_keyboard[0][0].callback_data!;
    h.emulator.pressButton({ chatId: ALICE, userId: BOB, messageId: card.messageId, data: approve });
    await h.emulator.waitFor(
      () => h.emulator.messages(ALICE).find((m) => m.messageId === card.messageId && m.plainText.includes('Done:')),
      15_000,
    );
    expect(cluster.mutationCount()).toBe(1);
    expect((await cluster.list_deployments({ namespace: 'prod' })).find((d) => d.name === 'web')?.desired).toBe(3);
  });

  it('takes the manifest of apply_manifest from the lines after the command and posts a critical card', async () => {
    const { h, cluster } = await start();
    const yaml = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: run-test', 'data:', '  mode: "on"'].join('\n');
    const card = await h.say(`/run apply_manifest namespace=prod\n${yaml}`);
    expect(card.plainText).toContain('Critical change');
    expect(card.plainText).toContain('Apply a manifest in prod');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('refuses bad values with the reason and the usage line, and nothing reaches the cluster', async () => {
    const { h, cluster } = await start();
    const reply = await h.say('/run scale_deployment name=Bad_Name replicas=500 namespace=prod');
    expect(reply.plainText).toContain('Not run');
    expect(reply.plainText).toContain('argument "replicas" = 500: must be at most 100');
    expect(reply.plainText).toMatch(/argument "name" = "Bad_Name": must be a Kubernetes name/);
    expect(reply.plainText).toContain('Usage: /run scale_deployment name=<name> replicas=0-100 [namespace=<namespace>]');
    expect(cluster.calls()).toEqual([]);
    expect(cards(h)).toEqual([]);
  });

  it('refuses an unknown tool, naming the tools there are', async () => {
    const { h, cluster } = await start();
    const reply = await h.say('/run drop_database name=prod');
    expect(reply.plainText).toContain('There is no tool "drop_database"');
    expect(reply.plainText).toContain('list_pods');
    expect(reply.plainText).toContain('apply_manifest');
    expect(cluster.calls()).toEqual([]);
  });

  it('refuses what it cannot read as key=value, with the usage of the tool', async () => {
    const { h, cluster } = await start();
    const reply = await h.say('/run list_pods prod');
    expect(reply.plainText).toContain('I could not read "prod"');
    expect(reply.plainText).toContain('Usage: /run list_pods [namespace=<namespace>] [label_selector=<label_selector>]');
    expect(cluster.calls()).toEqual([]);
  });

  it('refuses a delete in kube-system by scope (a protected namespace): no card is made, nothing runs', async () => {
    const { h, cluster } = await start();
    const [pod] = await cluster.list_pods({ namespace: 'kube-system' });
    const before = cluster.calls().length;
    const reply = await h.say(`/run delete_resource kind=pod name=${pod.name} namespace=kube-system`);
    expect(reply.plainText).toBe('🔒 Refused: kube-system is a protected namespace, reads only. Nothing was changed.');
    expect(cluster.calls().length).toBe(before);
    expect(cluster.mutationCount()).toBe(0);
    expect(cards(h)).toEqual([]);
  });

  it('splits output over 4096 characters into several messages, each within the limit', async () => {
    const { h } = await start();
    const before = known(h);
    h.emulator.sendUserMessage({
      chatId: ALICE,
      userId: ALICE,
      text: '/run get_pod_logs pod=redis-0 namespace=prod tail_lines=400',
      languageCode: 'en',
    });
    const last = await nextMessage(h, before, (m) => m.plainText.includes(FOOTER));
    const parts = h.emulator.messages(ALICE).filter((m) => !before.has(m.messageId) && m.messageId <= last.messageId);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((m) => m.plainText).join('').length).toBeGreaterThan(4096);
    for (const part of parts) expect([...part.plainText].length).toBeLessThanOrEqual(4096);
    expect(parts[0].plainText).toMatch(/^Logs of redis-0 in prod/);
    // Every part stays valid HTML: the <pre> block is closed and reopened at each cut.
    for (const part of parts.slice(0, -1)) expect(part.text).toMatch(/<\/pre>$/);
  });
});

describe('/run guided, with buttons from the simulated cluster', () => {
  it('picks list_pods, then prod, and answers with the list, then teaches the typed form', async () => {
    const { h, cluster } = await start();
    const tools = await h.say('/run');
    const labels = buttonLabels(tools);
    expect(labels).toHaveLength(13);
    expect(labels.at(-1)).toBe('✖ Cancel');
    expect(tools.replyMarkup!.inline_keyboard[0].length).toBe(2);
    expect(labels[0]).toBe('list_pods · list pods');

    const namespaces = await tap(h, tools, 'list_pods');
    expect(buttonLabels(namespaces)).toEqual(expect.arrayContaining(['prod', 'staging', 'kube-system', '✖ Cancel']));
    const answer = await tap(h, namespaces, 'prod', (m) => m.plainText.includes(FOOTER));
    for (const pod of await cluster.list_pods({ namespace: 'prod' })) expect(answer.plainText).toContain(pod.name);
    expect(answer.plainText).toContain('/run list_pods namespace=prod');
    expect(answer.plainText).toContain('Options to add: label_selector=<label_selector>');
    // Answered questions lose their buttons and show the choice.
    const settled = h.emulator.messages(ALICE).find((m) => m.messageId === namespaces.messageId);
    expect(settled?.replyMarkup?.inline_keyboard.flat() ?? []).toEqual([]);
    expect(settled?.plainText).toContain('→ prod');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('survives a restart of the bot in the middle of the flow (state in Redis)', async () => {
    const { h, cluster } = await start();
    const tools = await h.say('/run');
    const namespaces = await tap(h, tools, 'list_deployments');
    await h.restart('all');
    const answer = await tap(h, namespaces, 'prod', (m) => m.plainText.includes(FOOTER));
    expect(answer.plainText).toMatch(/^Deployments in prod \(3\)/);
    for (const d of await cluster.list_deployments({ namespace: 'prod' })) expect(answer.plainText).toContain(d.name);
  });

  it('lists deployments to scale, asks the replicas again after a bad value, then posts the approval card', async () => {
    const { h, cluster } = await start();
    const tools = await h.say('/run');
    const namespaces = await tap(h, tools, 'scale_deployment');
    const deployments = await tap(h, namespaces, 'prod');
    expect(buttonLabels(deployments)).toEqual(['api', 'web', 'worker', '✖ Cancel']);
    const replicas = await tap(h, deployments, 'web');
    expect(replicas.plainText).toContain('a whole number from 0 to 100');

    const again = await h.say('500');
    expect(again.plainText).toContain('replicas = "500": must be at most 100');
    const card = await h.say('3');
    expect(card.plainText).toContain('scale_deployment(name=web, replicas=3, namespace=prod)');
    expect(card.replyMarkup?.inline_keyboard.flat().length).toBe(2);
    expect(cluster.mutationCount()).toBe(0);
  });

  it('asks for a kind first for describe, skips the namespace for a node, and lists the nodes', async () => {
    const { h } = await start();
    const tools = await h.say('/run');
    const kinds = await tap(h, tools, 'describe_resource');
    expect(buttonLabels(kinds)).toEqual(expect.arrayContaining(['pod', 'deployment', 'node', 'hpa']));
    const nodes = await tap(h, kinds, 'node');
    expect(nodes.plainText).toContain('Which node?');
    const answer = await tap(h, nodes, 'sim-node-2', (m) => m.plainText.includes(FOOTER));
    expect(answer.plainText).toMatch(/^node sim-node-2\n/);
  });

  it('cancels from any step with the cancel button, and old buttons then do nothing', async () => {
    const { h, cluster } = await start();
    const tools = await h.say('/run');
    const namespaces = await tap(h, tools, 'restart_deployment');
    const cancelled = await tap(h, namespaces, '✖ Cancel');
    expect(cancelled.plainText).toBe('✖ Cancelled. Nothing was run.');

    const stale = tools.replyMarkup!.inline_keyboard[0][0].callback_data!;
    h.emulator.pressButton({ chatId: ALICE, userId: ALICE, messageId: tools.messageId, data: stale });
    const answer = await h.emulator.waitFor(() => h.emulator.callbackAnswers().find((a) => a.text?.includes('has ended')));
    expect(answer.showAlert).toBe(true);
    expect(cluster.mutationCount()).toBe(0);
    expect(cards(h)).toEqual([]);
  });

  it('asks the optional revision of a rollback with a skip button, then posts the card', async () => {
    const { h, cluster } = await start();
    const tools = await h.say('/run');
    const namespaces = await tap(h, tools, 'rollback_deployment');
    const deployments = await tap(h, namespaces, 'prod');
    const revision = await tap(h, deployments, 'api');
    expect(buttonLabels(revision)).toEqual(['Skip ⏭', '✖ Cancel']);
    const card = await tap(h, revision, 'Skip');
    expect(card.plainText).toContain('rollback_deployment(name=api, namespace=prod)');
    expect(card.replyMarkup?.inline_keyboard.flat().length).toBe(2);
    expect(cluster.mutationCount()).toBe(0);
  });

  it("keeps one person's flow to that person in a group: another member's tap is refused, the flow goes on", async () => {
    const { h, cluster } = await start();
    const group = -4200;
    const tools = await h.say('/run', { chatId: group, userId: ALICE });
    const button = tools.replyMarkup!.inline_keyboard[0][0].callback_data!;
    h.emulator.pressButton({ chatId: group, userId: BOB, messageId: tools.messageId, data: button });
    const refused = await h.emulator.waitFor(() => h.emulator.callbackAnswers().find((a) => a.userId === BOB));
    expect(refused.text).toContain('belongs to someone else');
    expect(h.emulator.messages(group).find((m) => m.messageId === tools.messageId)?.replyMarkup?.inline_keyboard.length).toBeGreaterThan(0);

    const before = known(h, group);
    h.emulator.pressButton({ chatId: group, userId: ALICE, messageId: tools.messageId, data: button });
    const namespaces = await nextMessage(h, before, () => true, group);
    expect(namespaces.plainText).toContain('Which namespace?');
    expect(cluster.mutationCount()).toBe(0);
  });

  it('lets other commands through while a flow waits, and a new /run replaces the flow', async () => {
    const { h } = await start();
    const tools = await h.say('/run');
    const status = await h.say('/status');
    expect(status.plainText).toContain('Status');
    const typed = await h.say('/run list_nodes');
    expect(typed.plainText).toMatch(/^Nodes \(3\)/);
    const settled = h.emulator.messages(ALICE).find((m) => m.messageId === tools.messageId);
    expect(settled?.replyMarkup?.inline_keyboard.flat() ?? []).toEqual([]);
  });
});
