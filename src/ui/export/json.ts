/**
 * JSON for downloads. JSON has no NaN, ±Infinity, typed arrays or bigints: they are written as the strings
 * "NaN", "Infinity", "-Infinity", plain arrays and decimal strings, so nothing silently becomes null.
 * Finite numbers keep full precision (JSON.stringify writes the shortest round-tripping text).
 */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, jsonSafe);
  if (Array.isArray(value)) return value.map(jsonSafe);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
  return out;
}

export function toJson(value: unknown): string {
  return JSON.stringify(jsonSafe(value), null, 2) + '\n';
}
