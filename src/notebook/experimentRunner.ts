/**
 * How the claims ledger's `runNotebook(id, { inputs, alone, cache })` calls are served: from the result cache
 * when an identical run is stored (runCache.ts), else on the pool of runner workers in parallel (runnerPool.ts),
 * or, for a run that must be alone (a timing experiment) or where no pool exists, in this worker. The gate
 * keeps a timing run alone: it waits until the running experiments finish and holds back the ones after it.
 * A finished run without errors is stored, with when and where it was measured.
 */
import { parseNotebook, type InputValue } from './format';
import { runInputs, runNestedNotebook, type NestedRunEnv, type NotebookRun, type RunNotebookOptions } from './nestedNotebook';
import { runCacheKey, sha256Hex, type RunCacheStore } from './runCache';
import { ExclusiveGate, type RunnerPool, type UploadMessage } from './runnerPool';

export interface LedgerRunOptions extends RunNotebookOptions {
  /** Run alone: no other experiment runs meanwhile (timing experiments). Runs in this worker. */
  alone?: boolean;
  /** Reuse a cached result (default true). False: compute now (the fresh result still refreshes the cache). */
  cache?: boolean;
}

export interface ExperimentRunnerEnv {
  /** Where results are stored (IndexedDB in the page, a folder headless); none: no caching. */
  store?: RunCacheStore;
  /** Engine/version salt and shipped-data fingerprint (see runCache.ts). Without them nothing is cached. */
  salt?: string;
  data?: string;
  /** Where runs happen, for the provenance label ("Chrome 141 (this browser)", "Node v22 (headless)"). */
  where: string;
  /** The pool for ordinary runs (started on first use); none: everything runs in this worker. */
  pool?: () => RunnerPool | null;
}

export class ExperimentRunner {
  readonly gate = new ExclusiveGate();

  constructor(private readonly env: ExperimentRunnerEnv) {}

  async run(id: string, opts: LedgerRunOptions, nested: NestedRunEnv): Promise<NotebookRun> {
    // Queue first, before anything asynchronous: runs start in the order they were asked for (the ledger asks
    // for the timing experiments first), whatever the cache look-ups below take.
    const alone = !!opts.alone;
    const ticket = this.gate.acquire(alone);
    let release: (() => void) | null = null;
    try {
      const source = await nested.notebookSource(id);
      // The inputs this notebook gets (optional ones only where it declares them): they key the cache and go to the run.
      const nb = parseNotebook(source, id);
      const resolved = { ...opts, inputs: runInputs(nb, opts), optionalInputs: undefined, seed: opts.seed ?? nb.meta.seed };
      const key = await this.key(id, source, resolved, nested);
      if (key && opts.cache !== false) {
        const hit = (await this.env.store!.get(key).catch(() => undefined)) as NotebookRun | undefined;
        if (hit && typeof hit === 'object' && hit.id === id) return { ...hit, cached: true };
      }
      try {
        nested.outer.progress(0, `${id}: ${alone ? 'waiting to run alone (it times things)' : 'queued'}`);
      } catch {
        /* a superseded caller: the run is still served, its result dropped there */
      }
      release = await ticket;
      if (nested.signal?.aborted) throw Object.assign(new Error(`the experiment '${id}' was cancelled`), { name: 'AbortError' });
      return await this.compute(id, resolved, nested, alone, key);
    } finally {
      // A cached (or failed) run gives its place back as soon as it is reached.
      if (release) release();
      else void ticket.then((r) => r());
    }
  }

  private async compute(id: string, opts: LedgerRunOptions, nested: NestedRunEnv, alone: boolean, key: string | null): Promise<NotebookRun> {
    let run: NotebookRun;
    let place = alone ? ', alone' : '';
    const pool = alone ? null : this.env.pool?.() ?? null;
    if (pool) {
      place = ', in a pool worker';
      const uploads: UploadMessage[] = [...nested.uploads()].map(([uid, u]) => ({ id: uid, ...u }));
      run = await pool.run(
        { id, inputs: { ...(opts.inputs ?? {}) }, seed: opts.seed, uploads, callerInputs: { ...nested.callerInputs } },
        { progress: (f, m) => nested.outer.progress(f, m), onMainThread: (fn, ...args) => nested.outer.onMainThread(fn, ...args) },
        nested.signal, // a superseded or cancelled caller stops this experiment alone; the others run on
      );
    } else run = await runNestedNotebook(id, { inputs: opts.inputs, seed: opts.seed }, nested);
    run = { ...run, measured: { at: new Date().toISOString(), where: `${this.env.where}${place}` }, cached: false };
    if (key && !run.errors.length) await this.env.store!.set(key, run).catch(() => undefined);
    return run;
  }

  private async key(id: string, source: string, opts: LedgerRunOptions & { seed: number }, nested: NestedRunEnv): Promise<string | null> {
    if (!this.env.store || !this.env.salt || !this.env.data) return null;
    const seed = opts.seed;
    // Own files the caller holds (the ledger on your data): their contents are part of the key.
    const uploads: Record<string, string> = {};
    for (const [uid, u] of nested.uploads()) {
      const bytes = u.blob ? new Uint8Array(await u.blob.arrayBuffer()) : u.bytes;
      uploads[uid] = await sha256Hex(bytes ?? `${u.fileName}\0${u.text}\0${JSON.stringify(u.companions ?? [])}`);
    }
    const callerUploadInputs: Record<string, InputValue> = {};
    for (const [k, v] of Object.entries(nested.callerInputs)) if (typeof v === 'string' && v.startsWith('upload:')) callerUploadInputs[k] = v;
    return runCacheKey({
      salt: this.env.salt, data: this.env.data, notebookId: id, notebookSource: source,
      inputs: { ...callerUploadInputs, ...(opts.inputs ?? {}) }, seed, uploads,
    });
  }
}
