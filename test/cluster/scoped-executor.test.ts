import { describe, expect, it } from 'vitest';
import { createClusterExecutor } from '../../src/cluster/create-cluster-executor.js';
import { DEFAULT_PROTECTED_NAMESPACES, type NamespaceScope } from '../../src/cluster/namespace-scope.js';
import { createScopedExecutor } from '../../src/cluster/scoped-executor.js';
import { createFakeRecordingExecutor } from './fake-recording-executor.js';
import { expectClusterError, simulatedClusterAt, START } from './helpers.js';

const openScope: NamespaceScope = { defaultNamespace: 'prod', allowedNamespaces: [], protectedNamespaces: DEFAULT_PROTECTED_NAMESPACES };
const limitedScope: NamespaceScope = { ...openScope, allowedNamespaces: ['prod', 'staging'] };

function scopedSimulated(scope = openScope) {
  const { cluster } = simulatedClusterAt();
  return { inner: cluster, scoped: createScopedExecutor(cluster, scope) };
}

describe('the scoped executor', () => {
  it('fills the default namespace into reads and writes before the backend sees them', async () => {
    const { inner, scoped } = scopedSimulated();
    const pods = await scoped.list_pods({});
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every((pod) => pod.namespace === 'prod')).toBe(true);
    await scoped.scale_deployment({ name: 'web', replicas: 3 });
    expect(inner.calls().map((call) => call.arguments)).toEqual([{ namespace: 'prod' }, { name: 'web', replicas: 3, namespace: 'prod' }]);
  });

  it('keeps a namespace the call names', async () => {
    const { scoped } = scopedSimulated();
    const pods = await scoped.list_pods({ namespace: 'staging' });
    expect(pods.every((pod) => pod.namespace === 'staging')).toBe(true);
  });

  it('refuses reads and writes outside ALLOWED_NAMESPACES without calling the backend', async () => {
    const { inner, scoped } = scopedSimulated(limitedScope);
    const read = await expectClusterError(scoped.list_pods({ namespace: 'monitoring' }), 'out_of_scope');
    expect(read.details).toMatchObject({ namespace: 'monitoring', verb: 'read', tool: 'list_pods', allowed: 'prod,staging' });
    await expectClusterError(scoped.get_pod_logs({ namespace: 'monitoring', pod: 'x' }), 'out_of_scope');
    const write = await expectClusterError(
      scoped.delete_resource({ kind: 'deployment', name: 'grafana', namespace: 'monitoring' }),
      'out_of_scope',
    );
    expect(write.details).toMatchObject({ verb: 'write', kind: 'deployment', name: 'grafana' });
    await expectClusterError(
      scoped.preview({ name: 'restart_deployment', arguments: { name: 'grafana', namespace: 'monitoring' } }),
      'out_of_scope',
    );
    expect(inner.calls()).toEqual([]);
  });

  it('refuses writes in a protected namespace, previews included, and allows reads there', async () => {
    const { inner, scoped } = scopedSimulated();
    const error = await expectClusterError(
      scoped.scale_deployment({ name: 'coredns', namespace: 'kube-system', replicas: 0 }),
      'protected_namespace',
    );
    expect(error.details).toMatchObject({ namespace: 'kube-system', verb: 'write', tool: 'scale_deployment' });
    await expectClusterError(
      scoped.preview({ name: 'restart_deployment', arguments: { name: 'coredns', namespace: 'kube-system' } }),
      'protected_namespace',
    );
    await expectClusterError(scoped.delete_resource({ kind: 'pod', name: 'x', namespace: 'kube-public' }), 'protected_namespace');
    expect(inner.mutationCount()).toBe(0);

    const pods = await scoped.list_pods({ namespace: 'kube-system' });
    expect(pods.some((pod) => pod.name.startsWith('coredns-'))).toBe(true);
    expect((await scoped.describe_resource({ kind: 'deployment', name: 'coredns', namespace: 'kube-system' })).name).toBe('coredns');
  });

  it('keeps a protected namespace read-only even when it is allowed', async () => {
    const { scoped } = scopedSimulated({ ...openScope, allowedNamespaces: ['prod', 'kube-system'] });
    expect(await scoped.list_deployments({ namespace: 'kube-system' })).toHaveLength(2);
    await expectClusterError(scoped.restart_deployment({ name: 'coredns', namespace: 'kube-system' }), 'protected_namespace');
  });

  it('checks the namespace of every object in a manifest, not just the argument', async () => {
    const { inner, scoped } = scopedSimulated();
    const intoKubeSystem = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: sneaky, namespace: kube-system }\ndata: {}\n';
    await expectClusterError(scoped.apply_manifest({ manifest: intoKubeSystem }), 'protected_namespace');
    await expectClusterError(scoped.preview({ name: 'apply_manifest', arguments: { manifest: intoKubeSystem } }), 'protected_namespace');
    const namespaceObject = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: kube-system }\n';
    await expectClusterError(scoped.apply_manifest({ manifest: namespaceObject }), 'protected_namespace');
    const mismatch = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x, namespace: staging }\n';
    const error = await expectClusterError(scoped.apply_manifest({ manifest: mismatch, namespace: 'prod' }), 'invalid');
    expect(error.details).toMatchObject({ field: 'metadata.namespace', value: 'staging', namespace: 'prod' });
    await expectClusterError(scoped.apply_manifest({ manifest: 'not: [valid' }), 'invalid');
    expect(inner.calls()).toEqual([]);

    const ownNamespace = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: fine, namespace: staging }\ndata: {}\n';
    expect((await scoped.apply_manifest({ manifest: ownNamespace })).namespace).toBe('staging');
  });

  it('refuses cluster-scoped writes under an allow-list, but not cluster-scoped reads', async () => {
    const { inner, scoped } = scopedSimulated(limitedScope);
    const node = await expectClusterError(scoped.delete_resource({ kind: 'node', name: 'sim-node-3' }), 'out_of_scope');
    expect(node.details).toMatchObject({ resource: 'cluster-scoped', kind: 'node', name: 'sim-node-3' });
    const clusterRole = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: admin-for-all }\n';
    await expectClusterError(scoped.apply_manifest({ manifest: clusterRole, namespace: 'prod' }), 'out_of_scope');
    expect(inner.mutationCount()).toBe(0);
    expect((await scoped.describe_resource({ kind: 'node', name: 'sim-node-3', namespace: 'monitoring' })).name).toBe('sim-node-3');
    expect(await scoped.list_nodes()).toHaveLength(3);
  });

  it('allows cluster-scoped writes when every namespace is allowed', async () => {
    const { scoped } = scopedSimulated();
    await scoped.delete_resource({ kind: 'node', name: 'sim-node-3' });
    expect((await scoped.list_nodes()).map((node) => node.name)).toEqual(['sim-node-1', 'sim-node-2']);
  });

  it('refuses a namespace that is not a valid name', async () => {
    const { scoped } = scopedSimulated();
    await expectClusterError(scoped.list_events({ namespace: 'Prod;rm -rf' }), 'invalid');
  });

  it('lists only namespaces in scope and passes ping, backend and description through', async () => {
    const { scoped } = scopedSimulated(limitedScope);
    expect(await scoped.listNamespaces()).toEqual(['prod', 'staging']);
    expect(scoped.backend).toBe('simulated');
    expect(scoped.description).toBe('simulated cluster (no real Kubernetes)');
    expect((await scoped.ping()).ok).toBe(true);
  });

  it('works the same in front of any backend', async () => {
    const { executor, received } = createFakeRecordingExecutor();
    const scoped = createScopedExecutor(executor, limitedScope);
    await scoped.list_events({ involved_object: 'api' });
    await scoped.rollback_deployment({ name: 'api', revision: 2 });
    await scoped.describe_resource({ kind: 'node', name: 'n1', namespace: 'ignored' });
    await scoped.preview({ name: 'scale_deployment', arguments: { name: 'web', replicas: 2, namespace: 'staging' } });
    await expectClusterError(scoped.list_pods({ namespace: 'kube-system' }), 'out_of_scope');
    await expectClusterError(
      scoped.apply_manifest({ manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: monitoring }\n' }),
      'out_of_scope',
    );
    expect(received).toEqual([
      { method: 'list_events', arguments: { involved_object: 'api', namespace: 'prod' } },
      { method: 'rollback_deployment', arguments: { name: 'api', revision: 2, namespace: 'prod' } },
      { method: 'describe_resource', arguments: { kind: 'node', name: 'n1' } },
      { method: 'preview', arguments: { name: 'scale_deployment', arguments: { name: 'web', replicas: 2, namespace: 'staging' } } },
    ]);
    expect(scoped.backend).toBe('kubernetes');
  });

  it('refuses to start with an invalid default namespace', () => {
    const { executor } = createFakeRecordingExecutor();
    expect(() => createScopedExecutor(executor, { ...openScope, defaultNamespace: 'Not Valid' })).toThrow(/default namespace/);
  });
});

describe('createClusterExecutor', () => {
  it('selects the simulated cluster for CLUSTER_BACKEND=simulated, behind the scope wrapper', async () => {
    const executor = createClusterExecutor({ backend: 'simulated', scope: limitedScope, simulated: { now: () => START } });
    expect(executor.backend).toBe('simulated');
    expect(await executor.listNamespaces()).toEqual(['prod', 'staging']);
    await expectClusterError(executor.scale_deployment({ name: 'coredns', namespace: 'kube-system', replicas: 1 }), 'out_of_scope');
  });

  it('uses the Kubernetes executor it is given, and says clearly when there is none', async () => {
    const { executor: fake, received } = createFakeRecordingExecutor();
    const executor = createClusterExecutor({ backend: 'kubernetes', scope: openScope, createKubernetesExecutor: () => fake });
    await executor.list_pods({});
    expect(received).toEqual([{ method: 'list_pods', arguments: { namespace: 'prod' } }]);
    expect(() => createClusterExecutor({ backend: 'kubernetes', scope: openScope })).toThrow(/CLUSTER_BACKEND=simulated/);
  });
});
