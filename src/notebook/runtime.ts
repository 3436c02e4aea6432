/**
 * The reactive runtime: cells form a dependency graph derived from the names they define and reference.
 * Changing a cell re-runs exactly that cell and its transitive dependents, once each, in topological order.
 *
 * Each cell holds a promise of its current values and a version. A run that finishes after its cell was
 * redefined (a newer version exists) is dropped, so stale results never overwrite newer ones. Errors and
 * cycles mark only the cells involved and their dependents; everything else keeps working.
 * Modelled on observablehq/runtime (variables, versions, promise-valued cells), typed and DOM-free.
 *
 * Latest wins: a change invalidates the in-flight runs of the changed cell and everything downstream at once
 * (their AbortSignal fires, so a long loop that checks it, e.g. through progress(), stops early), while the
 * recompute itself is scheduled through `schedule` (a frame later in the worker), so a burst of changes gives
 * one pass. Before a cell starts, `beforeRun` lets queued messages in (a macrotask yield in the worker), so
 * a dependent of a cell that just finished never starts on inputs that a queued message already replaced.
 */

export type CellValues = Record<string, unknown>;

export interface RuntimeCellSpec {
  id: string;
  defines: readonly string[];
  /** Free names the cell uses; those defined by other cells become dependencies, the rest are globals. */
  references: readonly string[];
  /** Compute the cell's values from its dependencies' values (keyed by name). `signal` fires when a newer
   *  change supersedes this run: long work should stop (throwing is fine, the result is dropped anyway). */
  run?: (args: CellValues, signal: AbortSignal) => Promise<CellValues> | CellValues;
  /** A compile error: the cell shows it and its dependents wait on it. */
  error?: Error;
  /** The cell must not run (untrusted code, cancelled by the user): the reason is shown. */
  blocked?: string;
}

export type CellStatus =
  | { state: 'pending' }
  | { state: 'running' }
  | { state: 'done'; values: CellValues }
  | { state: 'error'; error: Error }
  | { state: 'blocked'; reason: string };

export type StatusObserver = (cellId: string, status: CellStatus) => void;

export class RuntimeError extends Error {
  constructor(message: string, readonly kind: 'cycle' | 'duplicate' | 'dependency' | 'blocked') {
    super(message);
    this.name = 'RuntimeError';
  }
}

class StaleRun extends Error {}

/** Thrown inside a run whose inputs have changed since it started (see RuntimeCellSpec.run's signal). */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer change');
    this.name = 'SupersededError';
  }
}

interface Entry {
  spec: RuntimeCellSpec;
  version: number;
  promise: Promise<CellValues>;
  status: CellStatus;
  /** Aborted when the current run is superseded (the cell or something upstream changed). */
  controller: AbortController;
}

export interface RuntimeOptions {
  /** How a recompute pass is scheduled after a change (default: a microtask). Changes before it coalesce. */
  schedule?: (flush: () => void) => void;
  /** Awaited right before a cell's code starts, after its dependencies settled (default: nothing). */
  beforeRun?: () => Promise<void>;
}

export class Runtime {
  private readonly cells = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private flushScheduled = false;
  private flushed: Promise<void> = Promise.resolve();
  private inFlight = new Set<Promise<unknown>>();
  /** How many times each cell's run function was invoked (for tests and diagnostics). */
  readonly runCounts = new Map<string, number>();
  private readonly scheduleFlush: (flush: () => void) => void;
  private readonly beforeRun?: () => Promise<void>;

  constructor(
    private readonly observe: StatusObserver = () => {},
    opts: RuntimeOptions = {},
  ) {
    this.scheduleFlush = opts.schedule ?? queueMicrotask;
    this.beforeRun = opts.beforeRun;
  }

  /** Add or replace a cell. Recomputation is batched: all defines in one tick give one pass. */
  define(spec: RuntimeCellSpec): void {
    const old = this.cells.get(spec.id);
    const namesChanged = !old || old.spec.defines.join() !== spec.defines.join() || old.spec.references.join() !== spec.references.join();
    this.cells.set(spec.id, old ? { ...old, spec } : { spec, version: 0, promise: settled(), status: { state: 'pending' }, controller: new AbortController() });
    this.markDirty(spec.id);
    // A cell that starts or stops defining a name changes who depends on it: re-run the readers of old names too.
    if (namesChanged && old) for (const n of old.spec.defines) for (const id of this.readersOf(n)) this.markDirty(id);
    if (namesChanged) for (const n of spec.defines) for (const id of this.readersOf(n)) this.markDirty(id);
  }

  remove(id: string): void {
    const old = this.cells.get(id);
    if (!old) return;
    old.controller.abort();
    this.cells.delete(id);
    this.dirty.delete(id);
    for (const n of old.spec.defines) for (const r of this.readersOf(n)) this.markDirty(r);
  }

  /** Re-run a cell (and its dependents) without changing it. */
  refresh(id: string): void {
    if (this.cells.has(id)) this.markDirty(id);
  }

  status(id: string): CellStatus | undefined {
    return this.cells.get(id)?.status;
  }

  /** The value of a named value once its cell settles (rejects if the cell fails). */
  async value(name: string): Promise<unknown> {
    await this.idle();
    const owner = this.ownersOf(name)[0];
    if (!owner) throw new RuntimeError(`no cell defines '${name}'`, 'dependency');
    return (await this.cells.get(owner)!.promise)[name];
  }

  /** Resolves once every scheduled computation has settled. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.flushScheduled) await this.flushed;
      if (this.inFlight.size === 0 && !this.flushScheduled) return;
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** Each cell's direct dependencies (ids of the cells defining the names it reads). */
  graph(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [id, e] of this.cells) out[id] = [...new Set(this.dependencies(e.spec).deps.values())];
    return out;
  }

  /** Cells whose current value is out of date: changed, or downstream of a change, and not yet recomputed. */
  isStale(id: string): boolean {
    const e = this.cells.get(id);
    return !!e && (e.controller.signal.aborted || this.dirty.has(id));
  }

  private markDirty(id: string): void {
    this.dirty.add(id);
    // Latest wins: whatever is computing from the old value stops counting now, not at the next pass.
    for (const d of this.downstreamOf(id)) this.cells.get(d)?.controller.abort();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.flushed = new Promise((resolve) =>
        this.scheduleFlush(() => {
          this.flushScheduled = false;
          this.flush();
          resolve();
        }),
      );
    }
  }

  /** The cell and every cell that (transitively) reads a name it defines. */
  private downstreamOf(id: string): Set<string> {
    const out = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const c = stack.pop()!;
      if (out.has(c)) continue;
      out.add(c);
      const e = this.cells.get(c);
      if (e) for (const n of e.spec.defines) for (const r of this.readersOf(n)) stack.push(r);
    }
    return out;
  }

  private ownersOf(name: string): string[] {
    const out: string[] = [];
    for (const [id, e] of this.cells) if (e.spec.defines.includes(name)) out.push(id);
    return out;
  }

  private readersOf(name: string): string[] {
    const out: string[] = [];
    for (const [id, e] of this.cells) if (e.spec.references.includes(name)) out.push(id);
    return out;
  }

  /** Dependencies of a cell: for each referenced name, the single cell defining it (or an ambiguity). */
  private dependencies(spec: RuntimeCellSpec): { deps: Map<string, string>; ambiguous: string[] } {
    const deps = new Map<string, string>();
    const ambiguous: string[] = [];
    for (const name of spec.references) {
      const owners = this.ownersOf(name).filter((o) => o !== spec.id);
      if (owners.length === 1) deps.set(name, owners[0]);
      else if (owners.length > 1) ambiguous.push(`'${name}' (defined by ${owners.join(' and ')})`);
    }
    return { deps, ambiguous };
  }

  private flush(): void {
    const graph = new Map<string, Set<string>>(); // cell -> cells it depends on
    for (const [id, e] of this.cells) graph.set(id, new Set(this.dependencies(e.spec).deps.values()));
    const dependents = new Map<string, Set<string>>();
    for (const [id, ds] of graph) for (const d of ds) (dependents.get(d) ?? dependents.set(d, new Set()).get(d)!).add(id);

    // Everything downstream of a dirty cell is affected.
    const affected = new Set<string>();
    const stack = [...this.dirty].filter((id) => this.cells.has(id));
    this.dirty.clear();
    while (stack.length) {
      const id = stack.pop()!;
      if (affected.has(id)) continue;
      affected.add(id);
      for (const r of dependents.get(id) ?? []) stack.push(r);
    }

    const cyclic = findCycles(graph);
    // Ties in the topological order follow the notebook's order: cells that become ready together start top to
    // bottom (the claims ledger asks for its timing experiments first, so they run alone first).
    const inNotebookOrder = new Set([...this.cells.keys()].filter((id) => affected.has(id)));
    const order = topologicalOrder(inNotebookOrder, graph, cyclic);
    for (const id of order) this.schedule(id, graph.get(id)!, cyclic.get(id));
  }

  private schedule(id: string, depIds: Set<string>, cycle: string[] | undefined): void {
    const entry = this.cells.get(id)!;
    const version = ++entry.version;
    entry.controller.abort();
    const controller = new AbortController();
    entry.controller = controller;
    const spec = entry.spec;
    const { deps, ambiguous } = this.dependencies(spec);
    const depPromises = new Map<string, Promise<CellValues>>();
    for (const d of depIds) depPromises.set(d, this.cells.get(d)!.promise);

    const superseded = () => entry.version !== version || controller.signal.aborted;
    const setStatus = (s: CellStatus) => {
      if (superseded()) return;
      entry.status = s;
      this.observe(id, s);
    };
    setStatus({ state: 'pending' });

    const compute = async (): Promise<CellValues> => {
      if (spec.error) throw spec.error;
      if (cycle) throw new RuntimeError(`circular definition: ${cycle.join(' → ')}`, 'cycle');
      if (ambiguous.length) throw new RuntimeError(`ambiguous name ${ambiguous.join(', ')}: each name must be defined by one cell`, 'duplicate');
      const dupes = spec.defines.filter((n) => this.ownersOf(n).length > 1);
      if (dupes.length) {
        const others = dupes.map((n) => `'${n}' is also defined by ${this.ownersOf(n).filter((o) => o !== id).join(', ')}`);
        throw new RuntimeError(`duplicate definition: ${others.join('; ')}`, 'duplicate');
      }
      if (spec.blocked) throw new RuntimeError(spec.blocked, 'blocked');
      const args: CellValues = {};
      // All dependencies at once: every cell then resumes the same number of steps after its last dependency
      // settles, so cells released by the same cell start in the order they were scheduled (notebook order).
      const depList = [...depPromises];
      const depValues = await Promise.all(depList.map(([d, p]) => p.catch((e: unknown) => {
        throw e instanceof StaleRun ? e : new RuntimeError(`waiting for cell '${d}', which failed`, 'dependency');
      })));
      const resolved = new Map(depList.map(([d], i) => [d, depValues[i]]));
      if (superseded()) throw new StaleRun();
      // Let queued changes in first: if one supersedes this run, it never starts.
      if (this.beforeRun && spec.run) {
        await this.beforeRun();
        if (superseded()) throw new StaleRun();
      }
      for (const [name, d] of deps) args[name] = resolved.get(d)![name];
      setStatus({ state: 'running' });
      this.runCounts.set(id, (this.runCounts.get(id) ?? 0) + 1);
      let values: CellValues;
      try {
        values = (await spec.run?.(args, controller.signal)) ?? {};
      } catch (e) {
        if (superseded()) throw new StaleRun();
        throw e;
      }
      if (superseded()) throw new StaleRun();
      return values;
    };

    const promise = compute();
    entry.promise = promise;
    const tracked = promise.then(
      (values) => setStatus({ state: 'done', values }),
      (error: unknown) => {
        if (error instanceof StaleRun) return;
        if (error instanceof RuntimeError && error.kind === 'blocked') setStatus({ state: 'blocked', reason: error.message });
        else setStatus({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}

function settled(): Promise<CellValues> {
  return Promise.resolve({});
}

/** Cells on a cycle, each mapped to one cycle path through it (Tarjan's SCC). */
function findCycles(graph: Map<string, Set<string>>): Map<string, string[]> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, string[]>();
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      const selfLoop = graph.get(v)?.has(v);
      if (comp.length > 1 || selfLoop) {
        const sorted = comp.reverse();
        for (const c of sorted) out.set(c, [...sorted, sorted[0]]);
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Kahn's order over the affected cells; cycle members come first (they only report their error, and their
 *  dependents must see the new, failing promise rather than an older value). */
function topologicalOrder(affected: Set<string>, graph: Map<string, Set<string>>, cyclic: Map<string, string[]>): string[] {
  const indegree = new Map<string, number>();
  for (const id of affected) {
    let n = 0;
    for (const d of graph.get(id) ?? []) if (affected.has(d) && !cyclic.has(d)) n++;
    indegree.set(id, n);
  }
  const queue = [...affected].filter((id) => indegree.get(id) === 0 && !cyclic.has(id));
  const order: string[] = [...affected].filter((id) => cyclic.has(id));
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const r of affected) {
      if (r === id || cyclic.has(r) || !graph.get(r)?.has(id)) continue;
      const n = indegree.get(r)! - 1;
      indegree.set(r, n);
      if (n === 0) queue.push(r);
    }
  }
  for (const id of affected) if (!order.includes(id)) order.push(id);
  return order;
}
