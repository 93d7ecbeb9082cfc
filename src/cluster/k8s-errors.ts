/**
 * Turns what the Kubernetes API server (or the network) answered into a ClusterError whose `details` carry
 * plain strings (verb, resource, group, namespace, name, the server's message) for a localized message.
 */

import { ApiException } from '@kubernetes/client-node';
import { z } from 'zod';
import { ClusterError, isClusterError, type ClusterErrorCode } from './cluster-error.js';

/** What the executor was doing, in RBAC terms, when the call failed. */
export interface KubeCallContext {
  /** RBAC verb: get, list, patch, delete, ... */
  verb: string;
  /** plural resource, with a subresource where there is one: "deployments/scale", "pods/log" */
  resource: string;
  /** API group; "" for the core group */
  group: string;
  namespace?: string;
  name?: string;
  /** catalog kind ("deployment") or manifest kind ("Ingress"), for messages */
  kind?: string;
  /** the API server, for network errors */
  server?: string;
}

const statusSchema = z.object({
  kind: z.string().optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
  details: z
    .object({
      name: z.string().optional(),
      group: z.string().optional(),
      kind: z.string().optional(),
      causes: z.array(z.object({ reason: z.string().optional(), message: z.string().optional(), field: z.string().optional() })).optional(),
    })
    .optional(),
});
export type KubeStatus = z.infer<typeof statusSchema>;

/** The Status object of an error response (the client hands it over as JSON text). */
export function parseKubeStatus(body: unknown): KubeStatus | null {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = statusSchema.safeParse(value);
  return parsed.success && parsed.data.kind === 'Status' ? parsed.data : null;
}

export interface ForbiddenSubject {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
}

// deployments.apps "web" is forbidden: User "system:serviceaccount:ops:bot" cannot patch resource
// "deployments/scale" in API group "apps" in the namespace "prod"   (or: ... at the cluster scope)
const FORBIDDEN_MESSAGE = /User "([^"]*)" cannot ([A-Za-z]+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/;

export function parseForbiddenMessage(message: string): ForbiddenSubject | null {
  const match = FORBIDDEN_MESSAGE.exec(message);
  if (!match) return null;
  const [, user = '', verb = '', resource = '', group = '', namespace] = match;
  return { user, verb, resource, group, ...(namespace === undefined ? {} : { namespace }) };
}

function resourceLabel(resource: string, group: string): string {
  return group === '' ? resource : `${resource} (API group "${group}")`;
}

function where(namespace: string | undefined): string {
  return namespace === undefined ? 'at the cluster scope' : `in namespace "${namespace}"`;
}

function contextDetails(context: KubeCallContext): Record<string, string> {
  const details: Record<string, string> = { verb: context.verb, resource: context.resource, group: context.group };
  if (context.namespace !== undefined) details['namespace'] = context.namespace;
  if (context.name !== undefined) details['name'] = context.name;
  if (context.kind !== undefined) details['kind'] = context.kind;
  return details;
}

function forbidden(status: KubeStatus | null, httpCode: number, context: KubeCallContext): ClusterError {
  const apiMessage = status?.message ?? '';
  if (httpCode === 401) {
    return new ClusterError(
      'forbidden',
      "the Kubernetes API server did not accept the bot's credentials (401 Unauthorized); " +
        'check the kubeconfig user or the service account token',
      { ...contextDetails(context), status: '401', reason: 'Unauthorized', apiMessage },
    );
  }
  const subject = parseForbiddenMessage(apiMessage);
  const verb = subject?.verb ?? context.verb;
  const resource = subject?.resource ?? context.resource;
  const group = subject?.group ?? context.group;
  const namespace = subject ? subject.namespace : context.namespace;
  const who = subject?.user ? ` (${subject.user})` : '';
  const message =
    `forbidden: the bot's Kubernetes identity${who} may not ${verb} ${resourceLabel(resource, group)} ${where(namespace)}; ` +
    `grant RBAC verb "${verb}" on resource "${resource}"${group === '' ? '' : ` in API group "${group}"`}`;
  return new ClusterError('forbidden', message, {
    ...contextDetails(context),
    verb,
    resource,
    group,
    ...(namespace === undefined ? {} : { namespace }),
    ...(subject?.user ? { user: subject.user } : {}),
    status: String(httpCode),
    reason: status?.reason ?? 'Forbidden',
    apiMessage,
  });
}

function notFound(status: KubeStatus | null, context: KubeCallContext): ClusterError {
  const base = { ...contextDetails(context), status: '404', reason: status?.reason ?? 'NotFound', apiMessage: status?.message ?? '' };
  // Creating an object in a namespace that does not exist: the namespace is what is missing.
  if (status?.details?.kind === 'namespaces' && status.details.name !== undefined && context.kind !== 'namespace') {
    const namespace = status.details.name;
    return new ClusterError('not_found', `namespace "${namespace}" not found`, { ...base, kind: 'namespace', name: namespace, namespace });
  }
  const kind = context.kind ?? status?.details?.kind ?? context.resource;
  const name = context.name ?? status?.details?.name;
  const what = name === undefined ? kind : `${kind} "${name}"`;
  const message = `${what} not found${context.namespace === undefined ? '' : ` in namespace "${context.namespace}"`}`;
  return new ClusterError('not_found', message, { ...base, kind });
}

function fromStatus(
  code: ClusterErrorCode,
  httpCode: number,
  status: KubeStatus | null,
  context: KubeCallContext,
  prefix: string,
): ClusterError {
  const apiMessage = status?.message ?? `HTTP ${httpCode}`;
  const cause = status?.details?.causes?.[0];
  return new ClusterError(code, `${prefix}: ${apiMessage}`, {
    ...contextDetails(context),
    status: String(httpCode),
    reason: status?.reason ?? '',
    apiMessage,
    ...(cause?.field ? { field: cause.field } : {}),
  });
}

/** Errors of the HTTP layer: refused connection, DNS, TLS, timeout. */
function networkError(error: Error, context: KubeCallContext): ClusterError {
  const code = (error as Error & { code?: unknown }).code;
  const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
  const cause = timedOut ? 'the request timed out' : typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  const server = context.server ?? 'the API server';
  return new ClusterError('unavailable', `the Kubernetes API server cannot be reached (${server}): ${cause}`, {
    ...contextDetails(context),
    ...(context.server === undefined ? {} : { server: context.server }),
    reason: timedOut ? 'Timeout' : typeof code === 'string' ? code : 'NetworkError',
    apiMessage: cause,
  });
}

export function toClusterError(error: unknown, context: KubeCallContext): ClusterError {
  if (isClusterError(error)) return error;
  if (error instanceof ApiException) {
    const httpCode = error.code;
    const status = parseKubeStatus(error.body);
    if (httpCode === 401 || httpCode === 403) return forbidden(status, httpCode, context);
    if (httpCode === 404) return notFound(status, context);
    if (httpCode === 409 || httpCode === 410) return fromStatus('conflict', httpCode, status, context, 'conflict');
    if (httpCode === 400 || httpCode === 422) return fromStatus('invalid', httpCode, status, context, 'rejected by the API server');
    return fromStatus('unavailable', httpCode, status, context, 'the Kubernetes API server failed');
  }
  if (error instanceof Error) return networkError(error, context);
  return new ClusterError('unavailable', `the Kubernetes API call failed: ${String(error)}`, contextDetails(context));
}

/** The code and details a localized message is built from, for any error a cluster call can throw. */
export function describeClusterError(error: unknown): { code: ClusterErrorCode; details: Record<string, string> } {
  if (isClusterError(error)) return { code: error.code, details: { ...error.details } };
  return { code: 'unavailable', details: { apiMessage: error instanceof Error ? error.message : String(error) } };
}

/** Runs one API call and maps its failure. */
export async function kubeCall<T>(context: KubeCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toClusterError(error, context);
  }
}
