/**
 * The page's (or the headless runner's) handle on a notebook worker: sends edits and inputs, collects
 * statuses, and enforces time limits. A message cannot interrupt a busy loop, so a cell that runs past its
 * timeout without reporting progress, or that the user cancels, is stopped by terminating the worker; a
 * fresh worker then recomputes the notebook with that cell held back until the user runs it again. The
 * worker is asked first (`cancelCell`): a cell only waiting on experiments of the runner pool (the claims
 * ledger) is stopped there alone and the worker is kept.
 *
 * Latest wins: input changes are coalesced (one message per frame; for a chain that took longer than
 * `liveBudgetMs` last time, only once the input settles), every change is numbered (`seq`), the cells it
 * affects are marked stale at once (their last output stays on screen, marked, until a result computed
 * after the change arrives), and a result the worker computed before the change is kept marked stale.
 * A long run that a change supersedes is stopped by restarting the worker when finishing it would cost
 * more than recomputing the cells the change does not touch.
 */
import type { CellDef, InputValue } from '../notebook/format';
import type { CellDisplay, CellErrorInfo, MainThreadFunction, MainToWorker, WorkerToMain } from '../notebook/protocol';

export interface WorkerLike {
  postMessage(msg: MainToWorker): void;
  terminate(): void;
  onmessage: ((msg: WorkerToMain) => void) | null;
  onerror?: ((message: string) => void) | null;
}

export type CellState =
  /** `previous`: the last output, still shown (marked stale) until the new one arrives. */
  | { state: 'pending'; previous?: CellDisplay }
  | { state: 'running'; since: number; progress?: number; message?: string; previous?: CellDisplay }
  /** `stale`: computed before the latest change that affects it; a fresh result is on its way. */
  | { state: 'done'; display: CellDisplay; ms: number; stale?: boolean }
  | { state: 'error'; error: CellErrorInfo; stale?: boolean }
  | { state: 'blocked'; reason: string };

export interface SessionOptions {
  createWorker(): WorkerLike;
  /** Functions a cell may run on the main thread via onMainThread(name, …args) (timer probes). */
  mainFunctions?: Record<string, MainThreadFunction>;
  /** Default time a cell may run without finishing or reporting progress. */
  defaultTimeoutMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onChange?(cellId: string, state: CellState): void;
  onLog?(cellId: string, level: string, text: string): void;
  /** How input changes wait to be sent (default: one frame). Changes in between coalesce. */
  scheduleFrame?: (fn: () => void) => unknown;
  /** A chain that took longer than this last time recomputes only once its input settles (default 100 ms). */
  liveBudgetMs?: number;
  /** How long an input must stay still before an expensive chain recomputes (default 300 ms). */
  settleMs?: number;
}

export const DEFAULT_CELL_TIMEOUT_MS = 20_000;
export const CANCELLED_REASON = 'Cancelled by you. Edit the cell or press Run to try again.';
/** How long a cancel waits for the worker's answer before replacing it. */
export const COOPERATIVE_CANCEL_MS = 300;

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
  /** Cancels waiting for the worker's answer (see cancel). */
  private cancelWaits = new Map<string, unknown>();
  private readonly opts: Required<Pick<SessionOptions, 'defaultTimeoutMs' | 'now' | 'setTimer' | 'clearTimer'>> & SessionOptions;
  private idleWaiters: (() => void)[] = [];
  /** Workers started so far: 1 after load, +1 for every cancel or timeout. */
  workersStarted = 0;
  /** How many times each cell started running (diagnostics and tests: superseded work is not redone). */
  readonly runs = new Map<string, number>();
  private seq = 0;
  /** Cell id → the `seq` of the newest change it depends on. */
  private staleSince = new Map<string, number>();
  private lastDisplay = new Map<string, CellDisplay>();
  private lastMs = new Map<string, number>();
  /** Each cell's direct dependencies, as the worker reported them. */
  private deps: Record<string, string[]> = {};
  private pendingInputs = new Map<string, InputValue>();
  private sendTimer: unknown = null;
  private sendTimerIsFrame = false;

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

  /**
   * Change an input. `settled: false` marks a value in the middle of a gesture (a slider drag): an expensive
   * chain then waits until the value stays still, a cheap one follows live, one message per frame.
   */
  setInput(name: string, value: InputValue, opts: { settled?: boolean } = {}): void {
    this.inputs[name] = value;
    this.pendingInputs.set(name, value);
    const affected = this.downstream([this.inputCellId(name)]);
    this.markStale(affected, this.seq + 1);
    const expensive = this.costOf(affected) > (this.opts.liveBudgetMs ?? 100);
    if (opts.settled === false && expensive) this.scheduleSend(this.opts.settleMs ?? 300, false);
    else this.scheduleSend(0, true);
  }

  /** Input changes not sent to the worker yet (waiting for a frame, or for a drag to pause). */
  hasPendingInputs(): boolean {
    return this.pendingInputs.size > 0;
  }

  /** Send coalesced input changes now (also done before any other change, to keep their order). */
  flushInputs(): void {
    if (this.sendTimer !== null) this.opts.clearTimer(this.sendTimer);
    this.sendTimer = null;
    if (!this.pendingInputs.size) return;
    const changes = [...this.pendingInputs];
    this.pendingInputs.clear();
    const affected = this.downstream(changes.map(([n]) => this.inputCellId(n)));
    if (this.preempt(affected)) return;
    for (const [name, value] of changes) this.send({ type: 'setInput', name, value, seq: ++this.seq });
    this.markStale(affected, this.seq);
  }

  editCell(id: string, source: string): void {
    this.flushInputs();
    this.edits[id] = source;
    delete this.blocked[id];
    this.change([id], { type: 'editCell', id, source });
  }

  /** A user's own data file: kept here so a restarted worker gets it again. */
  addDataset(id: string, fileName: string, text: string, bytes?: Uint8Array, companions?: { name: string; text: string }[], blob?: Blob): void {
    // A Blob (the dropped File) crosses to the worker by reference: the page never copies a big file.
    this.uploads.set(id, { fileName, text, bytes, blob, companions });
    this.send({ type: 'addDataset', id, fileName, text, bytes, blob, companions });
  }

  /** Run a held-back cell (cancelled, timed out, or untrusted code the user has now accepted). */
  unblock(id: string): void {
    this.flushInputs();
    delete this.blocked[id];
    this.change([id], { type: 'unblock', id });
  }

  setSeed(seed: number): void {
    this.flushInputs();
    this.seed = seed;
    this.change(this.cells.map((c) => c.id), { type: 'setSeed', seed });
  }

  /** The cell defining an input (a hidden input the host adds itself, like configurationsTried, is `__<name>`). */
  private inputCellId(name: string): string {
    return this.cells.find((c) => c.input?.name === name)?.id ?? `__${name}`;
  }

  /** The cells downstream of these (inclusive), from the worker's dependency graph. */
  downstream(ids: string[]): Set<string> {
    const readers = new Map<string, string[]>();
    for (const [id, ds] of Object.entries(this.deps)) for (const d of ds) (readers.get(d) ?? readers.set(d, []).get(d)!).push(id);
    const out = new Set<string>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(readers.get(id) ?? []));
    }
    return out;
  }

  private change(ids: string[], msg: Extract<MainToWorker, { type: 'editCell' | 'unblock' | 'setSeed' }>): void {
    const affected = this.downstream(ids);
    if (this.preempt(affected)) return;
    this.send({ ...msg, seq: ++this.seq });
    this.markStale(affected, this.seq);
  }

  /** Milliseconds the given cells took on their last run (unknown counts 0). */
  private costOf(ids: Iterable<string>): number {
    let ms = 0;
    for (const id of ids) ms += this.lastMs.get(id) ?? 0;
    return ms;
  }

  /**
   * A running cell that this change supersedes cannot be interrupted by a message while it computes; if
   * finishing it would take longer than recomputing everything the change does not touch, restart the
   * worker (it loads the current state, change included). Returns whether it restarted.
   */
  private preempt(affected: Set<string>): boolean {
    const now = this.opts.now();
    for (const id of affected) {
      const s = this.states.get(id);
      if (s?.state !== 'running') continue;
      const last = this.lastMs.get(id);
      if (last === undefined) continue;
      const remaining = last - (now - s.since);
      const unaffected = this.cells.map((c) => c.id).filter((c) => !affected.has(c));
      if (remaining > 250 && this.costOf(unaffected) < remaining) {
        this.seq++;
        this.restart();
        return true;
      }
    }
    return false;
  }

  private scheduleSend(ms: number, frame: boolean): void {
    // A pending frame send stays (it is sooner); a pending settle wait restarts with every new value.
    if (this.sendTimer !== null) {
      if (this.sendTimerIsFrame) return;
      this.opts.clearTimer(this.sendTimer);
    }
    this.sendTimerIsFrame = frame;
    const run = () => {
      this.sendTimer = null;
      this.flushInputs();
    };
    this.sendTimer = frame && this.opts.scheduleFrame ? this.opts.scheduleFrame(run) : this.opts.setTimer(run, ms);
  }

  private markStale(ids: Iterable<string>, seq: number): void {
    for (const id of ids) {
      this.staleSince.set(id, Math.max(seq, this.staleSince.get(id) ?? 0));
      const s = this.states.get(id);
      if (s?.state === 'done' || s?.state === 'error') {
        if (!s.stale) this.set(id, { ...s, stale: true });
      }
    }
  }

  /**
   * Stop a running cell; it is held back until Run. The worker is asked first: a cell that is only waiting on
   * experiments of the runner pool (the claims ledger) stops there, alone, and every other cell runs on. A
   * worker that says it cannot stop the cell, or that does not answer within COOPERATIVE_CANCEL_MS (a busy
   * loop cannot read messages), is replaced.
   */
  cancel(id: string, reason = CANCELLED_REASON): void {
    this.blocked[id] = reason;
    const w = this.worker;
    if (!w) return this.restart();
    this.disarm(id);
    const pending = this.cancelWaits.get(id);
    if (pending !== undefined) this.opts.clearTimer(pending);
    this.cancelWaits.set(id, this.opts.setTimer(() => {
      this.cancelWaits.delete(id);
      if (this.worker === w) this.restart();
    }, COOPERATIVE_CANCEL_MS));
    w.postMessage({ type: 'cancelCell', id, reason });
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
    if (this.states.size < this.cells.length || this.pendingInputs.size) return false;
    for (const s of this.states.values()) if (s.state === 'pending' || s.state === 'running' || ((s.state === 'done' || s.state === 'error') && s.stale)) return false;
    return true;
  }

  dispose(): void {
    if (this.sendTimer !== null) this.opts.clearTimer(this.sendTimer);
    this.sendTimer = null;
    this.stopWorker();
  }

  private stopWorker(): void {
    for (const h of [...this.watchdogs.values(), ...this.cancelWaits.values()]) this.opts.clearTimer(h);
    this.watchdogs.clear();
    this.cancelWaits.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private restart(): void {
    this.stopWorker();
    this.pendingInputs.clear(); // the load below carries every input
    this.workersStarted++;
    this.states.clear();
    this.staleSince.clear();
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
    for (const c of this.cells) this.set(c.id, this.pendingState(c.id));
    for (const [id, u] of this.uploads) w.postMessage({ type: 'addDataset', id, ...u });
    w.postMessage({ type: 'load', cells: this.cells, seed: this.seed, inputs: this.inputs, edits: this.edits, blocked: this.blocked });
  }

  private send(msg: MainToWorker): void {
    this.worker?.postMessage(msg);
  }

  private pendingState(id: string): CellState {
    const previous = this.lastDisplay.get(id);
    return previous ? { state: 'pending', previous } : { state: 'pending' };
  }

  private receive(m: WorkerToMain): void {
    switch (m.type) {
      case 'graph':
        this.deps = m.deps;
        break;
      case 'status': {
        // Computed before the newest change that affects this cell: keep it, marked stale.
        const stale = (m.seq ?? Infinity) < (this.staleSince.get(m.id) ?? 0);
        const previous = this.lastDisplay.get(m.id);
        if (m.state === 'running') {
          this.runs.set(m.id, (this.runs.get(m.id) ?? 0) + 1);
          this.set(m.id, { state: 'running', since: this.opts.now(), ...(previous ? { previous } : {}) });
          this.arm(m.id);
        } else {
          this.disarm(m.id);
          if (m.state === 'pending') this.set(m.id, this.pendingState(m.id));
          else if (m.state === 'done') {
            this.lastDisplay.set(m.id, m.display);
            this.lastMs.set(m.id, m.ms);
            this.set(m.id, stale ? { state: 'done', display: m.display, ms: m.ms, stale } : { state: 'done', display: m.display, ms: m.ms });
          } else if (m.state === 'error') {
            if (!stale) this.lastDisplay.delete(m.id);
            this.set(m.id, stale ? { state: 'error', error: m.error, stale } : { state: 'error', error: m.error });
          } else if (m.state === 'blocked') this.set(m.id, { state: 'blocked', reason: m.reason });
        }
        break;
      }
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
      case 'cancelled': {
        const h = this.cancelWaits.get(m.id);
        if (h === undefined) break;
        this.opts.clearTimer(h);
        this.cancelWaits.delete(m.id);
        // Stopped there: the worker reports the cell held back, the other cells run on. Otherwise replace it.
        if (!m.stopped) this.restart();
        break;
      }
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
