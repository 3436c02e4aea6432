/// <reference lib="webworker" />
/** Browser entry of the notebook worker: the host, wired to this worker's message port and to fetch. */
import { connectHost } from '../notebook/host';
import type { MainToWorker } from '../notebook/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const base = new URL(import.meta.env.BASE_URL, scope.location.origin);
// Shipped notebooks, loaded on demand (runNotebook, used by the claims ledger). File name = notebook id.
const notebookFiles = import.meta.glob('/notebooks/*.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

connectHost(
  {
    async fetchText(path) {
      const res = await fetch(new URL(path, base));
      if (!res.ok) throw new Error(`could not load ${path}: HTTP ${res.status}`);
      return res.text();
    },
    now: () => performance.now(),
    notebookSource: async (id) => {
      const load = notebookFiles[`/notebooks/${id}.md`];
      if (!load) throw new Error(`no shipped notebook '${id}'`);
      return load();
    },
  },
  {
    postMessage: (m) => scope.postMessage(m),
    onMessage: (cb) => {
      scope.onmessage = (e: MessageEvent<MainToWorker>) => cb(e.data);
    },
  },
);
