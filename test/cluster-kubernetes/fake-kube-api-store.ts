/**
 * The fake API server's objects and how it answers each request: routing of REST paths, lists with label and
 * field selectors, the scale subresource, pod logs, patches, deletes and dryRun=All.
 */

import { randomUUID } from 'node:crypto';
import { matchesLabelSelector, parseLabelSelector } from '../../src/cluster/label-selector.js';
import { FakePatchError, jsonPatch, mergePatch } from './fake-kube-api-patches.js';
import {
  invalidStatus,
  isMap,
  jsonText,
  notFoundStatus,
  resourceByKind,
  resourceByPlural,
  validate,
  type FakeResource,
  type FakeStatus,
  type Json,
  type JsonMap,
} from './fake-kube-api-resources.js';

export interface FakePodLogs {
  current: string[];
  previous?: string[];
}

export interface FakeRoute {
  resource: FakeResource;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface FakeRequest {
  contentType: string | null;
  body: unknown;
  query: Record<string, string>;
}

/** Thrown by a handler to answer with a Status. */
export class StatusError extends Error {
  constructor(readonly status: FakeStatus) {
    super(status.message);
  }
}

const objectKey = (plural: string, namespace: string | undefined, name: string) => `${plural}|${namespace ?? ''}|${name}`;

function getPath(object: Json, path: string): Json | undefined {
  let current: Json | undefined = object;
  for (const key of path.split('.')) current = isMap(current) ? current[key] : undefined;
  return current;
}

/** Field selectors of the forms key=value, key==value and key!=value, joined by commas. */
function matchesFieldSelector(object: JsonMap, selector: string | undefined): boolean {
  if (selector === undefined || selector === '') return true;
  return selector.split(',').every((term) => {
    const match = /^([^!=]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!match) throw new StatusError({ code: 400, reason: 'BadRequest', message: `invalid field selector "${term}"` });
    const [, path = '', op, expected = ''] = match;
    const actual = jsonText(getPath(object, path));
    return op === '!=' ? actual !== expected : actual === expected;
  });
}

export function rbacVerb(method: string, route: FakeRoute): string {
  switch (method) {
    case 'GET':
      return route.name === undefined ? 'list' : 'get';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    case 'POST':
      return 'create';
    default:
      return 'update';
  }
}

export interface FakeKubeStore {
  put(object: JsonMap): JsonMap;
  get(kind: string, name: string, namespace?: string): JsonMap | undefined;
  setLogs(namespace: string, pod: string, container: string, logs: FakePodLogs): void;
  handle(
    method: string,
    pathname: string,
    request: FakeRequest,
    authorize: (method: string, route: FakeRoute) => void,
  ): { status: number; body: JsonMap | string };
}

export function createFakeKubeStore(now: () => number): FakeKubeStore {
  const store = new Map<string, JsonMap>();
  const logs = new Map<string, FakePodLogs>();
  let resourceVersion = 1000;

  const iso = () => new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  function withDefaults(object: JsonMap): JsonMap {
    const metadata = isMap(object['metadata']) ? { ...object['metadata'] } : {};
    metadata['uid'] ??= randomUUID();
    metadata['resourceVersion'] ??= String(++resourceVersion);
    metadata['creationTimestamp'] ??= iso();
    return { ...object, metadata };
  }

  function put(object: JsonMap): JsonMap {
    const resource = resourceByKind(jsonText(object['kind']));
    if (!resource) throw new Error(`fake API server: unknown kind ${jsonText(object['kind'])}`);
    const stored = withDefaults(structuredClone(object));
    const metadata = stored['metadata'] as JsonMap;
    store.set(
      objectKey(resource.plural, resource.namespaced ? jsonText(metadata['namespace']) : undefined, jsonText(metadata['name'])),
      stored,
    );
    return stored;
  }

  /** The object after a write: server-maintained metadata updated, as the API server does. */
  function written(
    resource: FakeResource,
    live: JsonMap | undefined,
    next: JsonMap,
    manager: string,
    operation: 'Apply' | 'Update',
  ): JsonMap {
    const metadata = isMap(next['metadata']) ? { ...next['metadata'] } : {};
    const liveMeta = isMap(live?.['metadata']) ? live['metadata'] : {};
    metadata['uid'] = liveMeta['uid'] ?? randomUUID();
    metadata['creationTimestamp'] = liveMeta['creationTimestamp'] ?? iso();
    metadata['resourceVersion'] = String(++resourceVersion);
    const specChanged = JSON.stringify(live?.['spec'] ?? null) !== JSON.stringify(next['spec'] ?? null);
    const generation = typeof liveMeta['generation'] === 'number' ? liveMeta['generation'] : 1;
    metadata['generation'] = live === undefined ? 1 : specChanged ? generation + 1 : generation;
    const fields = Array.isArray(liveMeta['managedFields'])
      ? liveMeta['managedFields'].filter((entry) => !(isMap(entry) && entry['manager'] === manager && entry['operation'] === operation))
      : [];
    const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
    metadata['managedFields'] = [...fields, { manager, operation, apiVersion, time: iso(), fieldsType: 'FieldsV1', fieldsV1: {} }];
    return { ...next, metadata };
  }

  function route(pathname: string): FakeRoute | 'version' {
    if (pathname === '/version') return 'version';
    let segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let group: string;
    if (segments[0] === 'api' && segments[1] === 'v1') {
      group = '';
      segments = segments.slice(2);
    } else if (segments[0] === 'apis' && segments.length >= 3) {
      group = segments[1]!;
      segments = segments.slice(3);
    } else {
      throw new StatusError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
    }
    let namespace: string | undefined;
    if (segments[0] === 'namespaces' && segments.length >= 3) {
      namespace = segments[1];
      segments = segments.slice(2);
    }
    const [plural = '', name, subresource] = segments;
    const resource = resourceByPlural(group, plural);
    if (!resource || (resource.namespaced && namespace === undefined && name !== undefined)) {
      throw new StatusError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
    }
    return {
      resource,
      ...(namespace === undefined ? {} : { namespace }),
      ...(name === undefined ? {} : { name }),
      ...(subresource === undefined ? {} : { subresource }),
    };
  }

  function requireObject(target: FakeRoute & { name: string }): JsonMap {
    const object = store.get(objectKey(target.resource.plural, target.namespace, target.name));
    if (!object) throw new StatusError(notFoundStatus(target.resource, target.name));
    return object;
  }

  function list(target: FakeRoute, query: Record<string, string>): JsonMap {
    const selector = parseLabelSelector(query['labelSelector'] ?? '');
    const items = [...store.entries()]
      .filter(([key]) => key.startsWith(`${target.resource.plural}|${target.namespace === undefined ? '' : `${target.namespace}|`}`))
      .map(([, object]) => object)
      .filter((object) => {
        const labels = getPath(object, 'metadata.labels');
        return matchesLabelSelector(isMap(labels) ? (labels as Record<string, string>) : {}, selector);
      })
      .filter((object) => matchesFieldSelector(object, query['fieldSelector']))
      .sort((a, b) => jsonText(getPath(a, 'metadata.name')).localeCompare(jsonText(getPath(b, 'metadata.name'))));
    const { resource } = target;
    return {
      apiVersion: resource.group === '' ? 'v1' : `${resource.group}/${resource.version}`,
      kind: `${resource.kind}List`,
      metadata: { resourceVersion: String(resourceVersion) },
      items,
    };
  }

  function scaleOf(deployment: JsonMap): JsonMap {
    const metadata = deployment['metadata'] as JsonMap;
    const selector = getPath(deployment, 'spec.selector.matchLabels');
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: metadata['name']!,
        namespace: metadata['namespace']!,
        uid: metadata['uid']!,
        resourceVersion: metadata['resourceVersion']!,
        creationTimestamp: metadata['creationTimestamp']!,
      },
      spec: { replicas: getPath(deployment, 'spec.replicas') ?? 1 },
      status: {
        replicas: getPath(deployment, 'status.replicas') ?? 0,
        selector: isMap(selector)
          ? Object.entries(selector)
              .map(([key, value]) => `${key}=${jsonText(value)}`)
              .join(',')
          : '',
      },
    };
  }

  function applyPatch(live: Json, contentType: string | null, body: unknown): Json {
    switch (contentType) {
      case 'application/merge-patch+json':
      case 'application/strategic-merge-patch+json':
        if (!isMap(body as Json)) throw new StatusError({ code: 400, reason: 'BadRequest', message: 'patch body must be a JSON object' });
        return mergePatch(live, body as Json);
      case 'application/json-patch+json':
        return jsonPatch(live, body as Json);
      default:
        throw new StatusError({
          code: 415,
          reason: 'UnsupportedMediaType',
          message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
        });
    }
  }

  function dryRunOf(query: Record<string, string>): boolean {
    const value = query['dryRun'];
    if (value === undefined) return false;
    if (value !== 'All') throw new StatusError({ code: 400, reason: 'BadRequest', message: `Invalid dry run value: ${value}` });
    return true;
  }

  function checkValid(object: JsonMap, resource: Pick<FakeResource, 'kind' | 'group'>, name: string): void {
    const causes = validate(object);
    if (causes.length > 0) throw new StatusError(invalidStatus(resource.kind, resource.group, name, causes));
  }

  function patchScale(target: FakeRoute & { name: string }, request: FakeRequest): JsonMap {
    const dryRun = dryRunOf(request.query);
    const deployment = requireObject(target);
    const patched = applyPatch(scaleOf(deployment), request.contentType, request.body);
    if (!isMap(patched)) throw new StatusError({ code: 400, reason: 'BadRequest', message: 'invalid scale' });
    checkValid(patched, { kind: 'Scale', group: 'autoscaling' }, target.name);
    const replicas = getPath(patched, 'spec.replicas');
    const next = mergePatch(deployment, { spec: { replicas: replicas ?? null } }) as JsonMap;
    const manager = request.query['fieldManager'] ?? 'unknown';
    const result = written(target.resource, deployment, next, manager, 'Update');
    if (!dryRun) store.set(objectKey(target.resource.plural, target.namespace, target.name), result);
    return scaleOf(result);
  }

  function patchObject(target: FakeRoute & { name: string }, request: FakeRequest): JsonMap {
    const dryRun = dryRunOf(request.query);
    const key = objectKey(target.resource.plural, target.namespace, target.name);
    const live = store.get(key);
    const manager = request.query['fieldManager'];
    let next: Json;
    let operation: 'Apply' | 'Update' = 'Update';
    if (request.contentType === 'application/apply-patch+yaml') {
      operation = 'Apply';
      if (manager === undefined || manager === '') {
        throw new StatusError(
          invalidStatus('PatchOptions', 'meta.k8s.io', '', [
            { field: 'fieldManager', message: 'Required value: is required for apply patch' },
          ]),
        );
      }
      const applied = request.body;
      if (!isMap(applied as Json)) throw new StatusError({ code: 400, reason: 'BadRequest', message: 'apply patch must be an object' });
      const appliedMeta = getPath(applied as Json, 'metadata');
      if (!isMap(appliedMeta) || appliedMeta['name'] !== target.name) {
        throw new StatusError({
          code: 400,
          reason: 'BadRequest',
          message: `the name of the object (${isMap(appliedMeta) ? jsonText(appliedMeta['name']) : ''}) does not match the name on the URL (${target.name})`,
        });
      }
      if (target.namespace !== undefined && appliedMeta['namespace'] !== undefined && appliedMeta['namespace'] !== target.namespace) {
        throw new StatusError({
          code: 400,
          reason: 'BadRequest',
          message: 'the namespace of the provided object does not match the namespace sent on the request',
        });
      }
      if (!live && target.namespace !== undefined && !store.has(objectKey('namespaces', undefined, target.namespace))) {
        throw new StatusError(notFoundStatus({ plural: 'namespaces', group: '' }, target.namespace));
      }
      next = mergePatch(live ?? {}, applied as Json);
    } else {
      if (!live) throw new StatusError(notFoundStatus(target.resource, target.name));
      try {
        next = applyPatch(live, request.contentType, request.body);
      } catch (error) {
        if (error instanceof FakePatchError) throw new StatusError({ code: 422, reason: 'Invalid', message: error.message });
        throw error;
      }
    }
    if (!isMap(next)) throw new StatusError({ code: 400, reason: 'BadRequest', message: 'patch result is not an object' });
    checkValid(next, target.resource, target.name);
    const result = written(target.resource, live, next, manager ?? 'unknown', operation);
    if (!dryRun) store.set(key, result);
    return result;
  }

  function deleteObject(target: FakeRoute & { name: string }, query: Record<string, string>): JsonMap {
    const dryRun = dryRunOf(query);
    const object = requireObject(target);
    if (!dryRun) store.delete(objectKey(target.resource.plural, target.namespace, target.name));
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name: target.name,
        group: target.resource.group,
        kind: target.resource.plural,
        uid: getPath(object, 'metadata.uid') ?? '',
      },
    };
  }

  function podLog(target: FakeRoute & { name: string }, query: Record<string, string>): string {
    const pod = requireObject(target);
    const containers = getPath(pod, 'spec.containers');
    const names = Array.isArray(containers) ? containers.map((container) => jsonText(getPath(container, 'name'))) : [];
    const container = query['container'] ?? (names.length === 1 ? names[0] : undefined);
    if (container === undefined) {
      throw new StatusError({
        code: 400,
        reason: 'BadRequest',
        message: `a container name must be specified for pod ${target.name}, choose one of: [${names.join(' ')}]`,
      });
    }
    if (!names.includes(container)) {
      throw new StatusError({ code: 400, reason: 'BadRequest', message: `container ${container} is not valid for pod ${target.name}` });
    }
    const entry = logs.get(`${target.namespace}/${target.name}/${container}`) ?? { current: [] };
    const previous = query['previous'] === 'true';
    const lines = previous ? entry.previous : entry.current;
    if (lines === undefined) {
      throw new StatusError({
        code: 400,
        reason: 'BadRequest',
        message: `previous terminated container "${container}" in pod "${target.name}" not found`,
      });
    }
    const tail = query['tailLines'] === undefined ? lines.length : Number(query['tailLines']);
    let text = lines
      .slice(Math.max(0, lines.length - tail))
      .map((line) => `${line}\n`)
      .join('');
    const limit = query['limitBytes'] === undefined ? undefined : Number(query['limitBytes']);
    if (limit !== undefined && Buffer.byteLength(text) > limit) text = Buffer.from(text).subarray(0, limit).toString('utf8');
    return text;
  }

  function handle(
    method: string,
    pathname: string,
    request: FakeRequest,
    authorize: (method: string, route: FakeRoute) => void,
  ): { status: number; body: JsonMap | string } {
    const target = route(pathname);
    if (target === 'version') {
      return {
        status: 200,
        body: {
          major: '1',
          minor: '31',
          gitVersion: 'v1.31.4-fake',
          gitCommit: 'fake',
          gitTreeState: 'clean',
          buildDate: '2025-01-01T00:00:00Z',
          goVersion: 'go1.23.4',
          compiler: 'gc',
          platform: 'linux/amd64',
        },
      };
    }
    authorize(method, target);
    const named = target.name === undefined ? undefined : (target as FakeRoute & { name: string });
    if (method === 'GET' && named === undefined) return { status: 200, body: list(target, request.query) };
    if (named === undefined)
      throw new StatusError({
        code: 405,
        reason: 'MethodNotAllowed',
        message: `the server does not allow this method on the requested resource`,
      });
    if (method === 'GET' && target.subresource === 'log' && target.resource.plural === 'pods')
      return { status: 200, body: podLog(named, request.query) };
    if (target.subresource === 'scale' && target.resource.plural === 'deployments') {
      if (method === 'GET') return { status: 200, body: scaleOf(requireObject(named)) };
      if (method === 'PATCH') return { status: 200, body: patchScale(named, request) };
    }
    if (target.subresource !== undefined)
      throw new StatusError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
    if (method === 'GET') return { status: 200, body: requireObject(named) };
    if (method === 'PATCH') return { status: 200, body: patchObject(named, request) };
    if (method === 'DELETE') return { status: 200, body: deleteObject(named, request.query) };
    throw new StatusError({
      code: 405,
      reason: 'MethodNotAllowed',
      message: `the server does not allow this method on the requested resource`,
    });
  }

  return {
    put,
    get(kind, name, namespace) {
      const resource = resourceByKind(kind);
      if (!resource) return undefined;
      const object = store.get(objectKey(resource.plural, resource.namespaced ? namespace : undefined, name));
      return object === undefined ? undefined : structuredClone(object);
    },
    setLogs(namespace, pod, container, entry) {
      logs.set(`${namespace}/${pod}/${container}`, entry);
    },
    handle,
  };
}
