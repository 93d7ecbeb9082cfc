/**
 * A fake Kubernetes API server for tests: plain HTTP on 127.0.0.1, objects in memory, every request recorded
 * (method, path, query, content type, body). It answers the way the real API server does for what the bot
 * uses: lists with label and field selectors, the scale subresource, pod logs with tailLines/limitBytes,
 * merge / strategic merge / JSON / apply patches, dryRun=All (nothing stored), bearer-token authentication,
 * RBAC refusals and Status objects for 401, 403, 404, 409 and 422.
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { forbiddenStatus, statusBody, type FakeStatus, type JsonMap } from './fake-kube-api-resources.js';
import { createFakeKubeStore, rbacVerb, StatusError, type FakePodLogs, type FakeRoute } from './fake-kube-api-store.js';

export type { Json, JsonMap, FakeStatus } from './fake-kube-api-resources.js';
export type { FakePodLogs } from './fake-kube-api-store.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  /** parsed JSON (or YAML for apply patches); the raw text when it does not parse; null without a body */
  body: unknown;
  /** whether the request carried the expected bearer token */
  authenticated: boolean;
}

export interface FakeKubeApi {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly token: string;
  /** the identity RBAC messages name */
  readonly user: string;
  requests(): RecordedRequest[];
  /** Requests other than GET: what changed or tried to change the cluster. */
  writes(): RecordedRequest[];
  clearRequests(): void;
  /** Stores an object as is (adding uid, resourceVersion and creationTimestamp when missing). */
  put(object: JsonMap): JsonMap;
  get(kind: string, name: string, namespace?: string): JsonMap | undefined;
  setLogs(namespace: string, pod: string, container: string, logs: FakePodLogs): void;
  /** RBAC: refuse this verb on this resource ("deployments/scale"), in one namespace or everywhere. */
  deny(rule: DenyRule): void;
  /** Answer the next request with this method and path with the Status (once). */
  failNext(match: { method: string; path: string }, status: FakeStatus): void;
  close(): Promise<void>;
}

export interface FakeKubeApiOptions {
  token?: string;
  user?: string;
  now?: () => number;
}

interface DenyRule {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      return parseYaml(text) as unknown;
    } catch {
      return text;
    }
  }
}

function send(response: ServerResponse, status: number, body: JsonMap | string): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
  response.end(text);
}

export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  const token = options.token ?? `fake-token-${randomUUID()}`;
  const user = options.user ?? 'system:serviceaccount:chatops:kube-chatops-bot';
  const store = createFakeKubeStore(options.now ?? Date.now);
  const recorded: RecordedRequest[] = [];
  const denied: DenyRule[] = [];
  const faults: Array<{ method: string; path: string; status: FakeStatus }> = [];

  /** The RBAC check the API server makes before anything else. */
  function authorize(method: string, route: FakeRoute): void {
    const verb = rbacVerb(method, route);
    const resource = route.subresource === undefined ? route.resource.plural : `${route.resource.plural}/${route.subresource}`;
    const refused = denied.some(
      (rule) =>
        rule.verb === verb &&
        rule.resource === resource &&
        (rule.group === undefined || rule.group === route.resource.group) &&
        (rule.namespace === undefined || rule.namespace === route.namespace),
    );
    if (!refused) return;
    throw new StatusError(
      forbiddenStatus({
        user,
        verb,
        resource,
        group: route.resource.group,
        ...(route.namespace === undefined ? {} : { namespace: route.namespace }),
        ...(route.name === undefined ? {} : { name: route.name }),
      }),
    );
  }

  async function onRequest(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://fake.invalid');
    const method = incoming.method ?? 'GET';
    const contentType = incoming.headers['content-type']?.split(';')[0]?.trim() ?? null;
    const query = Object.fromEntries(url.searchParams);
    const body = parseBody(text);
    const authenticated = incoming.headers.authorization === `Bearer ${token}`;
    recorded.push({ method, path: url.pathname, query, contentType: text === '' ? null : contentType, body, authenticated });

    if (!authenticated) return send(response, 401, statusBody({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' }));
    const fault = faults.findIndex((entry) => entry.method === method && entry.path === url.pathname);
    if (fault !== -1) {
      const [entry] = faults.splice(fault, 1);
      return send(response, entry.status.code, statusBody(entry.status));
    }
    try {
      const result = store.handle(method, url.pathname, { contentType, body, query }, authorize);
      send(response, result.status, result.body);
    } catch (error) {
      if (error instanceof StatusError) return send(response, error.status.code, statusBody(error.status));
      send(
        response,
        500,
        statusBody({ code: 500, reason: 'InternalError', message: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  const server = createServer((incoming, response) => {
    void onRequest(incoming, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    user,
    requests: () => recorded.map((entry) => structuredClone(entry)),
    writes: () => recorded.filter((entry) => entry.method !== 'GET').map((entry) => structuredClone(entry)),
    clearRequests: () => {
      recorded.length = 0;
    },
    put: (object) => store.put(object),
    get: (kind, name, namespace) => store.get(kind, name, namespace),
    setLogs: (namespace, pod, container, logs) => store.setLogs(namespace, pod, container, logs),
    deny(rule) {
      denied.push(rule);
    },
    failNext(match, status) {
      faults.push({ ...match, status });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
