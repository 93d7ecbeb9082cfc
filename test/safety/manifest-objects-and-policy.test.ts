import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScopedExecutor } from '../../src/cluster/scoped-executor.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { approvalIdOf } from '../support/approval-helpers.js';
import { ALICE } from '../support/bot-harness.js';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { expectClusterError } from '../cluster/helpers.js';
import { settle, startSafetyRig, type SafetyRig } from './core-harness.js';

/**
 * apply_manifest shows every object it would apply: the card lists each one (kind, namespace, name) above its
 * buttons and the preview covers all of them. What a manifest may not hold (RBAC, Secrets, privileged pods,
 * the node's files, processes, network or IPC, other cluster-wide kinds) is refused before any card, unless
 * MANIFEST_ALLOW names it.
 */
let rig: SafetyRig;
beforeAll(async () => {
  rig = await startSafetyRig();
});
afterAll(async () => {
  await rig.stop();
});

const configMap = (name: string, data = 'small') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: prod\ndata:\n  value: "${data}"\n`;
const isCard = (m: { replyMarkup?: { inline_keyboard: unknown[] } }) => (m.replyMarkup?.inline_keyboard.length ?? 0) > 0;

describe('every object of a manifest on its card', () => {
  it('lists all twelve objects, with the last one after a first object too big for any cut, and previews each', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `cm-${String(i + 1).padStart(2, '0')}`);
    const manifest = names.map((name, i) => configMap(name, i === 0 ? 'x'.repeat(3000) : 'small')).join('---\n');
    const before = rig.lastMessageId();
    await rig.sendAndWait(`/run apply_manifest\n${manifest}`, isCard);
    const parts = rig.h.emulator.messages(ALICE).filter((m) => m.messageId > before);
    const card = parts.map((m) => m.plainText).join('\n');
    for (const name of names) {
      expect(card, name).toContain(`• ConfigMap ${name} (v1) in prod`);
      expect(card, name).toContain(`--- live/configmap/prod/${name}`);
    }
    expect(card).toContain('Objects (12)');
    // The list sits with the buttons: on the message that carries them.
    const withButtons = parts.find(isCard);
    expect(withButtons?.plainText).toContain('• ConfigMap cm-12 (v1) in prod');
    const record = await rig.h.app.approvals.store.get(approvalIdOf(withButtons!));
    expect(record?.objects).toHaveLength(12);
    expect(record?.objects?.[11]).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', name: 'cm-12', namespace: 'prod' });
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('keeps every field of the manifest in the simulated preview', async () => {
    const cluster = createSimulatedCluster();
    const pod = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: debug, namespace: prod, annotations: { owner: mallory } }',
      'spec:',
      '  serviceAccountName: admin',
      '  nodeSelector: { disk: ssd }',
      '  volumes: [{ name: data, emptyDir: {} }]',
      '  initContainers: [{ name: setup, image: busybox }]',
      '  containers: [{ name: sh, image: busybox, command: [sleep, "3600"] }]',
    ].join('\n');
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: quiet, namespace: prod }',
      'spec:',
      '  selector: { matchLabels: { app: quiet } }',
      '  template:',
      '    metadata: { labels: { app: quiet }, name: odd-template-name }',
      '    spec: { priorityClassName: high, containers: [{ name: c, image: nginx }] }',
      'extraField: { kept: value-7 }',
    ].join('\n');
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: fresh, annotations: { contact: bob } }';
    const preview = await cluster.preview({
      name: 'apply_manifest',
      arguments: { manifest: [pod, deployment, namespace].join('\n---\n') },
    });
    for (const field of [
      'owner: mallory',
      'serviceAccountName: admin',
      'disk: ssd',
      'emptyDir: {}',
      'name: setup',
      'name: odd-template-name',
      'priorityClassName: high',
      'kept: value-7',
      'contact: bob',
    ]) {
      expect(preview.diff, field).toContain(field);
    }
    expect(cluster.mutationCount()).toBe(0);
  });
});

describe('the manifest policy, before any card', () => {
  const cases: [string, string, string][] = [
    [
      'a ClusterRoleBinding',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: make-me-admin\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }\nsubjects: [{ kind: ServiceAccount, name: default, namespace: prod }]',
      'RBAC objects',
    ],
    [
      'a Secret',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: prod\nstringData: { token: abc }',
      'Secrets are not applied',
    ],
    [
      'a privileged Deployment',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: miner, namespace: prod }\nspec:\n  selector: { matchLabels: { app: m } }\n  template:\n    metadata: { labels: { app: m } }\n    spec: { containers: [{ name: m, image: busybox, securityContext: { privileged: true } }] }',
      'privileged containers',
    ],
    [
      'a CronJob mounting the node',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: backup, namespace: prod }\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{ name: b, image: busybox }]\n          volumes: [{ name: root, hostPath: { path: / } }]',
      'hostPath volumes',
    ],
    [
      'a Pod with hostPID',
      'apiVersion: v1\nkind: Pod\nmetadata: { name: peek, namespace: prod }\nspec: { hostPID: true, containers: [{ name: p, image: busybox }] }',
      'hostPID',
    ],
    [
      'a DaemonSet with hostNetwork',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: sniff, namespace: prod }\nspec:\n  selector: { matchLabels: { app: s } }\n  template:\n    metadata: { labels: { app: s } }\n    spec: { hostNetwork: true, containers: [{ name: s, image: busybox }] }',
      'hostNetwork',
    ],
  ];

  it.each(cases)('refuses %s, naming the object and the rule, and posts no card', async (_what, manifest, rule) => {
    const before = rig.lastMessageId();
    const name = /name: ([a-z-]+)/.exec(manifest)?.[1] ?? '';
    const reply = await rig.sendAndWait(`/run apply_manifest\n${manifest}`, (m) =>
      m.plainText.includes('Refused before any approval card'),
    );
    expect(reply.plainText).toContain(name);
    expect(reply.plainText).toContain(rule);
    await settle(300);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('tells a zh-TW user in Chinese', async () => {
    const before = rig.lastMessageId();
    rig.h.emulator.sendUserMessage({
      chatId: ALICE,
      userId: ALICE,
      text: `/run apply_manifest\n${cases[1][1]}`,
      languageCode: 'zh-hant',
    });
    const reply = await rig.h.emulator.waitFor(
      () => rig.h.emulator.messages(ALICE).find((m) => m.messageId > before && m.plainText.includes('已在建立核准卡片前拒絕')),
      15_000,
    );
    expect(reply.plainText).toContain('creds');
    expect(reply.plainText).toContain('Secret');
  });

  it("refuses a model's manifest too, before any card", async () => {
    const before = rig.lastMessageId();
    rig.script(chatCompletion({ tool_calls: [fakeToolCall('apply_manifest', { manifest: cases[0][1] })] }));
    await rig.ask('give the default service account in prod admin rights');
    await rig.h.emulator.waitFor(
      () => rig.h.emulator.messages(ALICE).find((m) => m.messageId > before && m.plainText.includes('Refused before any approval card')),
      15_000,
    );
    await settle(300);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('lets through what MANIFEST_ALLOW names, and only that', async () => {
    const cluster = createSimulatedCluster();
    const scope = { defaultNamespace: 'prod', allowedNamespaces: [], protectedNamespaces: [] };
    const secret = { manifest: cases[1][1] };
    await expectClusterError(
      createScopedExecutor(cluster, scope).preview({ name: 'apply_manifest', arguments: secret }),
      'refused_by_policy',
    );
    const allowing = createScopedExecutor(cluster, { ...scope, manifestPolicy: { allow: ['secrets'] } });
    expect((await allowing.preview({ name: 'apply_manifest', arguments: secret })).action).toBe('apply');
    await expectClusterError(allowing.preview({ name: 'apply_manifest', arguments: { manifest: cases[4][1] } }), 'refused_by_policy');
  });
});
