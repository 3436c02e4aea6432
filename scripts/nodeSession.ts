/** Run a notebook headless: the same host and session as the browser, on a Node worker thread. */
import { Worker } from 'node:worker_threads';
import { NotebookSession, type CellState, type WorkerLike } from '../src/workers/session';
import type { Notebook, InputValue } from '../src/notebook/format';
import type { WorkerToMain } from '../src/notebook/protocol';
import { nodeMainFunctions } from './nodeMainThread';
import type { DataUpload } from './dataArgs';

export function createNodeWorker(): WorkerLike {
  const w = new Worker(new URL('./nodeWorker.mjs', import.meta.url));
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
  opts: { defaultTimeoutMs?: number; onChange?: (id: string, s: CellState) => void; uploads?: DataUpload[]; withReach?: boolean } = {},
): Promise<HeadlessResult> {
  const t0 = performance.now();
  const session = new NotebookSession({ createWorker: createNodeWorker, mainFunctions: nodeMainFunctions, defaultTimeoutMs: opts.defaultTimeoutMs, onChange: opts.onChange });
  for (const u of opts.uploads ?? []) session.addDataset(u.id, u.fileName, u.text, u.bytes, u.companions);
  session.load(nb.cells, state);
  await session.whenIdle();
  const states = new Map(session.states);
  const reach = opts.withReach ? Object.fromEntries(nb.cells.map((c) => [c.id, [...session.downstream([c.id])]])) : undefined;
  session.dispose();
  return { states, ms: performance.now() - t0, ...(reach ? { reach } : {}) };
}
