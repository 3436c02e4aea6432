/** Run a notebook headless: the same host and session as the browser, on a Node worker thread. */
import { Worker } from 'node:worker_threads';
import { NotebookSession, type CellState, type WorkerLike } from '../src/workers/session';
import type { Notebook, InputValue } from '../src/notebook/format';
import type { WorkerToMain } from '../src/notebook/protocol';
import { nodeMainFunctions } from './nodeMainThread';
import type { DataUpload } from './dataArgs';
import { repoRoot, workerBundleUrl } from './workerBundle';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { NodeWorkerData } from './nodeWorker';
import { poolSizeFor } from '../src/notebook/runnerPool';
import { dataFingerprint, engineSalt } from './engineSalt';

/** The default result cache folder of headless runs. */
export const LEDGER_CACHE_DIR = join(repoRoot, '.cache', 'ledger');

export interface ExperimentOptions {
  /** Result cache folder; null (default): nothing read or stored. */
  cacheDir?: string | null;
  /** Runner workers for parallel experiments (default: the machine's cores; 0: none). */
  poolSize?: number;
}

/** Pool size of headless runs: the machine's cores (os.availableParallelism). */
export function headlessPoolSize(): number {
  return poolSizeFor(availableParallelism());
}

/**
 * A notebook worker thread. `bundle`: the prebundled worker (workerBundleUrl()); without it the TypeScript
 * entry is compiled through tsx in the thread (slower to start). `experiments`: how its runNotebook calls (the
 * claims ledger) are served: result cache folder (null: none) and runner pool size (0: in the worker, one by one).
 */
export function createNodeWorker(bundle?: URL | null, experiments?: NodeWorkerData['experiments']): WorkerLike {
  const data: NodeWorkerData = { role: 'notebook', root: repoRoot, bundle: bundle?.href ?? null, experiments };
  const w = new Worker(bundle ?? new URL('./nodeWorker.mjs', import.meta.url), { workerData: data });
  const like: WorkerLike = {
    postMessage: (m) => w.postMessage(m),
    terminate: () => void w.terminate(),
    onmessage: null,
    onerror: null,
  };
  w.on('message', (m: WorkerToMain) => like.onmessage?.(m));
  w.on('error', (e) => like.onerror?.(e.message));
  return like;
}

export interface HeadlessResult {
  states: Map<string, CellState>;
  ms: number;
  /** With `withReach`: cell id → the cells downstream of it (itself included), from the dependency graph. */
  reach?: Record<string, string[]>;
}

export async function runNotebookHeadless(
  nb: Notebook,
  state: { seed: number; inputs: Record<string, InputValue>; edits: Record<string, string> },
  opts: { defaultTimeoutMs?: number; onChange?: (id: string, s: CellState) => void; uploads?: DataUpload[]; withReach?: boolean; experiments?: ExperimentOptions } = {},
): Promise<HeadlessResult> {
  const t0 = performance.now();
  const bundle = await workerBundleUrl();
  const x = opts.experiments ?? {};
  const experiments: NodeWorkerData['experiments'] = {
    cacheDir: x.cacheDir ?? null, poolSize: x.poolSize ?? headlessPoolSize(),
    // The key's salt: every source file and the lock file; the data fingerprint: the shipped data files.
    salt: x.cacheDir ? engineSalt() : '', data: x.cacheDir ? dataFingerprint() : '',
    where: `Node ${process.version} (headless)`,
  };
  const session = new NotebookSession({ createWorker: () => createNodeWorker(bundle, experiments), mainFunctions: nodeMainFunctions, defaultTimeoutMs: opts.defaultTimeoutMs, onChange: opts.onChange });
  for (const u of opts.uploads ?? []) session.addDataset(u.id, u.fileName, u.text, u.bytes, u.companions);
  session.load(nb.cells, state);
  await session.whenIdle();
  const states = new Map(session.states);
  const reach = opts.withReach ? Object.fromEntries(nb.cells.map((c) => [c.id, [...session.downstream([c.id])]])) : undefined;
  session.dispose();
  return { states, ms: performance.now() - t0, ...(reach ? { reach } : {}) };
}
