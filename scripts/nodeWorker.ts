/**
 * Node entry of the notebook worker (worker_threads), used by the headless runner. Same host as the browser.
 * `workerData.role`: 'notebook' (a notebook host, what the session talks to) or 'runner' (an experiment runner of
 * the ledger's pool). `workerData.experiments` configures how the ledger's runNotebook calls are served.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connectHost, NotebookHost } from '../src/notebook/host';
import type { MainToWorker } from '../src/notebook/protocol';
import { ExperimentRunner } from '../src/notebook/experimentRunner';
import { RunnerPool, type MainToRunner, type RunnerPort, type RunnerToMain } from '../src/notebook/runnerPool';
import { serveRunner } from '../src/notebook/runnerWorker';
import { fsRunCache } from './fsRunCache';

export interface NodeWorkerData {
  role: 'notebook' | 'runner';
  /** The repository root (the prebundled copy of this file lives in .cache/headless/). */
  root: string;
  /** The prebundled worker's URL, or null when running through tsx. */
  bundle: string | null;
  experiments?: { cacheDir: string | null; salt: string; data: string; poolSize: number; where: string };
}

const data = (workerData ?? {}) as Partial<NodeWorkerData>;
const root = data.root ?? fileURLToPath(new URL('..', import.meta.url));
const publicDir = join(root, 'public') + '/';
const notebooksDir = join(root, 'notebooks') + '/';

const env = {
  fetchText: (path: string) => readFile(publicDir + path, 'utf8'),
  now: () => performance.now(),
  notebookSource: (id: string) => {
    if (!/^[a-z0-9-]+$/.test(id)) return Promise.reject(new Error(`invalid notebook id '${id}'`));
    return readFile(`${notebooksDir}${id}.md`, 'utf8').catch(() => Promise.reject(new Error(`no shipped notebook '${id}'`)));
  },
};

function startRunner(): RunnerPort {
  const entry = data.bundle ? new URL(data.bundle) : pathToFileURL(join(root, 'scripts', 'nodeWorker.mjs'));
  const w = new Worker(entry, { workerData: { role: 'runner', root, bundle: data.bundle ?? null } satisfies NodeWorkerData });
  const port: RunnerPort = { postMessage: (m) => w.postMessage(m), terminate: () => void w.terminate(), onmessage: null, onerror: null };
  w.on('message', (m: RunnerToMain) => port.onmessage?.(m));
  w.on('error', (e) => port.onerror?.(e.message));
  return port;
}

if (data.role === 'runner') {
  serveRunner(
    { notebookSource: env.notebookSource, now: env.now, createHost: (post) => new NotebookHost({ ...env, post }) },
    { postMessage: (m) => parentPort!.postMessage(m), onMessage: (cb) => parentPort!.on('message', (m: MainToRunner) => cb(m)) },
  );
} else {
  const x = data.experiments;
  let pool: RunnerPool | null = null;
  const experiments = x
    ? new ExperimentRunner({
      store: x.cacheDir ? fsRunCache(x.cacheDir) : undefined, salt: x.salt, data: x.data, where: x.where,
      pool: x.poolSize > 0 ? () => (pool ??= new RunnerPool(startRunner, x.poolSize)) : undefined,
    })
    : undefined;
  connectHost(
    { ...env, experiments },
    {
      postMessage: (m) => parentPort!.postMessage(m),
      onMessage: (cb) => parentPort!.on('message', (m: MainToWorker) => cb(m)),
    },
  );
}
