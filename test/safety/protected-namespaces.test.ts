import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScopedExecutor } from '../../src/cluster/scoped-executor.js';
import { effectiveRisk } from '../../src/tools/risk.js';
import { chatCompletion, fakeToolCall } from '../support/fake-openai-server.js';
import { expectClusterError, simulatedClusterAt } from '../cluster/helpers.js';
import { settle, startSafetyRig, type SafetyRig } from './core-harness.js';

/**
 * The namespaces the cluster runs on (kube-system, kube-public, kube-node-lease) and the one the bot runs in are
 * protected whatever PROTECTED_NAMESPACES says: reads work there, a change is refused before any card. Here the
 * operator narrowed PROTECTED_NAMESPACES to "payments" alone.
 */
let rig: SafetyRig;
const savedPodNamespace = process.env['POD_NAMESPACE'];

beforeAll(async () => {
  process.env['POD_NAMESPACE'] = 'chatops';
  rig = await startSafetyRig({ PROTECTED_NAMESPACES: 'payments' });
});

afterAll(async () => {
  await rig.stop();
  if (savedPodNamespace === undefined) delete process.env['POD_NAMESPACE'];
  else process.env['POD_NAMESPACE'] = savedPodNamespace;
});

const refusedAsProtected = (namespace: string) => (m: { plainText: string }) =>
  m.plainText.includes('protected namespace') && m.plainText.includes(namespace);

describe('namespaces the cluster itself runs on, with PROTECTED_NAMESPACES narrowed to another one', () => {
  it('refuses a model\'s "restart coredns in kube-system" before any card, and nothing runs', async () => {
    const before = rig.lastMessageId();
    rig.script(chatCompletion({ tool_calls: [fakeToolCall('restart_deployment', { name: 'coredns', namespace: 'kube-system' })] }));
    await rig.ask('restart coredns in kube-system');
    const notice = await rig.h.emulator.waitFor(
      () => rig.h.emulator.messages(1001).find((m) => m.messageId > before && refusedAsProtected('kube-system')(m)),
      15_000,
    );
    expect(notice.plainText).toContain('reads only');
    await settle(500);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('refuses typed /run changes in kube-public, in kube-node-lease by a manifest, and a kube-system Namespace object', async () => {
    const before = rig.lastMessageId();
    await rig.sendAndWait('/run scale_deployment name=coredns replicas=0 namespace=kube-public', refusedAsProtected('kube-public'));
    const intoLease = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sneaky\n  namespace: kube-node-lease\ndata: {}';
    await rig.sendAndWait(`/run apply_manifest\n${intoLease}`, refusedAsProtected('kube-node-lease'));
    await rig.sendAndWait(
      `/run apply_manifest\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system`,
      refusedAsProtected('kube-system'),
    );
    await settle(500);
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });

  it('protects the namespace the bot runs in (POD_NAMESPACE), and still reads kube-system', async () => {
    const before = rig.lastMessageId();
    await rig.sendAndWait('/run restart_deployment name=chatops-bot namespace=chatops', refusedAsProtected('chatops'));
    const pods = await rig.sendAndWait('/run list_pods namespace=kube-system', (m) => m.plainText.includes('coredns-'));
    expect(pods.plainText).toContain('coredns-');
    expect(rig.cardsAfter(before)).toEqual([]);
    expect(rig.cluster.mutationCount()).toBe(0);
  });
});

describe('the scope check and the risk, given an empty protected list', () => {
  const scope = { defaultNamespace: 'kube-system', allowedNamespaces: [], protectedNamespaces: [] };

  it('refuses writes in every namespace the cluster runs on, previews and the default namespace included', async () => {
    const { cluster } = simulatedClusterAt();
    const scoped = createScopedExecutor(cluster, scope);
    await expectClusterError(scoped.restart_deployment({ name: 'coredns' }), 'protected_namespace');
    await expectClusterError(scoped.preview({ name: 'restart_deployment', arguments: { name: 'coredns' } }), 'protected_namespace');
    await expectClusterError(scoped.delete_resource({ kind: 'pod', name: 'x', namespace: 'kube-node-lease' }), 'protected_namespace');
    await expectClusterError(
      scoped.apply_manifest({
        manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: kube-public }\n',
        namespace: 'kube-public',
      }),
      'protected_namespace',
    );
    const own = createScopedExecutor(cluster, { ...scope, defaultNamespace: 'prod', ownNamespace: 'chatops' });
    await expectClusterError(own.scale_deployment({ name: 'bot', replicas: 0, namespace: 'chatops' }), 'protected_namespace');
    expect((await scoped.list_pods({})).some((pod) => pod.name.startsWith('coredns-'))).toBe(true);
    expect(cluster.mutationCount()).toBe(0);
  });

  it('rates a change in kube-public or kube-node-lease critical', () => {
    const options = { protectedNamespaces: [], defaultNamespace: 'default' };
    expect(effectiveRisk({ name: 'restart_deployment', arguments: { name: 'a', namespace: 'kube-public' } }, options)).toBe('critical');
    expect(effectiveRisk({ name: 'restart_deployment', arguments: { name: 'a', namespace: 'kube-node-lease' } }, options)).toBe('critical');
  });
});
