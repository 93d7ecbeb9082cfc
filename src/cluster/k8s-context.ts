/** What every part of the Kubernetes executor works with; built once by createKubernetesExecutor. */

import type { KubeClient, KubeRequest } from './k8s-client.js';
import { kubeCall, type KubeCallContext } from './k8s-errors.js';
import type { LogLimits } from './k8s-logs.js';
import type { JsonObject, JsonValue } from './results.js';

export interface KubeExecutorContext {
  client: KubeClient;
  /** API server URL without credentials, for error messages */
  server: string;
  fieldManager: string;
  logLimits: LogLimits;
  now: () => number;
}

/** A raw request with its failure mapped to a ClusterError. */
export function sendRaw(context: KubeExecutorContext, call: Omit<KubeCallContext, 'server'>, request: KubeRequest): Promise<unknown> {
  return kubeCall({ ...call, server: context.server }, () => context.client.send(request));
}

/** A typed call with its failure mapped to a ClusterError. */
export function typedCall<T>(context: KubeExecutorContext, call: Omit<KubeCallContext, 'server'>, run: () => Promise<T>): Promise<T> {
  return kubeCall({ ...call, server: context.server }, run);
}

/** A typed API object as plain JSON (dates become ISO strings, absent fields vanish). */
export function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

export function toJsonObject(value: unknown): JsonObject {
  const json = toJson(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
}
