/**
 * The write requests, built the way kubectl builds them, so a change made through the bot is the change an
 * operator would have made by hand. Pure: each returns the request (method, path, query, content type, body).
 */

import { PatchStrategy } from '@kubernetes/client-node';
import type { KubeRequest } from './k8s-client.js';
import { resourcePath, type KubeResourceType } from './k8s-resource-paths.js';
import type { JsonObject, JsonValue } from './results.js';

export interface WriteOptions {
  /** Recorded in managedFields, so the audit shows the bot made the change. */
  fieldManager: string;
  /** Server-side dry run (dryRun=All): everything is checked, nothing is stored. */
  dryRun: boolean;
}

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

function writeQuery(options: WriteOptions, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(options.dryRun ? { dryRun: 'All' } : {}), fieldManager: options.fieldManager, ...extra };
}

const deploymentPath = (namespace: string, name: string, subresource?: string) =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/deployments/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;

/** RFC 3339 in seconds, as kubectl writes the restart time. */
export function rfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `kubectl scale deployment/NAME --replicas=N`: a merge patch of the scale subresource. */
export function scaleDeploymentRequest(namespace: string, name: string, replicas: number, options: WriteOptions): KubeRequest {
  return {
    method: 'PATCH',
    path: deploymentPath(namespace, name, 'scale'),
    query: writeQuery(options),
    contentType: PatchStrategy.MergePatch,
    body: { spec: { replicas } },
  };
}

/** `kubectl rollout restart deployment/NAME`: a strategic merge patch of the pod template's restartedAt annotation. */
export function restartDeploymentRequest(namespace: string, name: string, restartedAt: string, options: WriteOptions): KubeRequest {
  return {
    method: 'PATCH',
    path: deploymentPath(namespace, name),
    query: writeQuery(options),
    contentType: PatchStrategy.StrategicMergePatch,
    body: { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } },
  };
}

export type JsonPatchOperation = { op: 'replace'; path: string; value: JsonValue };

/** `kubectl rollout undo deployment/NAME`: a JSON patch replacing the pod template and the annotations. */
export function rollbackDeploymentRequest(
  namespace: string,
  name: string,
  patch: JsonPatchOperation[],
  options: WriteOptions,
): KubeRequest {
  return {
    method: 'PATCH',
    path: deploymentPath(namespace, name),
    query: writeQuery(options),
    contentType: PatchStrategy.JsonPatch,
    body: patch,
  };
}

/**
 * `kubectl apply --server-side` without --force-conflicts: force=false, so a field another manager owns is
 * reported as a conflict instead of being taken over silently.
 */
export function applyObjectRequest(
  type: KubeResourceType,
  object: JsonObject & { apiVersion: string; metadata: { name: string; namespace?: string } },
  options: WriteOptions,
): KubeRequest {
  const { name, namespace } = object.metadata;
  return {
    method: 'PATCH',
    path: resourcePath(type, object.apiVersion, { name, ...(namespace === undefined ? {} : { namespace }) }),
    query: writeQuery(options, { force: 'false' }),
    contentType: PatchStrategy.ServerSideApply,
    body: object,
  };
}

/** `kubectl delete KIND NAME`: background cascading deletion, the default of kubectl. */
export function deleteObjectRequest(
  type: KubeResourceType,
  apiVersion: string,
  target: { name: string; namespace?: string },
  options: Pick<WriteOptions, 'dryRun'>,
): KubeRequest {
  return {
    method: 'DELETE',
    path: resourcePath(type, apiVersion, target),
    ...(options.dryRun ? { query: { dryRun: 'All' } } : {}),
    contentType: 'application/json',
    body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
  };
}

/** GET one object by kind (raw JSON, nothing dropped). */
export function getObjectRequest(type: KubeResourceType, apiVersion: string, target: { name: string; namespace?: string }): KubeRequest {
  return { method: 'GET', path: resourcePath(type, apiVersion, target) };
}

/** GET a namespaced collection by kind, optionally by label selector. */
export function listObjectsRequest(type: KubeResourceType, apiVersion: string, namespace: string, labelSelector?: string): KubeRequest {
  return {
    method: 'GET',
    path: resourcePath(type, apiVersion, { namespace }),
    ...(labelSelector === undefined || labelSelector === '' ? {} : { query: { labelSelector } }),
  };
}
