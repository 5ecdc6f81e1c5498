/**
 * JSON text with object keys sorted (by UTF-16 code unit) and `undefined` members dropped, so equal
 * values always give the same text whatever their key order: the basis of every content hash (stage
 * caches, cassettes, job keys) and of key-order-insensitive comparisons.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
