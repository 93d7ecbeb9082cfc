/**
 * Patch semantics of the fake API server: JSON merge patch (RFC 7386), JSON patch (RFC 6902), strategic merge
 * patch (as a merge patch: enough for the map-only patches kubectl's restart sends), and server-side apply
 * (the applied configuration merged over the live object; conflicts are injected by tests when needed).
 */

import { isMap, type Json, type JsonMap } from './fake-kube-api-resources.js';

export class FakePatchError extends Error {}

export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return structuredClone(patch);
  const result: JsonMap = isMap(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parent(document: Json, path: string): { container: JsonMap | Json[]; key: string } {
  if (!path.startsWith('/')) throw new FakePatchError(`invalid JSON pointer "${path}"`);
  const tokens = path.slice(1).split('/').map(unescape);
  const key = tokens.pop()!;
  let current: Json = document;
  for (const token of tokens) {
    const next: Json | undefined = Array.isArray(current) ? current[Number(token)] : isMap(current) ? current[token] : undefined;
    if (next === undefined) throw new FakePatchError(`doc is missing path: "${path}"`);
    current = next;
  }
  if (!Array.isArray(current) && !isMap(current)) throw new FakePatchError(`doc is missing path: "${path}"`);
  return { container: current, key };
}

export function jsonPatch(document: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw new FakePatchError('json patch must be an array of operations');
  const result = structuredClone(document);
  for (const operation of operations) {
    if (!isMap(operation) || typeof operation['op'] !== 'string' || typeof operation['path'] !== 'string') {
      throw new FakePatchError('json patch operation needs "op" and "path"');
    }
    const { op, path } = operation;
    const { container, key } = parent(result, path);
    const value = operation['value'] === undefined ? null : structuredClone(operation['value']);
    if (Array.isArray(container)) {
      const index = key === '-' ? container.length : Number(key);
      if (op === 'add') container.splice(index, 0, value);
      else if (op === 'replace') container[index] = value;
      else if (op === 'remove') container.splice(index, 1);
      else throw new FakePatchError(`unsupported json patch op "${op}"`);
      continue;
    }
    const exists = Object.prototype.hasOwnProperty.call(container, key);
    if ((op === 'replace' || op === 'remove') && !exists) {
      throw new FakePatchError(`replace operation does not apply: doc is missing key: ${path}`);
    }
    if (op === 'add' || op === 'replace') container[key] = value;
    else if (op === 'remove') delete container[key];
    else throw new FakePatchError(`unsupported json patch op "${op}"`);
  }
  return result;
}
