/// <reference lib="webworker" />
/** Browser entry of the notebook worker: the host, wired to this worker's message port and to fetch. */
import { connectHost } from '../notebook/host';
import type { MainToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const base = new URL(import.meta.env.BASE_URL, scope.location.origin);

connectHost(
  {
    async fetchText(path) {
      const res = await fetch(new URL(path, base));
      if (!res.ok) throw new Error(`could not load ${path}: HTTP ${res.status}`);
      return res.text();
    },
    now: () => performance.now(),
  },
  {
    postMessage: (m) => scope.postMessage(m),
    onMessage: (cb) => {
      scope.onmessage = (e: MessageEvent<MainToWorker>) => cb(e.data);
    },
  },
);
