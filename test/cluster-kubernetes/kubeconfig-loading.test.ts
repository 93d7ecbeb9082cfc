import { afterEach, describe, expect, it } from 'vitest';
import { createKubernetesExecutor } from '../../src/cluster/kubernetes.js';
import { FIXTURE_NOW, seedFakeCluster } from './fake-cluster-fixture.js';
import { startFakeKubeApi, type FakeKubeApi } from './fake-kube-api.js';
import { writeFakeKubeconfig } from './fake-kubeconfig.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeApi(): Promise<FakeKubeApi> {
  const fake = await startFakeKubeApi({ now: () => FIXTURE_NOW });
  seedFakeCluster(fake);
  cleanups.push(() => fake.close());
  return fake;
}

async function kubeconfig(options: Parameters<typeof writeFakeKubeconfig>[0]): Promise<string> {
  const written = await writeFakeKubeconfig(options);
  cleanups.push(() => written.remove());
  return written.path;
}

describe('loading the kubeconfig as kubectl does', () => {
  it("merges the files KUBECONFIG lists: the first file's current context and names win", async () => {
    const fake = await fakeApi();
    const first = await kubeconfig({ server: fake.url, token: fake.token });
    // The second file reuses the names "fake-cluster" and "fake-admin" for another server; kubectl keeps the first.
    const second = await kubeconfig({
      server: 'http://127.0.0.1:1',
      token: 'other',
      extraContexts: [{ name: 'backup', token: fake.token }],
    });

    const merged = createKubernetesExecutor({ kubeconfigPath: `${first}:${second}` });
    expect(merged.description).toBe(`Kubernetes context fake-admin at ${fake.url}`);
    expect((await merged.list_deployments({ namespace: 'prod' })).map((deployment) => deployment.name)).toEqual(['api', 'web']);

    const backup = createKubernetesExecutor({ kubeconfigPath: `${first}:${second}`, context: 'backup' });
    expect(backup.description).toBe(`Kubernetes context backup at ${fake.url}`);
    expect((await backup.listNamespaces()).length).toBe(4);
  });
});
