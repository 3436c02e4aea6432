import { z } from 'zod';
import { ShareError } from './errors';

/** What a share link carries: the user's intent only, never results (those recompute from the seed). */
export interface ExperimentState {
  v: 1;
  /** Notebook id, e.g. 'timing'. */
  notebook: string;
  seed: number;
  inputs: Record<string, number | string | boolean>;
  /** cellId -> edited source. */
  edits: Record<string, string>;
  dataset?: string;
  /** Walkthrough step. */
  step?: number;
  /** Presenter knobs, e.g. ['code', 'controls']. */
  hide?: string[];
  /**
   * The user's own files, by input name: a fingerprint only (name, size, SHA-256), never the data, so a link
   * can say exactly which file reproduces it.
   */
  files?: Record<string, FileFingerprint>;
}

export interface FileFingerprint {
  name: string;
  size: number;
  sha256: string;
}

export const CURRENT_VERSION = 1;

/** Named limits; each says why it exists. */
export const LIMITS = {
  /** Seeds are 32-bit unsigned (createRng normalises to this range). */
  maxSeed: 0xffffffff,
  /** A notebook has a few dozen inputs; 200 leaves room and bounds the work a link can ask for. */
  maxInputs: 200,
  /** Edited cells per link. */
  maxEdits: 100,
  /** One edited cell: 64 KiB of UTF-8 is far beyond any hand-written cell. */
  maxEditBytes: 64 * 1024,
  /** Text inputs are short (labels, tickers); 4 KiB keeps a link from smuggling a dataset. */
  maxInputStringChars: 4096,
  maxNotebookIdChars: 64,
  maxNameChars: 128,
  maxDatasetChars: 256,
  maxStep: 10_000,
  maxHide: 16,
  /** Own files per link (one per dataset input). */
  maxFiles: 16,
  maxFileNameChars: 256,
} as const;

export const NOTEBOOK_ID_PATTERN = /^[a-z0-9-]+$/;
/** Input names and cell ids: identifiers and `cell-3`-style ids. */
export const NAME_PATTERN = /^[A-Za-z0-9_$][A-Za-z0-9_$.-]*$/;
const HIDE_PATTERN = /^[a-z][a-z-]*$/;
/** Keys that would reach Object.prototype if an object were ever built with plain assignment. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v;
}

const expected = (what: string) => ({ error: (iss: { input?: unknown }) => `expected ${what}, received ${kind(iss.input)}` });

const inputValue = z.union([z.number(), z.string(), z.boolean()], expected('number, string or boolean'));

/** The payload's shape after migrations (types only; ranges are checked by `checkLimits`). */
export const payloadSchema = z.object({
  notebook: z.string(expected('string')),
  seed: z.number(expected('number')),
  inputs: z.record(z.string(), inputValue, expected('object')).optional(),
  edits: z.record(z.string(), z.string(expected('string')), expected('object')).optional(),
  dataset: z.string(expected('string')).optional(),
  step: z.number(expected('number')).optional(),
  hide: z.array(z.string(expected('string')), expected('array')).optional(),
  files: z.record(z.string(), z.object({
    name: z.string(expected('string')),
    size: z.number(expected('number')),
    sha256: z.string(expected('string')),
  }, expected('object')), expected('object')).optional(),
}, expected('object'));

export const KNOWN_FIELDS = new Set(Object.keys(payloadSchema.shape));

type Payload = z.infer<typeof payloadSchema>;

/** `inputs.nQubits`, or `edits["odd key"]` when the key is not identifier-like. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** Validate the JSON shape; the first problem becomes a 'schema' ShareError naming the field. */
export function parsePayload(raw: unknown): Payload {
  const r = payloadSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = formatPath(issue.path);
  const msg = issue.message.replace(/^Invalid input: /, '');
  throw new ShareError('schema', `${path || 'payload'}: ${msg}`, path || undefined, { issues: r.error.issues.length });
}

function limit(path: string, message: string, detail?: Record<string, unknown>): ShareError {
  return new ShareError('limit', `${path}: ${message}`, path, detail);
}

function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

function checkName(group: string, name: string): void {
  const path = formatPath([group, name]);
  if (name.length > LIMITS.maxNameChars) throw limit(path, `name is ${name.length} characters long (expected at most ${LIMITS.maxNameChars})`);
  if (!NAME_PATTERN.test(name) || RESERVED_NAMES.has(name)) {
    throw limit(path, `invalid name ${JSON.stringify(name)} (expected letters, digits, _ $ . -, not __proto__/constructor/prototype)`);
  }
}

/**
 * JSON.parse keeps a `"__proto__"` key as an own property, and the schema would then drop it
 * silently; refuse such keys in `inputs` and `edits` before validation so the link says why.
 */
export function checkReservedKeys(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  for (const group of ['inputs', 'edits'] as const) {
    const rec = (raw as Record<string, unknown>)[group];
    if (typeof rec !== 'object' || rec === null) continue;
    for (const k of Object.keys(rec)) if (RESERVED_NAMES.has(k)) checkName(group, k);
  }
}

/** Range and size limits; the first violation becomes a 'limit' ShareError naming the field. */
export function checkLimits(p: Payload): void {
  if (p.notebook.length > LIMITS.maxNotebookIdChars || !NOTEBOOK_ID_PATTERN.test(p.notebook)) {
    throw limit('notebook', `invalid notebook id ${JSON.stringify(p.notebook.slice(0, 80))} (expected lowercase letters, digits and -, at most ${LIMITS.maxNotebookIdChars} characters)`);
  }
  if (!Number.isInteger(p.seed) || p.seed < 0 || p.seed > LIMITS.maxSeed) {
    throw limit('seed', `invalid seed ${p.seed} (expected an integer 0–${LIMITS.maxSeed})`);
  }
  const inputs = Object.entries(p.inputs ?? {});
  if (inputs.length > LIMITS.maxInputs) throw limit('inputs', `${inputs.length} inputs (expected at most ${LIMITS.maxInputs})`);
  for (const [name, v] of inputs) {
    checkName('inputs', name);
    if (typeof v === 'string' && v.length > LIMITS.maxInputStringChars) {
      throw limit(formatPath(['inputs', name]), `text is ${v.length} characters long (expected at most ${LIMITS.maxInputStringChars})`);
    }
  }
  const edits = Object.entries(p.edits ?? {});
  if (edits.length > LIMITS.maxEdits) throw limit('edits', `${edits.length} edited cells (expected at most ${LIMITS.maxEdits})`);
  for (const [id, src] of edits) {
    checkName('edits', id);
    const bytes = utf8Bytes(src);
    if (bytes > LIMITS.maxEditBytes) throw limit(formatPath(['edits', id]), `edited source is ${bytes} bytes (expected at most ${LIMITS.maxEditBytes})`);
  }
  if (p.dataset !== undefined && (p.dataset.length === 0 || p.dataset.length > LIMITS.maxDatasetChars || hasControlChar(p.dataset))) {
    throw limit('dataset', `invalid dataset name (expected 1–${LIMITS.maxDatasetChars} printable characters)`);
  }
  if (p.step !== undefined && (!Number.isInteger(p.step) || p.step < 0 || p.step > LIMITS.maxStep)) {
    throw limit('step', `invalid step ${p.step} (expected an integer 0–${LIMITS.maxStep})`);
  }
  const files = Object.entries(p.files ?? {});
  if (files.length > LIMITS.maxFiles) throw limit('files', `${files.length} files (expected at most ${LIMITS.maxFiles})`);
  for (const [input, f] of files) {
    checkName('files', input);
    const path = formatPath(['files', input]);
    if (!f.name.length || f.name.length > LIMITS.maxFileNameChars || hasControlChar(f.name)) throw limit(`${path}.name`, `invalid file name (expected 1–${LIMITS.maxFileNameChars} printable characters)`);
    if (!Number.isSafeInteger(f.size) || f.size < 0) throw limit(`${path}.size`, `invalid size ${f.size} (expected a whole number of bytes)`);
    if (!/^[0-9a-f]{64}$/.test(f.sha256)) throw limit(`${path}.sha256`, 'expected 64 lowercase hex digits');
  }
  if (p.hide !== undefined) {
    if (p.hide.length > LIMITS.maxHide) throw limit('hide', `${p.hide.length} entries (expected at most ${LIMITS.maxHide})`);
    p.hide.forEach((h, i) => {
      if (h.length > 32 || !HIDE_PATTERN.test(h)) throw limit(`hide[${i}]`, `invalid entry ${JSON.stringify(h.slice(0, 40))} (expected a lowercase word like "code" or "controls")`);
    });
  }
}

const sortedRecord = <T>(r: Record<string, T> | undefined): Record<string, T> =>
  Object.fromEntries(Object.entries(r ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, typeof v === 'number' && Object.is(v, -0) ? (0 as T) : v]));

/**
 * The one representative of a state: keys sorted, -0 as 0, `hide` sorted and de-duplicated,
 * defaults (empty hide, undefined fields) dropped. `inputs` and `edits` are always present.
 */
export function canonicalState(p: Omit<ExperimentState, 'v' | 'inputs' | 'edits'> & Partial<Pick<ExperimentState, 'inputs' | 'edits'>>): ExperimentState {
  const out: ExperimentState = { v: CURRENT_VERSION, notebook: p.notebook, seed: p.seed + 0, inputs: sortedRecord(p.inputs), edits: sortedRecord(p.edits) };
  if (p.dataset !== undefined) out.dataset = p.dataset;
  if (p.step !== undefined) out.step = p.step + 0; // + 0 turns -0 into 0
  if (p.hide !== undefined && p.hide.length) out.hide = [...new Set(p.hide)].sort();
  if (p.files !== undefined && Object.keys(p.files).length) {
    out.files = Object.fromEntries(Object.entries(p.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, f]) => [k, { name: f.name, size: f.size, sha256: f.sha256 }]));
  }
  return out;
}

/** The JSON object written into a link: the canonical state minus `v` (the prefix carries it) and empty fields. */
export function toWire(s: ExperimentState): Record<string, unknown> {
  const w: Record<string, unknown> = { notebook: s.notebook, seed: s.seed };
  if (Object.keys(s.inputs).length) w.inputs = s.inputs;
  if (Object.keys(s.edits).length) w.edits = s.edits;
  if (s.dataset !== undefined) w.dataset = s.dataset;
  if (s.step !== undefined) w.step = s.step;
  if (s.hide !== undefined && s.hide.length) w.hide = s.hide;
  if (s.files !== undefined && Object.keys(s.files).length) w.files = s.files;
  return w;
}
