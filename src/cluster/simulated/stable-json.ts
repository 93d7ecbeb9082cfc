/** JSON with object keys sorted, so equal content always gives equal text (hashes, change detection). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Map) {
      const map: Map<unknown, unknown> = inner;
      const entries = [...map.entries()].map(([key, entry]): [string, unknown] => [String(key), entry]);
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    }
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}
