/// <reference lib="webworker" />
/** Browser entry of a runner worker (the claims ledger's pool): runs one experiment notebook per job. */
import { NotebookHost } from '../notebook/host';
import { serveRunner } from '../notebook/runnerWorker';
import type { MainToRunner } from '../notebook/runnerPool';
import { browserNotebookEnv } from './browserEnv';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const env = browserNotebookEnv(scope);

serveRunner(
  { notebookSource: env.notebookSource, now: env.now, createHost: (post) => new NotebookHost({ ...env, post }) },
  {
    postMessage: (m) => scope.postMessage(m),
    onMessage: (cb) => {
      scope.onmessage = (e: MessageEvent<MainToRunner>) => cb(e.data);
    },
  },
);
