/**
 * A compact, cloneable summary of any cell value for display and for the headless runner's output.
 * Large arrays are summarised (length, first items, min/max), never shipped whole.
 */
export type Inspected =
  | { t: 'number'; v: number }
  | { t: 'string'; v: string }
  | { t: 'boolean'; v: boolean }
  | { t: 'null' }
  | { t: 'undefined' }
  | { t: 'function'; name: string }
  | { t: 'array'; type: string; length: number; head: Inspected[]; min?: number; max?: number; mean?: number }
  | { t: 'object'; type: string; entries: [string, Inspected][]; more: number }
  | { t: 'other'; text: string };

const HEAD = 8;
const MAX_KEYS = 24;

export function inspect(value: unknown, depth = 2): Inspected {
  if (value === null) return { t: 'null' };
  switch (typeof value) {
    case 'number':
      return { t: 'number', v: value };
    case 'bigint':
      return { t: 'other', text: `${value}n` };
    case 'string':
      return { t: 'string', v: value.length > 2000 ? `${value.slice(0, 2000)}…` : value };
    case 'boolean':
      return { t: 'boolean', v: value };
    case 'undefined':
      return { t: 'undefined' };
    case 'function':
      return { t: 'function', name: value.name || 'anonymous' };
    case 'symbol':
      return { t: 'other', text: value.toString() };
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    let min = Infinity, max = -Infinity, sum = 0, n = 0;
    for (let i = 0; i < arr.length; i++) {
      const x = Number(arr[i]);
      if (Number.isNaN(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
      n++;
    }
    const head = Array.from({ length: Math.min(HEAD, arr.length) }, (_, i) => inspect(arr[i], 0));
    return { t: 'array', type: value.constructor.name, length: arr.length, head, ...(n ? { min, max, mean: sum / n } : {}) };
  }
  if (Array.isArray(value)) {
    const head = value.slice(0, HEAD).map((v) => (depth > 0 ? inspect(v, depth - 1) : shallow(v)));
    const nums = value.every((v) => typeof v === 'number');
    const extra = nums && value.length ? { min: Math.min(...value), max: Math.max(...value), mean: value.reduce((a, b) => a + b, 0) / value.length } : {};
    return { t: 'array', type: 'Array', length: value.length, head, ...extra };
  }
  if (value instanceof Map) {
    const entries = [...value.entries()].slice(0, MAX_KEYS).map(([k, v]) => [String(k), depth > 0 ? inspect(v, depth - 1) : shallow(v)] as [string, Inspected]);
    return { t: 'object', type: 'Map', entries, more: Math.max(0, value.size - MAX_KEYS) };
  }
  if (value instanceof Error) return { t: 'other', text: `${value.name}: ${value.message}` };
  const keys = Object.keys(value as object);
  const entries = keys.slice(0, MAX_KEYS).map((k) => {
    const v = (value as Record<string, unknown>)[k];
    return [k, depth > 0 ? inspect(v, depth - 1) : shallow(v)] as [string, Inspected];
  });
  const proto = Object.getPrototypeOf(value);
  return { t: 'object', type: proto && proto !== Object.prototype ? proto.constructor?.name ?? 'Object' : 'Object', entries, more: Math.max(0, keys.length - MAX_KEYS) };
}

function shallow(v: unknown): Inspected {
  if (v === null || typeof v !== 'object') return inspect(v, 0);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return { t: 'other', text: `${(v as object).constructor.name}(${(v as ArrayLike<unknown>).length})` };
  return { t: 'other', text: `${(v as object).constructor?.name ?? 'Object'} {…}` };
}

/** Scalars only (numbers, strings, booleans): the figures the headless runner prints and golden links pin. */
export function scalarFigures(values: Record<string, unknown>): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** Short human text for an inspected value (used in summaries and the CLI). */
export function formatInspected(i: Inspected): string {
  switch (i.t) {
    case 'number':
      return formatNumber(i.v);
    case 'string':
      return JSON.stringify(i.v);
    case 'boolean':
      return String(i.v);
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    case 'function':
      return `ƒ ${i.name}()`;
    case 'array':
      return `${i.type}(${i.length}) [${i.head.map(formatInspected).join(', ')}${i.length > i.head.length ? ', …' : ''}]`;
    case 'object':
      return `${i.type === 'Object' ? '' : `${i.type} `}{${i.entries.map(([k, v]) => `${k}: ${formatInspected(v)}`).join(', ')}${i.more ? `, … ${i.more} more` : ''}}`;
    default:
      return i.text;
  }
}

/** Format with `digits` significant digits (clamped to 1–21); `digits` ≤ 0 means "as an integer". */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (!(digits >= 1)) return String(Math.round(v));
  digits = Math.min(21, Math.floor(digits));
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(Math.max(0, digits - 3));
  return String(Number(v.toPrecision(digits)));
}
