/**
 * The Kubernetes API clients the executor uses, all built from one KubeConfig (its auth, TLS and server):
 * the typed CoreV1/AppsV1/Version APIs for reads, and `send` for raw JSON requests. Writes and
 * kind-generic reads go raw because the typed models drop fields the client does not know, and a rollback
 * or an apply diff must see an object exactly as the server sent it.
 */

import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  createConfiguration,
  HttpMethod,
  Observable,
  ServerConfiguration,
  VersionApi,
  type Configuration,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import { ClusterError } from './cluster-error.js';

/** One raw request, described the way kubectl's would be (for the exact-request tests and the request builders). */
export interface KubeRequest {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST';
  path: string;
  query?: Record<string, string>;
  contentType?: string;
  body?: unknown;
}

export interface KubeClient {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly version: VersionApi;
  /** Sends a raw request; resolves to the parsed JSON body, rejects with the client's ApiException or a network error. */
  send(request: KubeRequest, timeoutMs?: number): Promise<unknown>;
  /** Per-call options for a typed call with another timeout than the default. */
  withTimeout(timeoutMs: number): ConfigurationOptions;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

const HTTP_METHODS: Record<KubeRequest['method'], HttpMethod> = {
  GET: HttpMethod.GET,
  PATCH: HttpMethod.PATCH,
  DELETE: HttpMethod.DELETE,
  POST: HttpMethod.POST,
};

/** Aborts a request that takes longer than `timeoutMs` (the client has no timeout of its own). */
function timeoutMiddleware(timeoutMs: number): ObservableMiddleware {
  return {
    pre(context) {
      context.setSignal(AbortSignal.timeout(timeoutMs));
      return new Observable(Promise.resolve(context));
    },
    post(response) {
      return new Observable(Promise.resolve(response));
    },
  };
}

function buildConfiguration(kubeConfig: KubeConfig, timeoutMs: number): Configuration {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  // What KubeConfig.makeApiClient builds, plus the timeout middleware.
  return createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: kubeConfig },
    middleware: [timeoutMiddleware(timeoutMs)],
  });
}

export function createKubeClient(kubeConfig: KubeConfig, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): KubeClient {
  const configuration = buildConfiguration(kubeConfig, timeoutMs);

  async function send(request: KubeRequest, requestTimeoutMs = timeoutMs): Promise<unknown> {
    const context = configuration.baseServer.makeRequestContext(request.path, HTTP_METHODS[request.method]);
    context.setHeaderParam('Accept', 'application/json');
    for (const [key, value] of Object.entries(request.query ?? {})) context.setQueryParam(key, value);
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      context.setBody(JSON.stringify(request.body));
    }
    context.setSignal(AbortSignal.timeout(requestTimeoutMs));
    await kubeConfig.applySecurityAuthentication(context);
    const response = await configuration.httpApi.send(context).toPromise();
    const text = await response.body.text();
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      // The same error type the typed APIs throw, so one mapping handles both.
      throw new ApiException(response.httpStatusCode, 'Unsuccessful HTTP Request', text, response.headers);
    }
    if (text === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ClusterError(
        'unavailable',
        `the Kubernetes API answered ${request.method} ${request.path} with something other than JSON`,
        {
          reason: 'UnexpectedResponse',
          status: String(response.httpStatusCode),
        },
      );
    }
  }

  return {
    core: new CoreV1Api(configuration),
    apps: new AppsV1Api(configuration),
    version: new VersionApi(configuration),
    send,
    withTimeout: (ms) => ({ middleware: [timeoutMiddleware(ms)], middlewareMergeStrategy: 'append' }),
  };
}
