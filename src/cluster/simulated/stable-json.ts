/** JSON with object keys sorted, so equal content always gives equal text (hashes, change detection). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Map) {
      return Object.fromEntries([...inner.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
    }
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });
}
