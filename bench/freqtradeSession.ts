/**
 * Shared by the freqtrade benches: a notebook session on a warm worker (the page's situation when a user drops a
 * file into an open notebook), and a promise that settles once the worker has recomputed on the new files.
 */
import { createNodeWorker } from '../scripts/nodeSession';
import { nodeMainFunctions } from '../scripts/nodeMainThread';
import { NotebookSession } from '../src/workers/session';
import type { parseNotebook } from '../src/notebook/format';

let sawWork = false;
let onSettled: (() => void) | null = null;
let settledWhen: (s: NotebookSession) => boolean = () => true;
export async function warmSession(nbToLoad: ReturnType<typeof parseNotebook>): Promise<NotebookSession> {
  const session: NotebookSession = new NotebookSession({
    createWorker: createNodeWorker, mainFunctions: nodeMainFunctions, defaultTimeoutMs: 120_000,
    onChange: (_id, st) => {
      if (st.state === 'pending' || st.state === 'running') sawWork = true;
      else if (sawWork && onSettled && session.isIdle() && settledWhen(session)) { const f = onSettled; onSettled = null; f(); }
    },
  });
  session.load(nbToLoad.cells, { seed: nbToLoad.meta.seed, inputs: {}, edits: {} });
  await session.whenIdle();
  return session;
}
/** Resolves once the worker has re-run what the last messages invalidated and every cell has settled again. */
export function recomputed(when: (s: NotebookSession) => boolean): Promise<void> {
  sawWork = false;
  settledWhen = when;
  return new Promise((r) => { onSettled = r; });
}
export function failures(session: NotebookSession): string[] {
  return [...session.states].filter(([, s]) => s.state !== 'done').map(([id, s]) => `${id}: ${s.state === 'error' ? s.error.message : s.state}`);
}

