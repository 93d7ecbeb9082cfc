/** One fake API server with the fixture, a kubeconfig file for it, and the real executor loaded from that file. */

import { createKubernetesExecutor, type KubernetesExecutor, type KubernetesExecutorOptions } from '../../src/cluster/kubernetes.js';
import { FIXTURE_NOW, seedFakeCluster } from './fake-cluster-fixture.js';
import { startFakeKubeApi, type FakeKubeApi } from './fake-kube-api.js';
import { writeFakeKubeconfig, type FakeKubeconfig } from './fake-kubeconfig.js';

export interface FakeCluster {
  fake: FakeKubeApi;
  kubeconfig: FakeKubeconfig;
  executor: KubernetesExecutor;
  close(): Promise<void>;
}

export async function startFakeCluster(options: Omit<KubernetesExecutorOptions, 'kubeconfigPath'> = {}): Promise<FakeCluster> {
  const fake = await startFakeKubeApi({ now: () => FIXTURE_NOW });
  seedFakeCluster(fake);
  const kubeconfig = await writeFakeKubeconfig({ server: fake.url, token: fake.token });
  const executor = createKubernetesExecutor({ kubeconfigPath: kubeconfig.path, now: () => FIXTURE_NOW, ...options });
  return {
    fake,
    kubeconfig,
    executor,
    async close() {
      await fake.close();
      await kubeconfig.remove();
    },
  };
}
