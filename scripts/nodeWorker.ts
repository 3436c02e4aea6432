/** Node entry of the notebook worker (worker_threads), used by the headless runner. Same host as the browser. */
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectHost } from '../src/notebook/host';
import type { MainToWorker } from '../src/notebook/protocol';

// The prebundled copy of this file lives in .cache/headless/: the repository root comes from the parent.
const root = (workerData as { root?: string } | null)?.root ?? fileURLToPath(new URL('..', import.meta.url));
const publicDir = join(root, 'public') + '/';
const notebooksDir = join(root, 'notebooks') + '/';

connectHost(
  {
    fetchText: (path) => readFile(publicDir + path, 'utf8'),
    now: () => performance.now(),
    notebookSource: (id) => {
      if (!/^[a-z0-9-]+$/.test(id)) return Promise.reject(new Error(`invalid notebook id '${id}'`));
      return readFile(`${notebooksDir}${id}.md`, 'utf8').catch(() => Promise.reject(new Error(`no shipped notebook '${id}'`)));
    },
  },
  {
    postMessage: (m) => parentPort!.postMessage(m),
    onMessage: (cb) => parentPort!.on('message', (m: MainToWorker) => cb(m)),
  },
);
