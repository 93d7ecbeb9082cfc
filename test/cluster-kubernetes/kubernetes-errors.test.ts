import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKubernetesExecutor } from '../../src/cluster/kubernetes.js';
import { expectClusterError } from '../cluster/helpers.js';
import { startFakeCluster, type FakeCluster } from './fake-cluster.js';
import { writeFakeKubeconfig, type FakeKubeconfig } from './fake-kubeconfig.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeCluster(): Promise<FakeCluster> {
  const cluster = await startFakeCluster();
  cleanups.push(() => cluster.close());
  return cluster;
}

async function kubeconfigFor(
  server: string,
  options: { context?: string; extraContexts?: Array<{ name: string; token: string }> } = {},
): Promise<FakeKubeconfig> {
  const kubeconfig = await writeFakeKubeconfig({ server, token: 'token', ...options });
  cleanups.push(() => kubeconfig.remove());
  return kubeconfig;
}

/** A port nothing listens on: opened, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('errors from the API server become ClusterErrors', () => {
  it('403: names the RBAC verb and resource the bot lacks', async () => {
    const { fake, executor } = await fakeCluster();
    fake.deny({ verb: 'patch', resource: 'deployments/scale', namespace: 'prod' });
    const error = await expectClusterError(executor.scale_deployment({ namespace: 'prod', name: 'web', replicas: 3 }), 'forbidden');
    expect(error.details).toMatchObject({
      verb: 'patch',
      resource: 'deployments/scale',
      group: 'apps',
      namespace: 'prod',
      user: 'system:serviceaccount:chatops:kube-chatops-bot',
      status: '403',
    });
    expect(error.message).toBe(
      'forbidden: the bot\'s Kubernetes identity (system:serviceaccount:chatops:kube-chatops-bot) may not patch deployments/scale (API group "apps") in namespace "prod"; grant RBAC verb "patch" on resource "deployments/scale" in API group "apps"',
    );
    expect(error.details['apiMessage']).toContain('cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"');
  });

  it('403 on a preview: the dry run meets the same RBAC check, so the card can say so before anyone approves', async () => {
    const { fake, executor } = await fakeCluster();
    fake.deny({ verb: 'delete', resource: 'deployments' });
    const error = await expectClusterError(
      executor.preview({ name: 'delete_resource', arguments: { namespace: 'prod', kind: 'deployment', name: 'web' } }),
      'forbidden',
    );
    expect(error.details).toMatchObject({ verb: 'delete', resource: 'deployments', group: 'apps', namespace: 'prod', name: 'web' });
  });

  it('403 on a cluster-scoped list names the cluster scope', async () => {
    const { fake, executor } = await fakeCluster();
    fake.deny({ verb: 'list', resource: 'nodes' });
    const error = await expectClusterError(executor.list_nodes(), 'forbidden');
    expect(error.message).toContain('may not list nodes at the cluster scope');
    expect(error.details['namespace']).toBeUndefined();
  });

  it('404: a missing deployment is not_found with kind, name and namespace', async () => {
    const { executor } = await fakeCluster();
    const error = await expectClusterError(executor.scale_deployment({ namespace: 'prod', name: 'nope', replicas: 1 }), 'not_found');
    expect(error.message).toBe('deployment "nope" not found in namespace "prod"');
    expect(error.details).toMatchObject({
      kind: 'deployment',
      name: 'nope',
      namespace: 'prod',
      apiMessage: 'deployments.apps "nope" not found',
    });
  });

  it('404: applying into a namespace that does not exist names the namespace', async () => {
    const { executor } = await fakeCluster();
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: debug\n';
    const error = await expectClusterError(executor.apply_manifest({ namespace: 'qa', manifest }), 'not_found');
    expect(error.message).toBe('namespace "qa" not found');
  });

  it('404: logs of a previous container that never ran', async () => {
    const { executor } = await fakeCluster();
    const error = await expectClusterError(
      executor.get_pod_logs({ namespace: 'prod', pod: 'web-6b9f5c8d7-x2k4p', previous: true }),
      'not_found',
    );
    expect(error.message).toBe('previous terminated container "web" in pod "web-6b9f5c8d7-x2k4p" not found');
  });

  it('409: an apply conflict with another field manager is a conflict carrying the server message', async () => {
    const { fake, executor } = await fakeCluster();
    const message = 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.LOG_LEVEL';
    fake.failNext({ method: 'PATCH', path: '/api/v1/namespaces/prod/configmaps/web-config' }, { code: 409, reason: 'Conflict', message });
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: debug\n';
    const error = await expectClusterError(executor.apply_manifest({ namespace: 'prod', manifest }), 'conflict');
    expect(error.message).toBe(`conflict: ${message}`);
    expect(error.details).toMatchObject({
      verb: 'patch',
      resource: 'configmaps',
      kind: 'ConfigMap',
      name: 'web-config',
      status: '409',
      reason: 'Conflict',
    });
    expect(fake.writes().filter((request) => request.query['dryRun'] === undefined)).toEqual([]);
  });

  it('422: a manifest the server finds invalid is invalid, naming the field', async () => {
    const { executor } = await fakeCluster();
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: shop}}',
      '    spec: {containers: [{name: web, image: "nginx:1.28"}]}',
    ].join('\n');
    const error = await expectClusterError(executor.apply_manifest({ namespace: 'prod', manifest }), 'invalid');
    expect(error.details).toMatchObject({
      field: 'spec.template.metadata.labels',
      status: '422',
      reason: 'Invalid',
      kind: 'Deployment',
      name: 'web',
    });
    expect(error.message).toContain('Deployment.apps "web" is invalid: spec.template.metadata.labels');
  });

  it('401: credentials the server does not accept (another KUBE_CONTEXT) point at the kubeconfig user', async () => {
    const { fake } = await fakeCluster();
    const kubeconfig = await kubeconfigFor(fake.url, { context: 'admin', extraContexts: [{ name: 'stale', token: 'expired-token' }] });
    const executor = createKubernetesExecutor({ kubeconfigPath: kubeconfig.path, context: 'stale' });
    expect(executor.description).toBe(`Kubernetes context stale at ${fake.url}`);
    const error = await expectClusterError(executor.list_pods({ namespace: 'prod' }), 'forbidden');
    expect(error.details['reason']).toBe('Unauthorized');
  });

  it('a closed port: calls fail as unavailable naming the server, and ping says it cannot reach it', async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    const kubeconfig = await kubeconfigFor(server);
    const executor = createKubernetesExecutor({ kubeconfigPath: kubeconfig.path });
    const error = await expectClusterError(executor.list_pods({ namespace: 'prod' }), 'unavailable');
    expect(error.message).toContain(`the Kubernetes API server cannot be reached (${server})`);
    expect(error.details['reason']).toBe('ECONNREFUSED');
    const ping = await executor.ping();
    expect(ping.ok).toBe(false);
    expect(ping.detail).toContain('ECONNREFUSED');
    await expectClusterError(
      executor.preview({ name: 'scale_deployment', arguments: { namespace: 'prod', name: 'web', replicas: 3 } }),
      'unavailable',
    );
  });

  it('a server that never answers: the request is abandoned at the timeout as unavailable', async () => {
    const hanging: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          hanging.closeAllConnections();
          hanging.close(() => resolve());
        }),
    );
    const kubeconfig = await kubeconfigFor(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`);
    const executor = createKubernetesExecutor({ kubeconfigPath: kubeconfig.path, requestTimeoutMs: 200 });
    const error = await expectClusterError(executor.list_deployments({ namespace: 'prod' }), 'unavailable');
    expect(error.details['reason']).toBe('Timeout');
    // ping has its own, shorter timeout than other calls.
    const pinging = createKubernetesExecutor({ kubeconfigPath: kubeconfig.path, requestTimeoutMs: 60_000, pingTimeoutMs: 200 });
    const ping = await pinging.ping();
    expect(ping.ok).toBe(false);
    expect(ping.detail).toContain('the request timed out');
  });
});

describe('start-up failures name what is wrong', () => {
  it('refuses a kubeconfig that does not exist and a context it does not have', async () => {
    expect(() => createKubernetesExecutor({ kubeconfigPath: '/nonexistent/config' })).toThrow(
      'kubeconfig file not found: /nonexistent/config',
    );
    const kubeconfig = await kubeconfigFor('http://127.0.0.1:1');
    expect(() => createKubernetesExecutor({ kubeconfigPath: kubeconfig.path, context: 'prod-admin' })).toThrow(
      'kubeconfig has no context "prod-admin" (contexts: fake-admin)',
    );
  });
});
