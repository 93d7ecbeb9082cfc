/** A temporary kubeconfig file pointing at a fake API server, loaded by the real KubeConfig loader in the tests. */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface FakeKubeconfig {
  path: string;
  remove(): Promise<void>;
}

export interface FakeKubeconfigOptions {
  /** the server URL (http://127.0.0.1:PORT) */
  server: string;
  token: string;
  /** the current context's name; default "fake-admin" */
  context?: string;
  /** further contexts on the same server, each with its own token */
  extraContexts?: Array<{ name: string; token: string }>;
}

export async function writeFakeKubeconfig(options: FakeKubeconfigOptions): Promise<FakeKubeconfig> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-kubeconfig-'));
  const path = join(dir, 'config');
  const context = options.context ?? 'fake-admin';
  const contexts = [{ name: context, token: options.token }, ...(options.extraContexts ?? [])];
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    // A plain-HTTP server is allowed by the client only with TLS verification off.
    clusters: [{ name: 'fake-cluster', cluster: { server: options.server, 'insecure-skip-tls-verify': true } }],
    users: contexts.map((entry) => ({ name: `${entry.name}-user`, user: { token: entry.token } })),
    contexts: contexts.map((entry) => ({ name: entry.name, context: { cluster: 'fake-cluster', user: `${entry.name}-user` } })),
    'current-context': context,
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
