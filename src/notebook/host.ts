/**
 * The notebook host: compiles cells, drives the reactive runtime and reports statuses as messages.
 * It runs inside a Web Worker in the browser and inside a worker thread in the headless runner; the
 * environment (how to post messages, how to read data files) is injected, so this module has no DOM.
 */
import { parseNotebook, validateInputValue, type CellDef, type InputValue } from './format';
import { analyzeCodeCell, analyzeViewCell, CellSyntaxError, isJsGlobal, locateRuntimeError } from './analyze';
import { Runtime, RuntimeError, SupersededError, type CellStatus, type CellValues, type RuntimeCellSpec } from './runtime';
import { isLibraryName, resolveLibrary, type CellContext } from './library';
import { inspect, scalarFigures } from './inspect';
import { isJudgedVerdict, isViewSpec, type ViewSpec } from './views';
import type { CellDisplay, CellErrorInfo, MainToWorker, NotebookVerdict, WorkerToMain } from '../workers/protocol';
import { createFormulaEngine, FormulaError } from './formula';

export interface HostEnv {
  post(msg: WorkerToMain): void;
  /** Read a file shipped under public/ (e.g. 'data/index.json'). */
  fetchText(path: string): Promise<string>;
  now(): number;
  /** The Markdown of a shipped notebook, by id (for runNotebook, used by the claims ledger). */
  notebookSource?(id: string): Promise<string>;
  /** Delay before a recompute pass after a change; changes within it coalesce (default: one frame, 16 ms). */
  coalesceMs?: number;
}

/** Let queued messages (newer inputs) be handled before a cell starts: one macrotask turn. */
function yieldToEvents(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(null);
  });
}

/** What runNotebook(id) returns to a cell: the other notebook's verdicts and scalar figures. */
export interface NotebookRun {
  id: string;
  title: string;
  inputs: Record<string, InputValue>;
  seed: number;
  verdicts: NotebookVerdict[];
  figures: Record<string, number | string | boolean>;
  errors: { cell: string; message: string }[];
  ms: number;
}

const VIEW_KEY = '#view';

/**
 * `configurationsTried`: how many distinct experiment configurations (inputs, seed, edits) the user has run
 * in this browser session. A hidden input the page updates, so cells using it (the deflated Sharpe ratio
 * counts trials) re-run when it changes. Headless runs count 1.
 */
export const TRIALS_NAME = 'configurationsTried';
const TRIALS_CELL: CellDef = {
  id: '__configurationsTried', type: 'input', lang: 'input', source: '', attrs: {}, line: 0, fence: [0, 0], section: 0,
  input: { name: TRIALS_NAME, type: 'number', label: 'configurations tried in this session', value: 1, min: 1 },
};
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<CellValues>;

export class CellRunError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number, readonly frame?: string, readonly kind = 'runtime') {
    super(message);
    this.name = 'CellRunError';
  }
}

/**
 * A QASM parse error thrown inside a cell is about the QASM text, not the JavaScript line that called the parser:
 * report its QASM line and column, with the offending line and a caret (QasmError.frame).
 */
function qasmRunError(e: unknown): CellRunError | null {
  const q = e as { name?: unknown; line?: unknown; column?: unknown; detail?: unknown; frame?: unknown } | null;
  if (!q || q.name !== 'QasmError' || typeof q.line !== 'number' || typeof q.column !== 'number') return null;
  return new CellRunError(`QASM line ${q.line}, column ${q.column}: ${typeof q.detail === 'string' ? q.detail : String((e as Error).message)}`, undefined, undefined, typeof q.frame === 'string' ? q.frame : undefined, 'qasm');
}

export class NotebookHost {
  private runtime: Runtime;
  private cells = new Map<string, CellDef>();
  private sources = new Map<string, string>();
  private inputs: Record<string, InputValue> = {};
  private blocked: Record<string, string> = {};
  private seed = 0;
  private formulas = createFormulaEngine({ seed: 0 });
  private startedAt = new Map<string, number>();
  private nextCallId = 1;
  private pendingCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private datasets = new Map<string, Promise<unknown>>();
  private uploads = new Map<string, { fileName: string; text: string; bytes?: Uint8Array; blob?: Blob; companions?: { name: string; text: string }[] }>();
  /** The newest change (`seq` of the page's message) handled so far; statuses carry it, so the page can tell a
   *  result computed before its latest change (stale, still shown but marked) from a fresh one. */
  private seq = 0;

  constructor(private readonly env: HostEnv) {
    const ms = env.coalesceMs ?? 16;
    this.runtime = new Runtime((id, s) => this.report(id, s), {
      schedule: (flush) => void setTimeout(flush, ms),
      beforeRun: yieldToEvents,
    });
  }

  handle(msg: MainToWorker): void {
    if ('seq' in msg && typeof msg.seq === 'number') this.seq = Math.max(this.seq, msg.seq);
    this.apply(msg);
    if (msg.type === 'load' || msg.type === 'editCell' || msg.type === 'unblock') this.env.post({ type: 'graph', deps: this.runtime.graph() });
  }

  private apply(msg: MainToWorker): void {
    switch (msg.type) {
      case 'load':
        this.seed = msg.seed;
        this.formulas = createFormulaEngine({ seed: msg.seed });
        this.inputs = { ...msg.inputs };
        this.blocked = { ...msg.blocked };
        this.cells = new Map(msg.cells.map((c) => [c.id, c]));
        this.sources = new Map(msg.cells.map((c) => [c.id, msg.edits[c.id] ?? c.source]));
        for (const c of msg.cells) this.runtime.define(this.compile(c));
        if (!msg.cells.some((c) => c.input?.name === TRIALS_NAME)) {
          this.cells.set(TRIALS_CELL.id, TRIALS_CELL);
          this.runtime.define(this.compile(TRIALS_CELL));
        }
        break;
      case 'setInput': {
        this.inputs[msg.name] = msg.value;
        const cell = [...this.cells.values()].find((c) => c.input?.name === msg.name);
        if (cell) this.runtime.define(this.compile(cell));
        break;
      }
      case 'editCell': {
        const cell = this.cells.get(msg.id);
        if (!cell) return;
        this.sources.set(msg.id, msg.source);
        delete this.blocked[msg.id];
        this.runtime.define(this.compile(cell));
        break;
      }
      case 'unblock': {
        const cell = this.cells.get(msg.id);
        delete this.blocked[msg.id];
        if (cell) this.runtime.define(this.compile(cell));
        break;
      }
      case 'setSeed':
        this.seed = msg.seed;
        this.formulas = createFormulaEngine({ seed: msg.seed });
        for (const c of this.cells.values()) this.runtime.define(this.compile(c));
        break;
      case 'addDataset':
        this.uploads.set(msg.id, { fileName: msg.fileName, text: msg.text, bytes: msg.bytes, blob: msg.blob, companions: msg.companions });
        this.datasets.delete(msg.id);
        // Cells reading this dataset re-run through their input cell, which the page sets next.
        break;
      case 'mainResult': {
        const p = this.pendingCalls.get(msg.callId);
        if (!p) return;
        this.pendingCalls.delete(msg.callId);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(new Error(msg.error ?? 'main-thread call failed'));
        break;
      }
    }
  }

  /** Settles once every cell has finished (for the headless runner and tests). */
  idle(): Promise<void> {
    return this.runtime.idle();
  }

  private compile(cell: CellDef): RuntimeCellSpec {
    const source = this.sources.get(cell.id) ?? cell.source;
    const blocked = this.blocked[cell.id];
    try {
      switch (cell.type) {
        case 'input': {
          const name = cell.input!.name;
          const value = name in this.inputs ? this.inputs[name] : cell.input!.value;
          return { id: cell.id, defines: [name], references: [], run: () => ({ [name]: value }) };
        }
        case 'formula': {
          const { defines, references } = this.formulas.analyze(source);
          return { id: cell.id, defines, references, blocked, run: (args) => this.formulas.evaluate(source, args) };
        }
        case 'code':
        case 'view': {
          const analysis = cell.type === 'code' ? analyzeCodeCell(source, cell.lang === 'ts' ? 'ts' : 'js') : analyzeViewCell(source);
          const params = analysis.references.filter((r) => !isJsGlobal(r));
          const fn = new AsyncFunction(...params, analysis.body);
          return {
            id: cell.id,
            defines: analysis.defines,
            references: analysis.references,
            blocked,
            run: async (args, signal) => {
              const ctx = this.context(cell.id, signal);
              const values: unknown[] = [];
              for (const p of params) {
                if (p in args) values.push(args[p]);
                else if (isLibraryName(p)) values.push(await resolveLibrary(p, ctx));
                else throw new CellRunError(`'${p}' is not defined by any cell, input or library name`);
              }
              let result: CellValues;
              try {
                result = await fn(...values);
              } catch (e) {
                if (e instanceof SupersededError) throw e;
                const qasm = qasmRunError(e);
                if (qasm) throw qasm;
                const where = locateRuntimeError(e);
                const err = e as Error;
                throw new CellRunError(`${err?.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err?.message ?? String(e)}`, where?.line, where?.column);
              }
              return cell.type === 'view' ? { [VIEW_KEY]: result } : result;
            },
          };
        }
      }
    } catch (e) {
      return { id: cell.id, defines: [], references: [], error: e as Error };
    }
  }

  private context(cellId: string, signal?: AbortSignal): CellContext {
    return {
      cellId,
      seed: this.seed,
      signal,
      // A superseded run stops at its next progress report: the newer inputs are already on their way.
      progress: (fraction, message) => {
        if (signal?.aborted) throw new SupersededError();
        this.env.post({ type: 'progress', id: cellId, fraction: Math.max(0, Math.min(1, Number(fraction) || 0)), message });
      },
      loadDataset: (id) => this.loadDataset(id),
      runNotebook: (id, opts) => this.runNotebook(cellId, id, opts ?? {}),
      onMainThread: (fn, ...args) =>
        new Promise((resolve, reject) => {
          const callId = this.nextCallId++;
          this.pendingCalls.set(callId, { resolve, reject });
          this.env.post({ type: 'mainCall', callId, fn, args });
        }),
    };
  }

  /**
   * Run another shipped notebook to completion inside this worker and return its verdicts and figures.
   * Its progress is reported as this cell's progress, and its main-thread probes go through this host.
   */
  private async runNotebook(cellId: string, id: string, opts: { inputs?: Record<string, InputValue>; seed?: number }): Promise<NotebookRun> {
    if (!this.env.notebookSource) throw new Error('runNotebook is not available in this environment');
    const nb = parseNotebook(await this.env.notebookSource(id), id);
    const inputs = { ...(opts.inputs ?? {}) };
    // An own file set on this session under a dataset input's name (`npm run ledger -- --data`) reaches the notebooks it runs.
    for (const c of nb.cells) {
      const v = c.input?.type === 'dataset' && !(c.input.name in inputs) ? this.inputs[c.input.name] : undefined;
      if (typeof v === 'string' && v.startsWith('upload:')) inputs[c.input!.name] = v;
    }
    for (const [name, value] of Object.entries(inputs)) {
      const spec = nb.cells.find((c) => c.input?.name === name)?.input;
      if (!spec) throw new Error(`runNotebook('${id}'): it has no input '${name}' (inputs: ${nb.cells.filter((c) => c.input).map((c) => c.input!.name).join(', ')})`);
      const problem = validateInputValue(spec, value);
      if (problem) throw new Error(`runNotebook('${id}'): inputs.${name}: ${problem}`);
    }
    const seed = opts.seed ?? nb.meta.seed;
    const t0 = this.env.now();
    const finished = new Map<string, WorkerToMain>();
    const total = nb.cells.length;
    const outer = this.context(cellId);
    const nested: NotebookHost = new NotebookHost({
      fetchText: (p) => this.env.fetchText(p),
      now: () => this.env.now(),
      notebookSource: this.env.notebookSource,
      post: (m) => {
        if (m.type === 'status' && (m.state === 'done' || m.state === 'error' || m.state === 'blocked')) {
          finished.set(m.id, m);
          outer.progress(finished.size / total, `${nb.meta.title}: ${finished.size}/${total} cells`);
        } else if (m.type === 'progress') {
          outer.progress(finished.size / total, `${nb.meta.title} › ${m.id}: ${m.message ?? `${Math.round(m.fraction * 100)}%`}`);
        } else if (m.type === 'mainCall') {
          outer.onMainThread(m.fn, ...m.args).then(
            (value) => nested.handle({ type: 'mainResult', callId: m.callId, ok: true, value }),
            (e: Error) => nested.handle({ type: 'mainResult', callId: m.callId, ok: false, error: e.message }),
          );
        }
      },
    });
    // The user's own files reach the notebooks this one runs (the ledger on your data).
    for (const [uid, up] of this.uploads) nested.handle({ type: 'addDataset', id: uid, ...up });
    nested.handle({ type: 'load', cells: nb.cells, seed, inputs, edits: {}, blocked: {} });
    await nested.idle();
    const run: NotebookRun = { id, title: nb.meta.title, inputs, seed, verdicts: [], figures: {}, errors: [], ms: this.env.now() - t0 };
    for (const c of nb.cells) {
      const m = finished.get(c.id);
      if (m?.type !== 'status') continue;
      if (m.state === 'done') {
        Object.assign(run.figures, m.display.figures);
        // One verdict per claim: a judgement repeated in a later cell (a summary at the top, say) replaces it.
        for (const v of m.display.verdicts ?? []) run.verdicts = [...run.verdicts.filter((x) => x.claim !== v.claim), v];
      } else if (m.state === 'error') run.errors.push({ cell: c.id, message: m.error.message });
    }
    return run;
  }

  private loadDataset(id: string): Promise<unknown> {
    let p = this.datasets.get(id);
    if (!p) {
      p = (async () => {
        const market = (await resolveLibrary('market', this.context('dataset'))) as typeof import('../engine/market/index');
        // Candles resolve to the series itself (what every notebook reads); other kinds to their parsed file.
        const unwrap = (f: ReturnType<typeof market.parseDataFile>) => (f.kind === 'candles' ? f.result.data : f);
        if (id.startsWith('upload:')) {
          const up = this.uploads.get(id);
          if (!up) throw new Error(`dataset '${id}' was a file on another machine or in an earlier visit: files you drop stay in your browser and are not part of links or saved edits. Drop the file again to use it.`);
          const bytes = up.blob ? new Uint8Array(await up.blob.arrayBuffer()) : up.bytes;
          return unwrap(market.parseDataFile(bytes ?? up.text, up.fileName, undefined, up.companions));
        }
        const manifest = JSON.parse(await this.env.fetchText('data/index.json')) as { datasets: { id: string; file: string }[]; runs?: { id: string; file: string }[] };
        const run = manifest.runs?.find((d) => d.id === id);
        if (run) return unwrap(market.parseDataFile(await this.env.fetchText(`data/${run.file}`), run.file));
        const entry = manifest.datasets.find((d) => d.id === id);
        if (!entry) throw new Error(`unknown dataset '${id}' (available: ${[...manifest.datasets, ...(manifest.runs ?? [])].map((d) => d.id).join(', ')})`);
        const text = await this.env.fetchText(`data/${entry.file}`);
        return market.parseOhlcv(text, entry.file).data;
      })();
      this.datasets.set(id, p);
      p.catch(() => this.datasets.delete(id));
    }
    return p;
  }

  private report(id: string, s: CellStatus): void {
    if (id === TRIALS_CELL.id) return; // hidden: the page shows the count itself
    const at = this.env.now();
    const seq = this.seq;
    switch (s.state) {
      case 'pending':
        this.env.post({ type: 'status', id, state: 'pending', at, seq });
        break;
      case 'running':
        this.startedAt.set(id, at);
        this.env.post({ type: 'status', id, state: 'running', at, seq });
        break;
      case 'done': {
        const ms = at - (this.startedAt.get(id) ?? at);
        let display: CellDisplay;
        try {
          display = toDisplay(s.values);
        } catch (e) {
          this.env.post({ type: 'status', id, state: 'error', error: { message: (e as Error).message }, at });
          return;
        }
        try {
          this.env.post({ type: 'status', id, state: 'done', display, at, ms, seq });
        } catch (e) {
          // postMessage could not clone the view (a function inside plot options, say): say where.
          this.env.post({ type: 'status', id, state: 'error', error: { message: `this view cannot be shown: ${(e as Error).message}. Views must be plain data (numbers, strings, arrays, objects) — no functions.` }, at });
        }
        break;
      }
      case 'error':
        this.env.post({ type: 'status', id, state: 'error', error: errorInfo(s.error), at, seq });
        break;
      case 'blocked':
        this.env.post({ type: 'status', id, state: 'blocked', reason: s.reason, at, seq });
        break;
    }
  }
}

function toDisplay(values: CellValues): CellDisplay {
  const named: Record<string, unknown> = {};
  let view: ViewSpec | undefined;
  for (const [k, v] of Object.entries(values)) {
    if (k === VIEW_KEY) {
      // A view that returns a plain value (not plot/table/…) shows it in the inspector.
      if (isViewSpec(v)) view = v;
      else named.value = v;
    } else named[k] = v;
  }
  const inspected: Record<string, ReturnType<typeof inspect>> = {};
  for (const [k, v] of Object.entries(named)) inspected[k] = inspect(v);
  const display: CellDisplay = { values: inspected, figures: scalarFigures(named), view };
  const verdicts = judgedVerdicts([...Object.values(named), view]);
  if (verdicts.length) display.verdicts = verdicts;
  return display;
}

/**
 * The claim verdicts a cell produced with judge(): found in its named values and its view (inside groups
 * and arrays), one per claim (the same judgement shown twice is reported once).
 */
function judgedVerdicts(roots: unknown[]): NotebookVerdict[] {
  const byClaim = new Map<string, NotebookVerdict>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (isJudgedVerdict(v)) {
      const { claim, title, quote, section, notebook, verdict, reading, readingLabel, rule, readings, figures } = v;
      byClaim.set(claim, {
        claim, title, quote, section, notebook, verdict, reading, readingLabel, rule, readings,
        figures: (figures ?? []).map((f) => ({ label: f.label, value: f.value, ...(f.unit ? { unit: f.unit } : {}) })),
      });
      return;
    }
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if ((v as ViewSpec).kind === 'group') for (const x of (v as { items: unknown[] }).items) walk(x, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return [...byClaim.values()];
}

function errorInfo(e: Error): CellErrorInfo {
  if (e instanceof CellSyntaxError) return { message: e.reason, line: e.line, column: e.column, kind: 'syntax' };
  if (e instanceof FormulaError) return { message: e.message, line: e.line, column: e.column, kind: 'formula' };
  if (e instanceof CellRunError) return { message: e.message, line: e.line, column: e.column, kind: e.kind, ...(e.frame ? { frame: e.frame } : {}) };
  if (e instanceof RuntimeError) return { message: e.message, kind: e.kind };
  return { message: e.message || String(e) };
}

/** Wire a host to a message port (worker global scope, or a Node worker's parentPort). */
export function connectHost(env: Omit<HostEnv, 'post'>, port: { postMessage(m: unknown): void; onMessage(cb: (m: MainToWorker) => void): void }): NotebookHost {
  const host = new NotebookHost({ ...env, post: (m) => port.postMessage(m) });
  port.onMessage((m) => host.handle(m));
  port.postMessage({ type: 'ready' } satisfies WorkerToMain);
  return host;
}
