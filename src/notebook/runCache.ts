/**
 * The result cache of experiment runs (`runNotebook`, used by the claims ledger): a finished run is stored
 * under a key that names everything its figures depend on, so reopening the ledger, or re-running it with
 * an unchanged experiment, is served at once and says so.
 *
 * Key = SHA-256 over: the notebook's Markdown (content hash), its inputs (canonical JSON), its seed, the
 * fingerprint of the shipped data files, the fingerprints of any own files it reads, and an engine salt
 * (a hash of the source and the dependency versions, computed at build time in the page and at start
 * headless), so any code or data change invalidates every entry. The store is IndexedDB in the page and
 * a folder headless (`.cache/ledger/`); this module holds only the key and the value format (no DOM, no fs).
 *
 * Timing experiments (timers, latency, jitter): their figures describe the machine and moment they were
 * measured on. They ARE cached, so a reopened ledger is instant, but every cached run carries when and where
 * it was measured (`measured`), and the ledger prints it next to the verdict ("cached, measured … in …");
 * untick "reuse cached results" (page) or pass `--no-cache` (headless) to measure now.
 */

/** When and where a run's figures were computed (shown with every cached result). */
export interface RunProvenance {
  /** ISO 8601 time the run finished. */
  at: string;
  /** The runtime it ran in, e.g. "Chrome 141 (this browser)", "Node v22.12.0 (headless)". */
  where: string;
}

export interface RunCacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface RunCacheKeyParts {
  /** Engine/version salt: changes whenever the code or dependencies change. */
  salt: string;
  /** Fingerprint of the shipped data files. */
  data: string;
  notebookId: string;
  notebookSource: string;
  inputs: Record<string, unknown>;
  seed: number;
  /** Own files (upload id → content fingerprint) the run can read. */
  uploads?: Record<string, string>;
}

/** Bumped when the cached value's shape changes. */
export const RUN_CACHE_FORMAT = 1;

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let out = '';
  for (const b of new Uint8Array(digest)) out += b.toString(16).padStart(2, '0');
  return out;
}

/** JSON with object keys sorted (so input order never changes a key); non-finite numbers written as strings. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && !Number.isFinite(v) ? JSON.stringify(String(v)) : JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

export async function runCacheKey(p: RunCacheKeyParts): Promise<string> {
  const sourceHash = await sha256Hex(p.notebookSource);
  return sha256Hex(canonical({
    format: RUN_CACHE_FORMAT, salt: p.salt, data: p.data, notebook: p.notebookId, source: sourceHash,
    inputs: p.inputs, seed: p.seed, uploads: p.uploads ?? {},
  }));
}

/**
 * JSON that keeps the numbers JSON cannot hold (NaN, ±Infinity, −0) and typed arrays, for the folder store:
 * a cached run must read back exactly as it was computed.
 */
export function encodeCacheValue(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _k, v: unknown) {
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return { $num: 'NaN' };
      if (v === Infinity) return { $num: 'Infinity' };
      if (v === -Infinity) return { $num: '-Infinity' };
      if (Object.is(v, -0)) return { $num: '-0' };
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { $typed: v.constructor.name, values: Array.from(v as unknown as ArrayLike<number>) };
    return v;
  });
}

const TYPED: Record<string, (a: number[]) => unknown> = {
  Float64Array: (a) => Float64Array.from(a), Float32Array: (a) => Float32Array.from(a), Int32Array: (a) => Int32Array.from(a),
  Uint32Array: (a) => Uint32Array.from(a), Uint8Array: (a) => Uint8Array.from(a), Int8Array: (a) => Int8Array.from(a),
  Uint16Array: (a) => Uint16Array.from(a), Int16Array: (a) => Int16Array.from(a), Uint8ClampedArray: (a) => Uint8ClampedArray.from(a),
};

export function decodeCacheValue(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$num === 'string' && Object.keys(o).length === 1) return Number(o.$num);
      if (typeof o.$typed === 'string' && Array.isArray(o.values) && Object.keys(o).length === 2) {
        const make = TYPED[o.$typed];
        if (make) return make((o.values as unknown[]).map((x) => (typeof x === 'number' ? x : Number(x))));
      }
    }
    return v;
  });
}

/** A store that keeps nothing (caching off, or no storage available). */
export const NO_CACHE: RunCacheStore = { get: () => Promise.resolve(undefined), set: () => Promise.resolve() };

/** An in-memory store (tests, and a fallback when IndexedDB is unavailable). */
export function memoryRunCache(): RunCacheStore & { readonly size: number } {
  const m = new Map<string, unknown>();
  return {
    get: (k) => Promise.resolve(m.get(k)),
    set: (k, v) => { m.set(k, v); return Promise.resolve(); },
    get size() { return m.size; },
  };
}
