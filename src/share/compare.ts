/**
 * Comparing two runs of a notebook ("what changed?"): the differences between two experiment states
 * (inputs, seed, edited cells, data fingerprints), and between their results (every scalar figure and every
 * verdict that differs, with both values). Pure: the page and the headless `diff` command run the notebooks
 * and pass the results in.
 */
import { diffLines } from 'diff';
import { encodeExperiment, tryDecodeExperiment, type ExperimentState } from './codec';
import type { ViewSpec } from '../notebook/views';
import { validateInputValue, type Notebook } from '../notebook/format';
import type { FileFingerprint } from './schema';

export type Change =
  | { kind: 'seed'; a: number; b: number }
  | { kind: 'input'; name: string; a: unknown; b: unknown }
  /** `null`: the shipped code. */
  | { kind: 'edit'; cell: string; a: string | null; b: string | null }
  /** A user's own data file (its fingerprint; the bytes never travel in a link). `null`: the shipped data. */
  | { kind: 'file'; input: string; a: FileFingerprint | null; b: FileFingerprint | null };

/**
 * What differs between two states of the same notebook, each change one that can be applied on its own.
 * `defaults` (input name → shipped value) makes an absent input equal to its default; `shipped` (cell id →
 * shipped source) makes an "edit" that restores the shipped code equal to no edit.
 */
export function stateChanges(a: ExperimentState, b: ExperimentState, defaults: Record<string, unknown> = {}, shipped: Record<string, string> = {}): Change[] {
  const out: Change[] = [];
  if (a.seed !== b.seed) out.push({ kind: 'seed', a: a.seed, b: b.seed });
  const inputNames = [...new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])].sort();
  for (const n of inputNames) {
    const va = n in a.inputs ? a.inputs[n] : defaults[n];
    const vb = n in b.inputs ? b.inputs[n] : defaults[n];
    if (!sameValue(va, vb)) out.push({ kind: 'input', name: n, a: va, b: vb });
  }
  const code = (s: ExperimentState, c: string): string | null => (c in s.edits && s.edits[c] !== shipped[c] ? s.edits[c] : null);
  const cells = [...new Set([...Object.keys(a.edits), ...Object.keys(b.edits)])].sort();
  for (const c of cells) {
    const ea = code(a, c), eb = code(b, c);
    if (ea !== eb) out.push({ kind: 'edit', cell: c, a: ea, b: eb });
  }
  const fa = a.files ?? {}, fb = b.files ?? {};
  for (const i of [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort()) {
    const ha = fa[i] ?? null, hb = fb[i] ?? null;
    if (ha?.sha256 !== hb?.sha256) out.push({ kind: 'file', input: i, a: ha, b: hb });
  }
  return out;
}

function sameValue(x: unknown, y: unknown): boolean {
  return typeof x === 'number' && typeof y === 'number' ? x === y || (Number.isNaN(x) && Number.isNaN(y)) : JSON.stringify(x) === JSON.stringify(y);
}

/** State `a` with one change of `b` applied (for "which change flipped this verdict"). */
export function applyChange(a: ExperimentState, c: Change): ExperimentState {
  const s: ExperimentState = { ...a, inputs: { ...a.inputs }, edits: { ...a.edits }, ...(a.files ? { files: { ...a.files } } : {}) };
  if (c.kind === 'seed') s.seed = c.b;
  else if (c.kind === 'input') {
    if (c.b === undefined) delete s.inputs[c.name];
    else s.inputs[c.name] = c.b as never;
  } else if (c.kind === 'edit') {
    if (c.b === null) delete s.edits[c.cell];
    else s.edits[c.cell] = c.b;
  } else {
    const files = { ...(s.files ?? {}) };
    if (c.b === null) delete files[c.input];
    else files[c.input] = c.b;
    if (Object.keys(files).length) s.files = files;
    else delete s.files;
  }
  return s;
}

/** Changes that a re-run can apply: an own file's bytes are not in the link, so a file change cannot be replayed. */
export function isReplayable(c: Change): boolean {
  return c.kind !== 'file';
}

const shown = (x: unknown) => (x === undefined || x === null ? '(default)' : JSON.stringify(x));

export function describeChange(c: Change, labels: Record<string, string> = {}): string {
  switch (c.kind) {
    case 'seed':
      return `seed ${c.a} → ${c.b}`;
    case 'input':
      return `input ${labels[c.name] ? `${c.name} (${labels[c.name]})` : c.name}: ${shown(c.a)} → ${shown(c.b)}`;
    case 'edit': {
      const d = editStats(c);
      return `cell ${c.cell}: ${c.a === null ? 'shipped code' : 'edited code'} → ${c.b === null ? 'shipped code' : 'edited code'}${d ? ` (${d})` : ''}`;
    }
    case 'file':
      return `own file for ${c.input}: ${fileLabel(c.a)} → ${fileLabel(c.b)}`;
  }
}

function fileLabel(f: FileFingerprint | null): string {
  return f ? `${f.name} (${f.size.toLocaleString('en')} bytes, sha256 ${f.sha256.slice(0, 12)}…)` : 'shipped data';
}

/** A short name for a change ("input trueHitRate", "seed", "cell simulate", "own file for candles"). */
export function changeKey(c: Change): string {
  return c.kind === 'seed' ? 'seed' : c.kind === 'input' ? `input ${c.name}` : c.kind === 'edit' ? `cell ${c.cell}` : `own file for ${c.input}`;
}

export interface DiffLine {
  op: '+' | '-' | ' ';
  text: string;
}

/** A line diff of two versions of a cell's code (`before`/`after` are the full sources). */
export function codeDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const p of diffLines(before, after)) {
    const op = p.added ? '+' : p.removed ? '-' : ' ';
    for (const text of p.value.replace(/\n$/, '').split('\n')) out.push({ op, text });
  }
  return out;
}

/** Only the changed lines with `context` lines around them; `null` marks an elision. */
export function diffHunks(lines: DiffLine[], context = 2): (DiffLine | null)[] {
  const keep = new Set<number>();
  lines.forEach((l, i) => {
    if (l.op !== ' ') for (let j = i - context; j <= i + context; j++) if (j >= 0 && j < lines.length) keep.add(j);
  });
  const out: (DiffLine | null)[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (keep.has(i)) out.push(lines[i]);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

function editStats(c: Extract<Change, { kind: 'edit' }>): string {
  if (c.a === null || c.b === null) return '';
  const d = codeDiff(c.a, c.b);
  const add = d.filter((l) => l.op === '+').length, del = d.filter((l) => l.op === '-').length;
  return `+${add} −${del} lines`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the two sides: a share link (any form a user may paste), a notebook id (its defaults).

export interface NotebookInfo {
  seed: number;
}

export type RunRef = { ok: true; state: ExperimentState; warnings: string[]; isDefaults: boolean } | { ok: false; message: string };

/**
 * Read one side of a comparison. Accepts a full URL, `#/nb/<id>/x1.…`, `x1.…` (a share link), or `#/nb/<id>`,
 * a URL ending in it, or a bare notebook id (that notebook with its defaults). Never throws: a bad link gives a
 * message naming the side and what is wrong.
 */
export function readRunRef(text: string, which: string, notebooks: (id: string) => NotebookInfo | undefined): RunRef {
  const t = (text ?? '').trim();
  if (!t) return { ok: false, message: `Link ${which} is empty: paste a share link (Copy share link on a notebook) or a notebook id.` };
  const hashAt = t.indexOf('#');
  const route = (hashAt >= 0 ? t.slice(hashAt + 1) : t).replace(/\?.*$/, '');
  const payloadAt = route.search(/(?:^|\/)x\d+\./);
  if (payloadAt >= 0) {
    const named = /^\/?nb\/([a-z0-9-]+)\//.exec(route)?.[1];
    const r = tryDecodeExperiment(route.slice(route[payloadAt] === '/' ? payloadAt + 1 : payloadAt));
    if (!r.ok) return { ok: false, message: `Link ${which} could not be read: ${r.error.message}` };
    if (named && named !== r.state.notebook) return { ok: false, message: `Link ${which}'s address names '${named}' but its contents are for '${r.state.notebook}': it was edited or corrupted.` };
    if (!notebooks(r.state.notebook)) return { ok: false, message: `Link ${which} is for a notebook '${r.state.notebook}' that this version of the playground does not have.` };
    return { ok: true, state: r.state, warnings: r.warnings.map((w) => `Link ${which}: ${w}`), isDefaults: false };
  }
  const id = /^\/?(?:nb\/)?([a-z0-9-]+)\/?$/.exec(route)?.[1];
  if (!id) return { ok: false, message: `Link ${which} is not a share link: expected …#/nb/<notebook>/x1.… or a notebook id, got ${JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}…` : t)}.` };
  const nb = notebooks(id);
  if (!nb) return { ok: false, message: `Link ${which} names a notebook '${id}' that this version of the playground does not have.` };
  return { ok: true, state: { v: 1, notebook: id, seed: nb.seed, inputs: {}, edits: {} }, warnings: [], isDefaults: true };
}

/**
 * A link's state as the notebook would run it: inputs it does not have, invalid input values and edits of cells
 * it does not have are dropped (the notebook page does the same when it opens the link), each with a warning.
 */
export function fitToNotebook(nb: Pick<Notebook, 'cells'>, s: ExperimentState, which: string): { state: ExperimentState; warnings: string[] } {
  const warnings: string[] = [];
  const inputs: ExperimentState['inputs'] = {};
  for (const [name, value] of Object.entries(s.inputs)) {
    const spec = nb.cells.find((c) => c.input?.name === name)?.input;
    if (!spec) warnings.push(`Link ${which} sets inputs.${name}, which this notebook does not have; it was ignored.`);
    else {
      const problem = validateInputValue(spec, value);
      if (problem) warnings.push(`Link ${which}'s inputs.${name} is invalid (${problem}); the default ${JSON.stringify(spec.value)} is used.`);
      else inputs[name] = value;
    }
  }
  const edits: ExperimentState['edits'] = {};
  for (const [id, source] of Object.entries(s.edits)) {
    if (nb.cells.some((c) => c.id === id)) edits[id] = source;
    else warnings.push(`Link ${which} edits a cell '${id}' that this notebook does not have; the edit was ignored.`);
  }
  return { state: { ...s, inputs, edits }, warnings };
}

/** The compact token for one side in a compare route: the notebook id for its defaults, else the link payload. */
export function runToken(s: ExperimentState, defaultSeed: number): string {
  const plain = s.seed === defaultSeed && !Object.keys(s.inputs).length && !Object.keys(s.edits).length && !Object.keys(s.files ?? {}).length;
  return plain ? s.notebook : encodeExperiment(s).replace(/^#/, '');
}

/** The shareable address of a comparison. */
export function compareHash(a: string, b: string): string {
  const q = [a && `a=${encodeURIComponent(a)}`, b && `b=${encodeURIComponent(b)}`].filter(Boolean).join('&');
  return `#/compare${q ? `?${q}` : ''}`;
}

/** The results of one run, as the comparison needs them. */
export interface RunResult {
  /** Scalar figures per cell: cell id → name → value. */
  figures: Record<string, Record<string, number | string | boolean>>;
  /** Verdicts: claim → headline verdict, and `claim · reading` → that reading's verdict (verdict views, judge()). */
  verdicts: Record<string, string>;
  /** Cells that failed, with their message. */
  errors: Record<string, string>;
  /** Cell id → the cells downstream of it (itself included), from the run's dependency graph, when known. */
  reach?: Record<string, string[]>;
}

/**
 * The cells a set of changes can affect (downstream of a changed input's cell or an edited cell), from a run's
 * dependency graph; `null` when every cell may be affected (a seed change, or no graph). A figure that differs
 * in a cell outside this set changed with no cause in the links: it measures this machine (a timing).
 */
export function affectedCells(changes: Change[], reach: Record<string, string[]> | undefined, inputCell: (name: string) => string | undefined): Set<string> | null {
  if (!reach || changes.some((c) => c.kind === 'seed')) return null;
  const out = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'seed') return null;
    const root = c.kind === 'input' ? inputCell(c.name) : c.kind === 'file' ? inputCell(c.input) : c.cell;
    if (root === undefined || !reach[root]) return null;
    for (const id of reach[root]) out.add(id);
  }
  return out;
}

export interface ResultDiff {
  figures: { cell: string; name: string; a: unknown; b: unknown }[];
  verdicts: { claim: string; a: string | null; b: string | null }[];
  errors: { cell: string; a: string | null; b: string | null }[];
  /** What is the same in both runs (the page lists it collapsed). */
  unchanged: { figures: { cell: string; name: string; value: unknown }[]; verdicts: { claim: string; verdict: string }[] };
}

const same = (x: unknown, y: unknown) => (typeof x === 'number' && typeof y === 'number' ? Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)) : x === y);

/** Every figure and verdict that differs between two runs, with both values (cells in run order). */
export function resultDiff(a: RunResult, b: RunResult): ResultDiff {
  const out: ResultDiff = { figures: [], verdicts: [], errors: [], unchanged: { figures: [], verdicts: [] } };
  for (const cell of [...new Set([...Object.keys(a.figures), ...Object.keys(b.figures)])]) {
    const fa = a.figures[cell] ?? {}, fb = b.figures[cell] ?? {};
    for (const name of [...new Set([...Object.keys(fa), ...Object.keys(fb)])]) {
      if (!same(fa[name], fb[name])) out.figures.push({ cell, name, a: fa[name], b: fb[name] });
      else out.unchanged.figures.push({ cell, name, value: fa[name] });
    }
  }
  for (const claim of [...new Set([...Object.keys(a.verdicts), ...Object.keys(b.verdicts)])].sort()) {
    if (a.verdicts[claim] !== b.verdicts[claim]) out.verdicts.push({ claim, a: a.verdicts[claim] ?? null, b: b.verdicts[claim] ?? null });
    else out.unchanged.verdicts.push({ claim, verdict: a.verdicts[claim] });
  }
  for (const cell of [...new Set([...Object.keys(a.errors), ...Object.keys(b.errors)])]) if (a.errors[cell] !== b.errors[cell]) out.errors.push({ cell, a: a.errors[cell] ?? null, b: b.errors[cell] ?? null });
  return out;
}

/** The settled cell states of one run, structurally (the page's and the headless session's CellState fit). */
export type SettledCell =
  | { state: 'done'; display: { figures: Record<string, number | string | boolean>; view?: ViewSpec; verdicts?: { claim: string; verdict: string; readings?: readonly { label: string; verdict: string; headline?: boolean }[] }[] } }
  | { state: 'error'; error: { message: string } }
  | { state: 'blocked'; reason: string }
  | { state: 'pending' | 'running' };

/** A run's figures, verdicts and errors, in the notebook's cell order. */
export function runResultOf(cellIds: string[], states: ReadonlyMap<string, SettledCell> | Record<string, SettledCell | undefined>): RunResult {
  const get = (id: string) => (states instanceof Map ? states.get(id) : (states as Record<string, SettledCell | undefined>)[id]);
  const r: RunResult = { figures: {}, verdicts: {}, errors: {} };
  for (const id of cellIds) {
    const st = get(id);
    if (st?.state === 'done') {
      if (Object.keys(st.display.figures).length) r.figures[id] = { ...st.display.figures };
      verdictsOf(st.display.view, r.verdicts);
      for (const v of st.display.verdicts ?? []) addVerdict(r.verdicts, v);
    } else if (st?.state === 'error') r.errors[id] = st.error.message;
    else if (st?.state === 'blocked') r.errors[id] = `not run: ${st.reason}`;
  }
  return r;
}

function verdictsOf(v: ViewSpec | undefined, into: Record<string, string>): void {
  if (!v) return;
  if (v.kind === 'verdict') addVerdict(into, v);
  else if (v.kind === 'group') for (const x of v.items) verdictsOf(x, into);
}

/** A claim's headline verdict, and each other reading's verdict as `claim · reading` (a reading may flip alone). */
function addVerdict(into: Record<string, string>, v: { claim: string; verdict: string; readings?: readonly { label: string; verdict: string; headline?: boolean }[] }): void {
  into[v.claim] = v.verdict;
  for (const r of v.readings ?? []) if (!r.headline) into[`${v.claim} · ${r.label}`] = r.verdict;
}

// ---------------------------------------------------------------------------------------------------------
// Which change flipped this verdict: A re-run with one change of B applied at a time.

export interface FlipAttribution {
  claim: string;
  a: string | null;
  b: string | null;
  /**
   * `only-change`: A and B differ in one change, so it is the cause (no re-run needed);
   * `single`: exactly one change, applied alone to A, gives B's verdict;
   * `several`: each of several changes alone gives B's verdict;
   * `interaction`: no single change does; it takes several together (`completedBy` names the change after
   * which the verdict first turns to B's, applying them in order);
   * `not-replayable`: the only candidates are own-file changes, whose data a link does not carry.
   */
  kind: 'only-change' | 'single' | 'several' | 'interaction' | 'not-replayable';
  /** The changes that alone give B's verdict. */
  flippedBy: Change[];
  /** What each replayable change alone gives (for the reader to check). */
  alone: { change: Change; verdict: string | null }[];
  /** For an interaction: applying the changes in order, the first prefix that gives B's verdict. */
  completedBy?: { change: Change; after: number };
  /**
   * A, simply run again, gave another verdict (`controlVerdict`): the verdict rests on measurements of this
   * machine (timings) and changes between runs of one link, so no change can be blamed for it with confidence.
   */
  noisy?: boolean;
  controlVerdict?: string | null;
}

export interface AttributionOptions {
  signal?: AbortSignal;
  /** Called before each re-run: done so far, total planned. */
  onProgress?: (done: number, total: number, what: string) => void;
  /** Re-runs at a time (each in its own worker); 1 by default. */
  concurrency?: number;
  /**
   * Run A once more, unchanged, as a control (default true): a verdict that changes without any change is
   * marked `noisy`. `onControl` receives that run (the page marks the figures that vary between runs).
   */
  control?: boolean;
  onControl?: (r: RunResult) => void;
}

/** `fn` over `items`, at most `n` at a time, results in input order; the first failure rejects. */
async function mapPool<T, R>(items: T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** How many re-runs attribution needs at most (singles, then one ordered path if some flip is an interaction). */
export function attributionRuns(changes: Change[], verdictsChanged: number): number {
  const n = changes.filter(isReplayable).length;
  if (!verdictsChanged || changes.length <= 1) return 0;
  // + 1: the control run (A again, unchanged).
  // The ordered path: prefixes 2…n (prefix 1 is a single; the full prefix is B itself when every change replays).
  return 1 + n + Math.max(0, n - 1 - (n === changes.length ? 1 : 0));
}

/**
 * For each changed verdict, which single change flips it. `run` computes a state's result (a worker in the
 * page, a Node worker headless). Runs are shared across verdicts; the ordered path runs only if needed.
 */
export async function attributeFlips(a: ExperimentState, changes: Change[], verdicts: ResultDiff['verdicts'], run: (s: ExperimentState) => Promise<RunResult>, opts: AttributionOptions = {}): Promise<FlipAttribution[]> {
  if (!verdicts.length) return [];
  if (changes.length === 1) {
    const c = changes[0];
    return verdicts.map((v) => ({ ...v, kind: isReplayable(c) ? 'only-change' : 'not-replayable', flippedBy: [c], alone: [] }));
  }
  const replayable = changes.filter(isReplayable);
  let done = 0;
  const total = attributionRuns(changes, verdicts.length);
  const step = async (s: ExperimentState, what: string) => {
    if (opts.signal?.aborted) throw abortError();
    opts.onProgress?.(done, total, what);
    const r = await run(s);
    done++;
    return r;
  };
  const pool = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const control = opts.control !== false;
  const jobs: (Change | null)[] = [...(control ? [null] : []), ...replayable];
  const results = await mapPool(jobs, pool, (c) => (c ? step(applyChange(a, c), `A + ${changeKey(c)}`) : step(a, 'A again, unchanged (control)')));
  const controlRun = control ? results.shift()! : null;
  if (controlRun) opts.onControl?.(controlRun);
  const singles = results;
  const alone = replayable.map((change, i) => ({ change, result: singles[i] }));
  const out: FlipAttribution[] = verdicts.map((v) => {
    const flippedBy = alone.filter((x) => (x.result.verdicts[v.claim] ?? null) === v.b).map((x) => x.change);
    const kind = flippedBy.length === 1 ? 'single' : flippedBy.length > 1 ? 'several' : replayable.length ? 'interaction' : 'not-replayable';
    const f: FlipAttribution = { ...v, kind, flippedBy, alone: alone.map((x) => ({ change: x.change, verdict: x.result.verdicts[v.claim] ?? null })) };
    const again = controlRun ? controlRun.verdicts[v.claim] ?? null : v.a;
    if (again !== v.a) Object.assign(f, { noisy: true, controlVerdict: again });
    return f;
  });
  // Interactions: add the changes to A in order; the prefix at which each verdict first turns to B's names the
  // change that completed it. Prefix 1 is a single (already run); the full prefix is B itself when every change
  // replays.
  const open = out.filter((f) => f.kind === 'interaction');
  if (open.length && replayable.length > 1) {
    const prefixes: ExperimentState[] = [];
    let s = a;
    for (const c of replayable) prefixes.push((s = applyChange(s, c)));
    const full = replayable.length === changes.length;
    const toRun = prefixes.map((p, k) => ({ p, k })).filter(({ k }) => k > 0 && !(full && k === prefixes.length - 1));
    const ran = await mapPool(toRun, pool, ({ p, k }) => step(p, `A + first ${k + 1} changes`));
    const verdictAt = (k: number, claim: string, b: string | null): string | null => {
      if (k === 0) return alone[0].result.verdicts[claim] ?? null;
      const i = toRun.findIndex((x) => x.k === k);
      return i >= 0 ? ran[i].verdicts[claim] ?? null : b;
    };
    for (const f of open) {
      const k = prefixes.findIndex((_, k) => verdictAt(k, f.claim, f.b) === f.b);
      if (k >= 0) f.completedBy = { change: replayable[k], after: k + 1 };
    }
  }
  opts.onProgress?.(done, done, 'done');
  return out;
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

/** One sentence for a flip, as the page and the headless report say it. */
export function describeFlip(f: FlipAttribution, labels: Record<string, string> = {}): string {
  const why = describeCause(f, labels);
  return f.noisy ? `A run again, unchanged, gives ${f.controlVerdict ?? 'no verdict'}: this verdict rests on measurements of this machine and changes between runs of the same link, so the attribution is not reliable (${why})` : why;
}

function describeCause(f: FlipAttribution, labels: Record<string, string>): string {
  const names = f.flippedBy.map((c) => changeKey(c)).join(', ');
  switch (f.kind) {
    case 'only-change':
      return `flipped by ${names}: it is the only difference between A and B`;
    case 'single':
      return `flipped by ${names}: applied alone to A, it gives B's verdict; no other single change does`;
    case 'several':
      return `each of ${names} alone flips it`;
    case 'interaction':
      return `no single change flips it: it takes several together${f.completedBy ? ` (adding the changes to A in the order listed, it turns to B's verdict once ${changeKey(f.completedBy.change)} is added, change ${f.completedBy.after} in that order)` : ''}`;
    case 'not-replayable':
      return `only own-file changes remain as causes, and a link does not carry the files' data, so they cannot be re-run here${f.flippedBy.length ? ` (${f.flippedBy.map((c) => describeChange(c, labels)).join('; ')})` : ''}`;
  }
}

/** The comparison as data (the headless `--json` output and the page's download are this object). */
export function comparisonReport(notebook: string, links: { a: string; b: string }, changes: Change[], diff: ResultDiff, flips: FlipAttribution[], varying: string[], labels: Record<string, string> = {}) {
  const { unchanged, ...changed } = diff;
  return {
    notebook,
    a: links.a,
    b: links.b,
    changes,
    ...changed,
    unchangedFigures: unchanged.figures.length,
    unchangedVerdicts: unchanged.verdicts,
    varyingFigures: varying,
    flippedBy: flips.map((f) => ({ ...f, explanation: describeFlip(f, labels) })),
  };
}
