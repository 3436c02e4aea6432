/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, numbers in
 * JavaScript's shortest round-trip form (what JSON.stringify already emits), -0 written as 0.
 * Values must be JSON values (finite numbers, strings, booleans, null, arrays, plain objects).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`invalid number in payload: ${value} (expected a finite number)`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`invalid value in payload: ${typeof value} (expected a JSON value)`);
  }
}
