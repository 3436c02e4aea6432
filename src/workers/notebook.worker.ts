/// <reference lib="webworker" />
/** Browser entry of the notebook worker: the host, wired to this worker's message port and to fetch. */
import { connectHost } from '../notebook/host';
import type { MainToWorker } from '../notebook/protocol';
import { ExperimentRunner } from '../notebook/experimentRunner';
import type { RunnerPool } from '../notebook/runnerPool';
import { browserLabel, browserNotebookEnv, browserRunnerPool } from './browserEnv';
import { idbRunCache } from './idbRunCache';
import { LEDGER_CACHE_SALT, LEDGER_DATA_FINGERPRINT } from 'virtual:ledger-cache-keys';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pool: RunnerPool | null = null;
// The claims ledger's experiments: cached in IndexedDB (keys salted with the source hash, recomputed by the dev
// server after every edit: scripts/ledgerCacheKeys.ts), run in parallel on runner workers started on first use,
// timing ones alone here.
const experiments = new ExperimentRunner({
  store: idbRunCache(),
  salt: LEDGER_CACHE_SALT,
  data: LEDGER_DATA_FINGERPRINT,
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
