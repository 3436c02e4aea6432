/// <reference lib="webworker" />
/** Browser entry of the notebook worker: the host, wired to this worker's message port and to fetch. */
import { connectHost } from '../notebook/host';
import type { MainToWorker } from '../notebook/protocol';
import { ExperimentRunner } from '../notebook/experimentRunner';
import type { RunnerPool } from '../notebook/runnerPool';
import { browserLabel, browserNotebookEnv, browserRunnerPool } from './browserEnv';
import { idbRunCache } from './idbRunCache';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pool: RunnerPool | null = null;
// The claims ledger's experiments: cached in IndexedDB (keys salted with the build's source hash, see
// vite.config.ts), run in parallel on runner workers started on first use, timing ones alone here.
const experiments = new ExperimentRunner({
  store: idbRunCache(),
  salt: import.meta.env.LEDGER_CACHE_SALT as string | undefined,
  data: import.meta.env.LEDGER_DATA_FINGERPRINT as string | undefined,
  where: browserLabel(scope.navigator.userAgent),
  pool: () => (pool ??= browserRunnerPool(scope.navigator.hardwareConcurrency)),
});

connectHost(
  { ...browserNotebookEnv(scope), experiments },
  {
    postMessage: (m) => scope.postMessage(m),
    onMessage: (cb) => {
      scope.onmessage = (e: MessageEvent<MainToWorker>) => cb(e.data);
    },
  },
);
