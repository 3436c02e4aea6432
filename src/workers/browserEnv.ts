/// <reference lib="webworker" />
/** What a notebook host needs in a browser worker: shipped files by fetch, shipped notebooks, a clock. */
import type { HostEnv } from '../notebook/host';
import { RunnerPool, poolSizeFor, type RunnerPort, type RunnerToMain } from '../notebook/runnerPool';

// Shipped notebooks, loaded on demand (runNotebook, used by the claims ledger). File name = notebook id.
const notebookFiles = import.meta.glob('/notebooks/*.md', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export function browserNotebookEnv(scope: DedicatedWorkerGlobalScope): Required<Pick<HostEnv, 'fetchText' | 'now' | 'notebookSource'>> {
  const base = new URL(import.meta.env.BASE_URL, scope.location.origin);
  return {
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
  };
}

/** "Chrome 141 (this browser)": where a run's figures were measured, for the cached-result label. */
export function browserLabel(userAgent: string): string {
  const m = /(Firefox|Edg|OPR|Chrome|Version)\/(\d+)/.exec(userAgent);
  const name = !m ? 'this browser' : m[1] === 'Edg' ? 'Edge' : m[1] === 'OPR' ? 'Opera' : m[1] === 'Version' ? 'Safari' : m[1];
  return m ? `${name} ${m[2]} (this browser)` : name;
}

/** The ledger's runner pool in the page: nested Web Workers, one per core. */
export function browserRunnerPool(cores: number | undefined): RunnerPool {
  return new RunnerPool(() => {
    const w = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'experiment runner' });
    const port: RunnerPort = {
      postMessage: (m) => w.postMessage(m),
      terminate: () => w.terminate(),
      onmessage: null,
      onerror: null,
    };
    w.onmessage = (e: MessageEvent<RunnerToMain>) => port.onmessage?.(e.data);
    w.onerror = (e) => port.onerror?.(e.message || 'worker error');
    return port;
  }, poolSizeFor(cores));
}
