import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterExecutor } from '../../src/cluster/executor.js';
import { createSimulatedCluster } from '../../src/cluster/simulated.js';
import { API_POD } from './fake-cluster-fixture.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';

let cluster: FakeCluster;
beforeEach(async () => {
  cluster = await startFakeCluster();
});
afterEach(async () => {
  await cluster.close();
});

/** The keys of an object (of the first element for a list), sorted: the shape the bot renders. */
function keys(value: unknown): string[] {
  const object: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof object !== 'object' || object === null) throw new Error(`expected an object, got ${typeof object}`);
  return Object.keys(object).sort();
}

type Read = (executor: ClusterExecutor, pod: string) => Promise<unknown>;

const READS: Array<[string, Read]> = [
  ['list_pods', (executor) => executor.list_pods({ namespace: 'prod' })],
  ['get_pod_logs', (executor, pod) => executor.get_pod_logs({ namespace: 'prod', pod })],
  ['list_events', (executor) => executor.list_events({ namespace: 'prod' })],
  ['list_deployments', (executor) => executor.list_deployments({ namespace: 'prod' })],
  ['get_rollout_history', (executor) => executor.get_rollout_history({ namespace: 'prod', name: 'web' })],
  ['list_nodes', (executor) => executor.list_nodes()],
  ['describe_resource', (executor) => executor.describe_resource({ namespace: 'prod', kind: 'deployment', name: 'web' })],
  [
    'describe_resource details',
    async (executor) => (await executor.describe_resource({ namespace: 'prod', kind: 'deployment', name: 'web' })).details,
  ],
];

describe("the Kubernetes executor's results have the simulated cluster's shapes, so the bot renders both alike", () => {
  it.each(READS)('%s', async (_name, read) => {
    const simulated = createSimulatedCluster();
    const simulatedPod = (await simulated.list_pods({ namespace: 'prod' })).find((pod) => pod.reason === null)!.name;
    const real = await read(cluster.executor, API_POD);
    const expected = keys(await read(simulated, simulatedPod));
    // Fields the simulated cluster has that the real one lacks would render as blanks.
    expect(expected.filter((key) => !keys(real).includes(key))).toEqual([]);
  });

  it('write results and previews carry the same fields', async () => {
    const simulated = createSimulatedCluster();
    const call = { name: 'scale_deployment', arguments: { namespace: 'prod', name: 'web', replicas: 3 } } as const;
    expect(keys(await cluster.executor.preview(call))).toEqual(keys(await simulated.preview(call)));
    expect(keys(await cluster.executor.scale_deployment(call.arguments))).toEqual(keys(await simulated.scale_deployment(call.arguments)));
  });
});
