/**
 * Run one side of a comparison to completion in its own notebook worker (the same session the notebook page
 * uses), reporting progress (cells settled / cells) and stopping at once when the signal aborts.
 */
import type { CellDef, Notebook } from '../../notebook/format';
import type { ExperimentState } from '../../share/codec';
import { runResultOf, type RunResult } from '../../share/compare';
import { NotebookSession, type CellState, type WorkerLike } from '../../workers/session';
import NotebookWorker from '../../workers/notebook.worker?worker';
import { mainThreadFunctions } from '../mainThread';

export function runInWorker(nb: Notebook, s: ExperimentState, opts: { signal?: AbortSignal; onProgress?: (fraction: number, running: string | null) => void } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortError());
    const settled = (st: CellState) => st.state === 'done' || st.state === 'error' || st.state === 'blocked';
    const session: NotebookSession = new NotebookSession({
      createWorker: () => {
        const w = new NotebookWorker();
        const like: WorkerLike = { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate(), onmessage: null, onerror: null };
        w.onmessage = (e) => like.onmessage?.(e.data as Parameters<NonNullable<WorkerLike['onmessage']>>[0]);
        w.onerror = (e) => like.onerror?.(e.message || 'unknown error');
        return like;
      },
      mainFunctions: mainThreadFunctions,
      onChange: () => {
        if (!opts.onProgress) return;
        const all = [...session.states.entries()];
        const running = all.find(([, st]) => st.state === 'running')?.[0] ?? null;
        opts.onProgress(all.filter(([, st]) => settled(st)).length / Math.max(1, nb.cells.length), running);
      },
    });
    const stop = () => {
      session.dispose();
      reject(abortError());
    };
    opts.signal?.addEventListener('abort', stop, { once: true });
    // Own files never travel in links: inputs that used one run on the shipped default.
    const inputs = { ...s.inputs };
    for (const k of Object.keys(s.files ?? {})) delete inputs[k];
    session.load(structuredClone(nb.cells) as CellDef[], { seed: s.seed, inputs, edits: { ...s.edits } });
    void session.whenIdle().then(() => {
      opts.signal?.removeEventListener('abort', stop);
      if (opts.signal?.aborted) return;
      const reach = Object.fromEntries(nb.cells.map((c) => [c.id, [...session.downstream([c.id])]]));
      const result = { ...runResultOf(nb.cells.map((c) => c.id), session.states), reach };
      session.dispose();
      resolve(result);
    });
  });
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}
