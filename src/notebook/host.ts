/**
 * The notebook host: drives the reactive runtime for one notebook and reports statuses as messages
 * (the contract is protocol.ts). It runs inside a Web Worker in the browser and inside a worker thread in the
 * headless runner; the environment (how to post messages, how to read data files) is injected, so this module
 * has no DOM. Its other jobs live next to it, one module each:
 *   compileCell.ts      cell source → runtime spec (code, formula, view, input cells)
 *   cellDisplay.ts      finished values → CellDisplay (inspected values, figures, view, verdicts); errors → CellErrorInfo
 *   nestedNotebook.ts   runNotebook(id): another notebook run to completion inside this host
 *   datasets.ts         loadDataset(id): shipped datasets, freqtrade runs and dropped files
 *   mainThreadCalls.ts  onMainThread(fn, ...args): calls the page answers
 */
import type { CellDef, InputValue } from './format';
import { Runtime, SupersededError, type CellStatus, type RuntimeCellSpec } from './runtime';
import { resolveLibrary, type CellContext } from './library';
import type { CellDisplay, MainToWorker, WorkerToMain } from './protocol';
import type { FormulaEngine } from './formulaTypes';
import { compileCell } from './compileCell';
import { errorInfo, toDisplay } from './cellDisplay';
import { runNestedNotebook, type NestedRunEnv, type NotebookRun } from './nestedNotebook';
import type { ExperimentRunner, LedgerRunOptions } from './experimentRunner';
import { DatasetStore } from './datasets';
import { MainThreadCalls } from './mainThreadCalls';

export { CellRunError } from './compileCell';
export type { NotebookRun } from './nestedNotebook';

export interface HostEnv {
  post(msg: WorkerToMain): void;
  /** Read a file shipped under public/ (e.g. 'data/index.json'). */
  fetchText(path: string): Promise<string>;
  now(): number;
  /** The Markdown of a shipped notebook, by id (for runNotebook, used by the claims ledger). */
  notebookSource?(id: string): Promise<string>;
  /** Delay before a recompute pass after a change; changes within it coalesce (default: one frame, 16 ms). */
  coalesceMs?: number;
  /**
   * Serves runNotebook calls (the claims ledger): result cache, runner pool, timing runs alone. Without it a
   * run goes straight into this worker, one nested host per call.
   */
  experiments?: ExperimentRunner;
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

export class NotebookHost {
  private runtime: Runtime;
  private cells = new Map<string, CellDef>();
  private sources = new Map<string, string>();
  private inputs: Record<string, InputValue> = {};
  private blocked: Record<string, string> = {};
  private seed = 0;
  /** Created on first use: a mathjs instance costs ~0.1–0.3 s, and most notebooks have no formula cell. */
  private formulaEngine: FormulaEngine | null = null;
  /** formula.ts (mathjs), imported on the first notebook that has a formula cell. */
  private formulaModule: typeof import('./formula') | null = null;
  /** Why that import failed, if it did (formula cells then report it). */
  private formulaLoadError = '';
  /** Messages waiting for that import, in arrival order (null: none). */
  private queue: Promise<void> | null = null;
  private startedAt = new Map<string, number>();
  private readonly mainCalls: MainThreadCalls;
  private readonly datasets: DatasetStore;
  /** The newest change (`seq` of the page's message) handled so far; statuses carry it, so the page can tell a
   *  result computed before its latest change (stale, still shown but marked) from a fresh one. */
  private seq = 0;
  /**
   * runNotebook calls in flight per cell: `abortable` while they wait for the cache, the gate or the runner pool
   * (an AbortSignal stops them), `inThread` once one runs its notebook in this thread (nothing can stop that
   * but replacing the worker). See `cancelCell`.
   */
  private nestedCalls = new Map<string, { abortable: number; inThread: number }>();

  constructor(private readonly env: HostEnv) {
    const ms = env.coalesceMs ?? 16;
    this.runtime = new Runtime((id, s) => this.report(id, s), {
      schedule: (flush) => void setTimeout(flush, ms),
      beforeRun: yieldToEvents,
    });
    this.mainCalls = new MainThreadCalls((m) => this.env.post(m));
    this.datasets = new DatasetStore(
      (p) => this.env.fetchText(p),
      () => resolveLibrary('market', this.context('dataset')) as Promise<typeof import('../engine/market/index')>,
    );
  }

  handle(msg: MainToWorker): void {
    // mathjs costs ≈ 0.5 s to import, so it loads only for a notebook with a formula cell; messages arriving
    // meanwhile wait behind it, in order.
    const needsFormulas = !this.formulaModule && msg.type === 'load' && msg.cells.some((c) => c.type === 'formula');
    if (!needsFormulas && !this.queue) return this.handleNow(msg);
    const queued = (this.queue ?? Promise.resolve()).then(async () => {
      if (needsFormulas && !this.formulaModule) {
        this.formulaModule = await import('./formula').catch((e: unknown) => {
          this.formulaLoadError = e instanceof Error ? e.message : String(e);
          return null;
        });
      }
      this.handleNow(msg);
    });
    this.queue = queued;
    void queued.finally(() => {
      if (this.queue === queued) this.queue = null;
    });
  }

  private handleNow(msg: MainToWorker): void {
    if ('seq' in msg && typeof msg.seq === 'number') this.seq = Math.max(this.seq, msg.seq);
    this.apply(msg);
    if (msg.type === 'load' || msg.type === 'editCell' || msg.type === 'unblock') this.env.post({ type: 'graph', deps: this.runtime.graph() });
  }

  private apply(msg: MainToWorker): void {
    switch (msg.type) {
      case 'load':
        this.seed = msg.seed;
        this.formulaEngine = null;
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
        this.formulaEngine = null;
        for (const c of this.cells.values()) this.runtime.define(this.compile(c));
        break;
      case 'addDataset':
        this.datasets.addUpload(msg.id, { fileName: msg.fileName, text: msg.text, bytes: msg.bytes, blob: msg.blob, companions: msg.companions });
        // Cells reading this dataset re-run through their input cell, which the page sets next.
        break;
      case 'mainResult':
        this.mainCalls.settle(msg);
        break;
      case 'cancelCell': {
        // Only a cell that is just waiting on runNotebook calls that a signal stops can be stopped without
        // replacing the worker: held back like a blocked cell (its run is superseded: the signal cancels them).
        const cell = this.cells.get(msg.id);
        const calls = this.nestedCalls.get(msg.id);
        const stopped = !!cell && !!calls && calls.abortable > 0 && calls.inThread === 0;
        if (stopped) {
          this.blocked[msg.id] = msg.reason;
          this.runtime.define(this.compile(cell));
        }
        this.env.post({ type: 'cancelled', id: msg.id, stopped });
        break;
      }
    }
  }

  /** Settles once every cell has finished (for the headless runner and tests). */
  async idle(): Promise<void> {
    while (this.queue) await this.queue;
    return this.runtime.idle();
  }

  private compile(cell: CellDef): RuntimeCellSpec {
    return compileCell(cell, {
      source: this.sources.get(cell.id) ?? cell.source,
      blocked: this.blocked[cell.id],
      inputs: this.inputs,
      formulas: () => {
        if (!this.formulaModule) throw new Error(`the formula engine (mathjs) could not be loaded in this worker${this.formulaLoadError ? `: ${this.formulaLoadError}` : ''}`);
        return (this.formulaEngine ??= this.formulaModule.createFormulaEngine({ seed: this.seed }));
      },
      context: (cellId, signal) => this.context(cellId, signal),
    });
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
      loadDataset: (id) => this.datasets.load(id),
      runNotebook: (id, opts) => this.runNotebook(cellId, id, opts ?? {}, signal),
      onMainThread: (fn, ...args) => this.mainCalls.call(fn, args),
    };
  }

  private runNotebook(cellId: string, id: string, opts: LedgerRunOptions, signal?: AbortSignal): Promise<NotebookRun> {
    if (!this.env.notebookSource) return Promise.reject(new Error('runNotebook is not available in this environment'));
    const notebookSource = (nb: string) => this.env.notebookSource!(nb);
    const calls = this.nestedCalls.get(cellId) ?? { abortable: 0, inThread: 0 };
    this.nestedCalls.set(cellId, calls);
    // Without an experiment runner the notebook always runs in this thread, and no signal reaches it.
    let inThread = !this.env.experiments;
    if (inThread) calls.inThread++;
    else calls.abortable++;
    const nested: NestedRunEnv = {
      notebookSource,
      now: () => this.env.now(),
      callerInputs: this.inputs,
      uploads: () => this.datasets.uploads(),
      outer: this.context(cellId),
      signal,
      // Called only when the notebook runs in this thread (not on the pool, not from the cache).
      createHost: (post) => {
        if (!inThread) {
          inThread = true;
          calls.abortable--;
          calls.inThread++;
        }
        return new NotebookHost({
          fetchText: (p) => this.env.fetchText(p),
          now: () => this.env.now(),
          notebookSource,
          post,
        });
      },
    };
    const run = this.env.experiments ? this.env.experiments.run(id, opts, nested) : runNestedNotebook(id, opts, nested);
    return run.finally(() => {
      if (inThread) calls.inThread--;
      else calls.abortable--;
    });
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

/** Wire a host to a message port (worker global scope, or a Node worker's parentPort). */
export function connectHost(env: Omit<HostEnv, 'post'>, port: { postMessage(m: unknown): void; onMessage(cb: (m: MainToWorker) => void): void }): NotebookHost {
  const host = new NotebookHost({ ...env, post: (m) => port.postMessage(m) });
  port.onMessage((m) => host.handle(m));
  port.postMessage({ type: 'ready' } satisfies WorkerToMain);
  return host;
}
