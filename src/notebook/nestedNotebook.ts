/**
 * Nested notebooks: `runNotebook(id, { inputs, seed })` runs another shipped notebook to completion inside this
 * worker (the claims ledger does this for every notebook) and returns its verdicts and scalar figures. Its
 * progress is reported as the calling cell's progress, and its main-thread calls go through the calling host.
 */
import { parseNotebook, validateInputValue, type InputValue, type Notebook } from './format';
import type { CellContext } from './library';
import type { MainToWorker, NotebookVerdict, WorkerToMain } from './protocol';
import type { Upload } from './datasets';
import type { RunProvenance } from './runCache';

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
  /** When and where the figures were computed (set by the experiment runner). */
  measured?: RunProvenance;
  /** Served from the result cache: computed earlier (see `measured`), not now. */
  cached?: boolean;
}

export interface RunNotebookOptions {
  inputs?: Record<string, InputValue>;
  /**
   * Inputs given only to a notebook that declares an input of that name (others run without them): the
   * ledger's "Run the robustness sweeps" reaches every experiment with a `robustnessSweep` input, whichever they are.
   */
  optionalInputs?: Record<string, InputValue>;
  seed?: number;
}

/** The inputs a run of `nb` gets: `inputs`, plus those of `optionalInputs` that `nb` declares (`inputs` win). */
export function runInputs(nb: Notebook, opts: RunNotebookOptions): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const [name, value] of Object.entries(opts.optionalInputs ?? {})) if (nb.cells.some((c) => c.input?.name === name)) inputs[name] = value;
  return { ...inputs, ...(opts.inputs ?? {}) };
}

/** The part of a notebook host a nested run drives. */
export interface NestedHost {
  handle(msg: MainToWorker): void;
  idle(): Promise<void>;
}

export interface NestedRunEnv {
  /** The Markdown of a shipped notebook, by id. */
  notebookSource(id: string): Promise<string>;
  now(): number;
  /** The calling host's current inputs (an own file set under a dataset input's name is passed on). */
  callerInputs: Record<string, InputValue>;
  /** The files the user dropped on the calling host. */
  uploads(): Iterable<[string, Upload]>;
  /** The calling cell's context: progress and main-thread calls are forwarded to it. */
  outer: Pick<CellContext, 'progress' | 'onMainThread'>;
  /** Fires when the calling cell's run is superseded or cancelled: a pooled experiment is then stopped (runnerPool.ts). */
  signal?: AbortSignal;
  /** A fresh host (same environment as the caller) that posts its messages to `post`. */
  createHost(post: (msg: WorkerToMain) => void): NestedHost;
}

export async function runNestedNotebook(id: string, opts: RunNotebookOptions, env: NestedRunEnv): Promise<NotebookRun> {
  const nb = parseNotebook(await env.notebookSource(id), id);
  const inputs = runInputs(nb, opts);
  // An own file set on this session under a dataset input's name (`npm run ledger -- --data`) reaches the notebooks it runs.
  for (const c of nb.cells) {
    const v = c.input?.type === 'dataset' && !(c.input.name in inputs) ? env.callerInputs[c.input.name] : undefined;
    if (typeof v === 'string' && v.startsWith('upload:')) inputs[c.input!.name] = v;
  }
  for (const [name, value] of Object.entries(inputs)) {
    const spec = nb.cells.find((c) => c.input?.name === name)?.input;
    if (!spec) throw new Error(`runNotebook('${id}'): it has no input '${name}' (inputs: ${nb.cells.filter((c) => c.input).map((c) => c.input!.name).join(', ')})`);
    const problem = validateInputValue(spec, value);
    if (problem) throw new Error(`runNotebook('${id}'): inputs.${name}: ${problem}`);
  }
  const seed = opts.seed ?? nb.meta.seed;
  const t0 = env.now();
  const finished = new Map<string, WorkerToMain>();
  const total = nb.cells.length;
  const outer = env.outer;
  const nested: NestedHost = env.createHost((m) => {
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
  });
  // The user's own files reach the notebooks this one runs (the ledger on your data).
  for (const [uid, up] of env.uploads()) nested.handle({ type: 'addDataset', id: uid, ...up });
  nested.handle({ type: 'load', cells: nb.cells, seed, inputs, edits: {}, blocked: {} });
  await nested.idle();
  const run: NotebookRun = { id, title: nb.meta.title, inputs, seed, verdicts: [], figures: {}, errors: [], ms: env.now() - t0 };
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
