/** The live-versus-dry-run diff of an approval card, like `kubectl diff`: server noise dropped, Secret values masked. Pure. */

import { stringify } from 'yaml';
import type { JsonObject, JsonValue } from './results.js';
import { unifiedDiff } from './text-diff.js';

/** Fields the server sets on every write; they would only add noise to a diff. */
const NOISY_METADATA = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp'];
// Repeats the whole object (a Secret's values included) in one line: noise at best, a leak at worst.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

export function cleanForDiff(object: JsonObject): JsonObject {
  const { status: _status, ...rest } = object;
  const metadata = rest['metadata'];
  if (!isObject(metadata)) return rest;
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(metadata)) if (!NOISY_METADATA.includes(key)) kept[key] = value;
  const annotations = kept['annotations'];
  if (isObject(annotations) && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...others } = annotations;
    if (Object.keys(others).length > 0) kept['annotations'] = others;
    else delete kept['annotations'];
  }
  return { ...rest, metadata: kept };
}

const SECRET_FIELDS = ['data', 'stringData'];

function maskValues(values: JsonValue | undefined, other: JsonValue | undefined, side: 'before' | 'after'): JsonValue | undefined {
  if (!isObject(values)) return values;
  const masked: JsonObject = {};
  for (const [key, value] of Object.entries(values)) {
    const same = isObject(other) && other[key] === value;
    // kubectl diff's convention: equal values are "***", changed ones say which side they are.
    masked[key] = same ? '***' : `*** (${side})`;
  }
  return masked;
}

/** Secret values replaced by markers in both objects, so a diff shows which keys change and never a value. */
export function maskSecretPair(live: JsonObject | null, merged: JsonObject | null): [JsonObject | null, JsonObject | null] {
  const isSecret = (object: JsonObject | null) => object !== null && object['kind'] === 'Secret';
  if (!isSecret(live) && !isSecret(merged)) return [live, merged];
  const mask = (object: JsonObject | null, other: JsonObject | null, side: 'before' | 'after'): JsonObject | null => {
    if (object === null) return null;
    const copy: JsonObject = { ...object };
    for (const field of SECRET_FIELDS) {
      const masked = maskValues(object[field], other?.[field], side);
      if (masked !== undefined) copy[field] = masked;
    }
    return copy;
  };
  return [mask(live, merged, 'before'), mask(merged, live, 'after')];
}

/** Keys sorted at every level, as kubectl diff prints unstructured objects. */
function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

export function objectYaml(object: JsonObject | null): string {
  return object === null ? '' : stringify(sortKeys(object), { lineWidth: 0 });
}

/** Unified diff of the live object and the dry-run result ("" when they are the same). */
export function liveVersusDryRunDiff(live: JsonObject | null, merged: JsonObject | null, path: string): string {
  const [before, after] = maskSecretPair(live === null ? null : cleanForDiff(live), merged === null ? null : cleanForDiff(merged));
  return unifiedDiff(objectYaml(before), objectYaml(after), { before: `live/${path}`, after: `dry-run/${path}` });
}
