/** Run a notebook headless: the same host and session as the browser, on a Node worker thread. */
import { Worker } from 'node:worker_threads';
import { NotebookSession, type CellState, type WorkerLike } from '../src/workers/session';
import type { Notebook, InputValue } from '../src/notebook/format';
import type { WorkerToMain } from '../src/notebook/protocol';
import { nodeMainFunctions } from './nodeMainThread';
import type { DataUpload } from './dataArgs';
import { repoRoot, workerBundleUrl } from './workerBundle';

/**
 * A notebook worker thread. `bundle`: the prebundled worker (workerBundleUrl()); without it the TypeScript
 * entry is compiled through tsx in the thread (slower to start). `role: 'runner'` starts an experiment runner
 * (the ledger's pool) instead of a notebook host.
 */
export function createNodeWorker(bundle?: URL | null, role: 'notebook' | 'runner' = 'notebook'): WorkerLike {
  const w = new Worker(bundle ?? new URL('./nodeWorker.mjs', import.meta.url), { workerData: { role, root: repoRoot, bundle: bundle?.href ?? null } });
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
}

export async function runNotebookHeadless(
  nb: Notebook,
  state: { seed: number; inputs: Record<string, InputValue>; edits: Record<string, string> },
  opts: { defaultTimeoutMs?: number; onChange?: (id: string, s: CellState) => void; uploads?: DataUpload[] } = {},
): Promise<HeadlessResult> {
  const t0 = performance.now();
  const bundle = await workerBundleUrl();
  const session = new NotebookSession({ createWorker: () => createNodeWorker(bundle), mainFunctions: nodeMainFunctions, defaultTimeoutMs: opts.defaultTimeoutMs, onChange: opts.onChange });
  for (const u of opts.uploads ?? []) session.addDataset(u.id, u.fileName, u.text, u.bytes, u.companions);
  session.load(nb.cells, state);
  await session.whenIdle();
  const states = new Map(session.states);
  session.dispose();
  return { states, ms: performance.now() - t0 };
}
