/**
 * The page's (or the headless runner's) handle on a notebook worker: sends edits and inputs, collects
 * statuses, and enforces time limits. A message cannot interrupt a busy loop, so a cell that runs past its
 * timeout without reporting progress, or that the user cancels, is stopped by terminating the worker; a
 * fresh worker then recomputes the notebook with that cell held back until the user runs it again.
 */
import type { CellDef, InputValue } from '../notebook/format';
import type { CellDisplay, CellErrorInfo, MainToWorker, WorkerToMain } from './protocol';

export interface WorkerLike {
  postMessage(msg: MainToWorker): void;
  terminate(): void;
  onmessage: ((msg: WorkerToMain) => void) | null;
  onerror?: ((message: string) => void) | null;
}

export type CellState =
  | { state: 'pending' }
  | { state: 'running'; since: number; progress?: number; message?: string }
  | { state: 'done'; display: CellDisplay; ms: number }
  | { state: 'error'; error: CellErrorInfo }
  | { state: 'blocked'; reason: string };

export interface SessionOptions {
  createWorker(): WorkerLike;
  /** Functions a cell may run on the main thread via onMainThread(name, …args) (timer probes). */
  mainFunctions?: Record<string, (...args: any[]) => Promise<unknown> | unknown>;
  /** Default time a cell may run without finishing or reporting progress. */
  defaultTimeoutMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onChange?(cellId: string, state: CellState): void;
  onLog?(cellId: string, level: string, text: string): void;
}

export const DEFAULT_CELL_TIMEOUT_MS = 20_000;
export const CANCELLED_REASON = 'Cancelled by you. Edit the cell or press Run to try again.';

export class NotebookSession {
  readonly states = new Map<string, CellState>();
  private worker: WorkerLike | null = null;
  private cells: CellDef[] = [];
  private seed = 0;
  private inputs: Record<string, InputValue> = {};
  private edits: Record<string, string> = {};
  private blocked: Record<string, string> = {};
  private uploads = new Map<string, { fileName: string; text: string; bytes?: Uint8Array; blob?: Blob; companions?: { name: string; text: string }[] }>();
  private watchdogs = new Map<string, unknown>();
  private readonly opts: Required<Pick<SessionOptions, 'defaultTimeoutMs' | 'now' | 'setTimer' | 'clearTimer'>> & SessionOptions;
  private idleWaiters: (() => void)[] = [];
  /** Workers started so far: 1 after load, +1 for every cancel or timeout. */
  workersStarted = 0;

  constructor(opts: SessionOptions) {
    this.opts = {
      ...opts,
      defaultTimeoutMs: opts.defaultTimeoutMs ?? DEFAULT_CELL_TIMEOUT_MS,
      now: () => performance.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    if (opts.now) this.opts.now = opts.now;
    if (opts.setTimer) this.opts.setTimer = opts.setTimer;
    if (opts.clearTimer) this.opts.clearTimer = opts.clearTimer;
  }

  load(cells: CellDef[], state: { seed: number; inputs: Record<string, InputValue>; edits: Record<string, string>; blocked?: Record<string, string> }): void {
    this.cells = cells;
    this.seed = state.seed;
    this.inputs = { ...state.inputs };
    this.edits = { ...state.edits };
    this.blocked = { ...(state.blocked ?? {}) };
    this.restart();
  }

  setInput(name: string, value: InputValue): void {
    this.inputs[name] = value;
    this.send({ type: 'setInput', name, value });
  }

  editCell(id: string, source: string): void {
    this.edits[id] = source;
    delete this.blocked[id];
    this.send({ type: 'editCell', id, source });
  }

  /** A user's own data file: kept here so a restarted worker gets it again. */
  addDataset(id: string, fileName: string, text: string, bytes?: Uint8Array, companions?: { name: string; text: string }[], blob?: Blob): void {
    // A Blob (the dropped File) crosses to the worker by reference: the page never copies a big file.
    this.uploads.set(id, { fileName, text, bytes, blob, companions });
    this.send({ type: 'addDataset', id, fileName, text, bytes, blob, companions });
  }

  /** Run a held-back cell (cancelled, timed out, or untrusted code the user has now accepted). */
  unblock(id: string): void {
    delete this.blocked[id];
    this.send({ type: 'unblock', id });
  }

  setSeed(seed: number): void {
    this.seed = seed;
    this.send({ type: 'setSeed', seed });
  }

  /** Stop a running cell: the worker is replaced and the cell is held back. */
  cancel(id: string, reason = CANCELLED_REASON): void {
    this.blocked[id] = reason;
    this.restart();
  }

  cellTimeoutMs(id: string): number {
    const t = Number(this.cells.find((c) => c.id === id)?.attrs.timeout);
    return Number.isFinite(t) && t > 0 ? t : this.opts.defaultTimeoutMs;
  }

  /** Resolves when no cell is pending or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  isIdle(): boolean {
    if (this.states.size < this.cells.length) return false;
    for (const s of this.states.values()) if (s.state === 'pending' || s.state === 'running') return false;
    return true;
  }

  dispose(): void {
    for (const h of this.watchdogs.values()) this.opts.clearTimer(h);
    this.watchdogs.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private restart(): void {
    this.dispose();
    this.workersStarted++;
    this.states.clear();
    const w = this.opts.createWorker();
    this.worker = w;
    w.onmessage = (m) => {
      if (this.worker === w) this.receive(m);
    };
    w.onerror = (message) => {
      if (this.worker !== w) return;
      for (const c of this.cells) {
        const s = this.states.get(c.id);
        if (!s || s.state === 'pending' || s.state === 'running') this.set(c.id, { state: 'error', error: { message: `the notebook worker crashed: ${message}` } });
      }
    };
    for (const c of this.cells) this.set(c.id, { state: 'pending' });
    for (const [id, u] of this.uploads) w.postMessage({ type: 'addDataset', id, ...u });
    w.postMessage({ type: 'load', cells: this.cells, seed: this.seed, inputs: this.inputs, edits: this.edits, blocked: this.blocked });
  }

  private send(msg: MainToWorker): void {
    this.worker?.postMessage(msg);
  }

  private receive(m: WorkerToMain): void {
    switch (m.type) {
      case 'status':
        if (m.state === 'running') {
          this.set(m.id, { state: 'running', since: this.opts.now() });
          this.arm(m.id);
        } else {
          this.disarm(m.id);
          if (m.state === 'pending') this.set(m.id, { state: 'pending' });
          else if (m.state === 'done') this.set(m.id, { state: 'done', display: m.display, ms: m.ms });
          else if (m.state === 'error') this.set(m.id, { state: 'error', error: m.error });
          else if (m.state === 'blocked') this.set(m.id, { state: 'blocked', reason: m.reason });
        }
        break;
      case 'progress': {
        const s = this.states.get(m.id);
        if (s?.state === 'running') {
          this.set(m.id, { ...s, progress: m.fraction, message: m.message });
          this.arm(m.id); // progress proves the cell is alive: restart its clock
        }
        break;
      }
      case 'log':
        this.opts.onLog?.(m.id, m.level, m.text);
        break;
      case 'mainCall':
        void this.mainCall(m.callId, m.fn, m.args);
        break;
    }
  }

  private async mainCall(callId: number, fn: string, args: unknown[]): Promise<void> {
    const f = this.opts.mainFunctions?.[fn];
    try {
      if (!f) throw new Error(`no main-thread function '${fn}' (available: ${Object.keys(this.opts.mainFunctions ?? {}).join(', ') || 'none'})`);
      const value = await f(...args);
      this.send({ type: 'mainResult', callId, ok: true, value });
    } catch (e) {
      this.send({ type: 'mainResult', callId, ok: false, error: (e as Error).message });
    }
  }

  private arm(id: string): void {
    this.disarm(id);
    const ms = this.cellTimeoutMs(id);
    this.watchdogs.set(
      id,
      this.opts.setTimer(() => {
        this.watchdogs.delete(id);
        this.cancel(id, `Stopped after ${formatSeconds(ms)} without finishing or reporting progress (timeout ${ms} ms). Edit the cell, raise its timeout with \`timeout=…\` on the fence, or press Run to try again.`);
      }, ms),
    );
  }

  private disarm(id: string): void {
    const h = this.watchdogs.get(id);
    if (h !== undefined) this.opts.clearTimer(h);
    this.watchdogs.delete(id);
  }

  private set(id: string, s: CellState): void {
    this.states.set(id, s);
    this.opts.onChange?.(id, s);
    if (this.isIdle() && this.idleWaiters.length) {
      const ws = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of ws) w();
    }
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${ms} ms`;
}
